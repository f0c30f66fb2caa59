package org.cityops.muck.alarm;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cityops.muck.engine.AlarmEngine;
import org.cityops.muck.engine.EngineEvent;
import org.cityops.muck.engine.OpenAlarm;
import org.cityops.muck.engine.TrackerState;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.PositionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the alarm engine: receives telemetry's durable position batches ({@link PositionObserver}, returning at once),
 * and the offline clock tick, and processes both on one worker thread in arrival order; alarms are persisted with
 * every batch, vehicle states at most every few seconds (see {@link #persist}).
 * On start it rebuilds the engine's world from the registry and restores every vehicle's state, so the engine
 * resumes where it was. When the queue is full the gateway's thread processes the batch itself (back-pressure,
 * nothing dropped).
 */
@Component
public class EngineRunner implements PositionObserver {

    private static final Logger log = LoggerFactory.getLogger(EngineRunner.class);
    private final AlarmEngine engine;
    private final AlarmStore store;
    private final WorldLoader world;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService worker = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(2_000),
            r -> {
                Thread t = new Thread(r, "muck-alarm-engine");
                t.setDaemon(true);
                return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    private volatile boolean started;
    /** vehicles this node ticks for: all of them, unless telemetry runs on several nodes */
    private volatile java.util.function.Predicate<String> mine = t -> true;
    /** vehicles whose state changed since it was last written (guarded by itself) */
    private final Set<String> dirty = new java.util.LinkedHashSet<>();
    /**
     * confirmations of batches evaluated while some vehicle's state is not written yet (guarded by {@link
     * #dirty}): run once every state is written, so "observed" means "a takeover may resume from the database"
     */
    private final List<Runnable> unconfirmed = new ArrayList<>();

    private final Duration stateInterval;
    private long lastStateWrite = System.nanoTime();

    EngineRunner(
            AlarmEngine engine,
            AlarmStore store,
            WorldLoader world,
            JdbcClient jdbc,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${cityops.muck.alarm.state-interval:PT5S}")
                    Duration stateInterval) {
        this.stateInterval = stateInterval;
        this.engine = engine;
        this.store = store;
        this.world = world;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        ensureStarted();
    }

    /** Loads the world and the stored vehicle states once; reconciles alarms left open without engine state. */
    public synchronized void ensureStarted() {
        if (started) {
            return;
        }
        world.reload();
        // open alarms before states: with several telemetry nodes another node may open an alarm (with its
        // vehicle's state, one transaction) meanwhile, which must not be taken for an orphan
        List<Map<String, Object>> openRows = jdbc.sql(
                        "SELECT id, terminal_phone, type FROM muck_alarm WHERE status = 'OPEN'")
                .query()
                .listOfRows();
        List<TrackerState> states = store.loadStates();
        engine.restore(states);
        Map<String, Set<String>> open = new LinkedHashMap<>();
        for (TrackerState s : states) {
            open.put(
                    s.terminal(),
                    s.open().stream()
                            .map(OpenAlarm::type)
                            .map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet()));
        }
        int orphans = 0;
        for (Map<String, Object> row : openRows) {
            if (!open.getOrDefault((String) row.get("terminal_phone"), Set.of()).contains((String) row.get("type"))) {
                jdbc.sql(
                                "UPDATE muck_alarm SET status = 'CLOSED', ended_at = last_seen_at WHERE id = :id AND status = 'OPEN'")
                        .param("id", row.get("id"))
                        .update();
                orphans++;
            }
        }
        started = true;
        log.info(
                "muck alarm engine resumed: {} vehicles in the registry, {} vehicle states restored, {} orphan alarms closed",
                engine.world().vehicles().size(),
                states.size(),
                orphans);
    }

    @Override
    public void onPositions(List<Position> batch) {
        onPositions(batch, null);
    }

    /**
     * Confirms the batch ({@code observed}) once its alarms and the state of every vehicle it moved are written,
     * i.e. with the next full state write (at most {@code state-interval} later, or at once when no state is
     * pending): a node killed before that leaves the batch unconfirmed and the next owner evaluates it again.
     */
    @Override
    public void onPositions(List<Position> batch, Runnable observed) {
        if (batch == null || batch.isEmpty()) {
            if (observed != null) {
                observed.run();
            }
            return;
        }
        List<Position> copy = List.copyOf(batch);
        worker.execute(() -> process(copy, observed));
    }

    /**
     * Several nodes: positions handed again after a takeover are safe, since the engine ignores a position as old
     * as (or older than) the last one its restored vehicle state accepted; no alarm is raised twice.
     */
    @Override
    public boolean replaysAfterTakeover() {
        return true;
    }

    /**
     * Several nodes: the offline tick covers only the vehicles whose positions come to this node (each node ticks
     * its own, so this tick must run on every node, not once per cluster).
     */
    @Override
    public void onTerminalsOwned(java.util.function.Predicate<String> terminals) {
        mine = terminals;
    }

    /**
     * Several nodes: these vehicles' positions now come to this node (their log partition moved here, e.g. from a
     * node that died). Their states are reloaded from the database, queued before the positions that follow, so
     * an alarm the other node opened (written together with the state) is continued, not raised again.
     */
    @Override
    public void onTerminalsTaken(java.util.function.Predicate<String> terminals) {
        worker.execute(() -> reload(terminals));
    }

    void reload(java.util.function.Predicate<String> terminals) {
        try {
            ensureStarted();
            List<TrackerState> states = store.loadStates().stream()
                    .filter(s -> terminals.test(s.terminal()))
                    .toList();
            engine.restore(states);
            synchronized (dirty) {
                dirty.removeIf(terminals);
            }
            log.info("muck alarm engine: {} vehicle states reloaded for partitions taken over", states.size());
        } catch (RuntimeException e) {
            log.error("muck alarm engine could not reload vehicle states", e);
        }
    }

    // Per node, no cluster lock: the tick closes this node's in-memory per-vehicle state (docs/scale-out.md); with
    // the telemetry log it covers the vehicles of the partitions this node holds.
    @Scheduled(fixedDelayString = "${cityops.muck.alarm.tick:PT30S}", initialDelayString = "PT30S")
    void scheduledTick() {
        worker.execute(this::tick);
    }

    /** Waits until everything handed to the worker so far is processed (tests, shutdown). */
    public void awaitIdle(Duration timeout) {
        try {
            Future<?> f = worker.submit(() -> {});
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("alarm engine did not become idle", e);
        }
    }

    /** Runs the offline tick now, on the worker. */
    public void tickNow() {
        worker.execute(this::tick);
    }

    /** Runs the offline tick on the worker as if the clock read {@code now} (tests, scenario replays). */
    public void tickAt(java.time.Instant now) {
        worker.execute(() -> tick(now));
    }

    void process(List<Position> batch) {
        process(batch, null);
    }

    void process(List<Position> batch, Runnable observed) {
        try {
            ensureStarted();
            List<Position> sorted = new ArrayList<>(batch);
            sorted.sort(Comparator.comparing(Position::time, Comparator.nullsFirst(Comparator.naturalOrder())));
            List<EngineEvent> events = new ArrayList<>();
            Set<String> touched = new java.util.LinkedHashSet<>();
            var now = clock.instant();
            for (Position p : sorted) {
                List<EngineEvent> e = engine.accept(p, now);
                events.addAll(e);
                String t = org.cityops.muck.engine.Terminals.normalize(p.terminal());
                if (t != null) {
                    touched.add(t);
                }
            }
            persist(events, touched, observed);
        } catch (RuntimeException e) {
            log.error("muck alarm engine failed on a batch of {} positions", batch.size(), e);
            if (observed != null) { // confirmed with the next state write (a second call counts once)
                synchronized (dirty) {
                    unconfirmed.add(observed);
                }
            }
        }
    }

    void tick() {
        tick(clock.instant());
    }

    void tick(java.time.Instant now) {
        try {
            ensureStarted();
            List<EngineEvent> events = engine.tick(now, mine);
            Set<String> touched = new java.util.LinkedHashSet<>();
            for (EngineEvent e : events) {
                touched.add(e.terminal());
            }
            persist(events, touched, null);
        } catch (RuntimeException e) {
            log.error("muck alarm engine tick failed", e);
        }
    }

    /**
     * Alarms and trips are written with the batch that produced them, together with the state of the vehicles
     * they concern. The other vehicles that moved are only marked: their state is written at most every
     * {@code cityops.muck.alarm.state-interval} (5 s), in one batched transaction, and on stop. So at tens of
     * thousands of positions a second the engine does not rewrite a row per position; after a crash a vehicle
     * resumes from a state at most that old (its alarms, already written, are not lost).
     */
    private void persist(List<EngineEvent> events, Set<String> touched, Runnable observed) {
        Set<String> now = new java.util.LinkedHashSet<>();
        for (EngineEvent e : events) {
            now.add(e.terminal());
        }
        List<Runnable> confirm = List.of();
        synchronized (dirty) { // the worker, or the gateway's thread when the queue is full (CallerRunsPolicy)
            dirty.addAll(touched);
            dirty.removeAll(now);
            if (observed != null) {
                unconfirmed.add(observed);
            }
            if (System.nanoTime() - lastStateWrite >= stateInterval.toNanos()) {
                now.addAll(dirty);
                dirty.clear();
                lastStateWrite = System.nanoTime();
            }
            if (dirty.isEmpty()) {
                confirm = new ArrayList<>(unconfirmed);
                unconfirmed.clear();
            }
        }
        writeThenConfirm(events, now, confirm);
    }

    /** {@link #write}, then the confirmations; when the write fails they wait for the next one (with the states). */
    private void writeThenConfirm(List<EngineEvent> events, Collection<String> terminals, List<Runnable> confirm) {
        try {
            write(events, terminals);
        } catch (RuntimeException e) {
            synchronized (dirty) {
                dirty.addAll(terminals);
                unconfirmed.addAll(0, confirm);
            }
            throw e;
        }
        confirm.forEach(Runnable::run);
    }

    /** The events, and the current state of these vehicles, in one transaction (nothing when there is neither). */
    private void write(List<EngineEvent> events, Collection<String> terminals) {
        List<TrackerState> states = new ArrayList<>(terminals.size());
        for (String t : terminals) {
            engine.snapshot(t).ifPresent(states::add);
        }
        if (!events.isEmpty() || !states.isEmpty()) {
            store.apply(events, states);
        }
    }

    /** Writes the state of every vehicle that moved since the last write (on stop, and for tests). */
    public void flushStates() {
        Future<?> f = worker.submit(() -> {
            List<String> terminals;
            List<Runnable> confirm;
            synchronized (dirty) {
                terminals = new ArrayList<>(dirty);
                dirty.clear();
                confirm = new ArrayList<>(unconfirmed);
                unconfirmed.clear();
                lastStateWrite = System.nanoTime();
            }
            writeThenConfirm(List.of(), terminals, confirm);
        });
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("writing the alarm engine's vehicle states failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (!worker.isShutdown()) {
            flushStates();
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
