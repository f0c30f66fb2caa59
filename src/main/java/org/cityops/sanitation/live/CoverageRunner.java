package org.cityops.sanitation.live;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cityops.platform.CityClock;
import org.cityops.sanitation.LedgerChanged;
import org.cityops.sanitation.coverage.CoverageEngine;
import org.cityops.sanitation.coverage.LocalFrame;
import org.cityops.sanitation.coverage.PassUpdate;
import org.cityops.sanitation.coverage.RoadSegment;
import org.cityops.sanitation.coverage.Sample;
import org.cityops.sanitation.coverage.SegmentNetwork;
import org.cityops.sanitation.coverage.VehicleRule;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.SanitationVehicle;
import org.cityops.sanitation.ledger.Segment;
import org.cityops.sanitation.ledger.Segments;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.PositionObserver;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the coverage engine: receives telemetry's durable position batches ({@link PositionObserver}, returning at
 * once: positions of terminals that are not sanitation vehicles are dropped on the caller's thread) and processes
 * them on one worker thread in arrival order. Changed passes are written with each batch (one transaction, no
 * database access per position). When the queue is full the gateway's thread does the work itself (back-pressure).
 */
@Component
public class CoverageRunner implements PositionObserver {

    private static final Logger log = LoggerFactory.getLogger(CoverageRunner.class);
    private final CoverageEngine engine;
    private final Segments segments;
    private final Fleet fleet;
    private final PassStore passes;
    private final Clock clock;
    private final LocalFrame frame = LocalFrame.changzhou();
    private volatile java.util.Set<String> terminals = java.util.Set.of();
    private final java.util.concurrent.atomic.AtomicBoolean reloadPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final ExecutorService worker = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000),
            r -> {
                Thread t = new Thread(r, "sanitation-coverage");
                t.setDaemon(true);
                return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());

    CoverageRunner(
            Segments segments,
            Fleet fleet,
            PassStore passes,
            Clock clock,
            @Value("${cityops.sanitation.buffer-m:15}") double buffer,
            @Value("${cityops.sanitation.heading-tolerance-deg:35}") double headingTol) {
        CoverageEngine.Settings d = CoverageEngine.Settings.defaults();
        this.engine = new CoverageEngine(
                new CoverageEngine.Settings(buffer, headingTol, d.maxGap(), d.passGap(), d.smoothing()),
                CityClock.ZONE);
        this.engine.frame(frame);
        this.segments = segments;
        this.fleet = fleet;
        this.passes = passes;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        reload();
        log.info("sanitation coverage engine: {} segments", engine.network().size());
    }

    /** Ledger, fleet or plans changed: one reload on the worker, however many changes came in meanwhile. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(LedgerChanged changed) {
        if (reloadPending.compareAndSet(false, true)) {
            worker.execute(() -> {
                reloadPending.set(false);
                apply(rebuild());
            });
        }
    }

    /** Rebuilds the network (segments, plans) and the vehicle list from the ledger and waits until it is in use. */
    public void reload() {
        World w = rebuild();
        run(() -> {
            apply(w);
            return List.of();
        });
    }

    private record World(SegmentNetwork network, Map<String, VehicleRule> rules) {}

    private World rebuild() {
        List<RoadSegment> roads = new ArrayList<>();
        WKTReader reader = new WKTReader();
        for (Segment s : segments.all()) {
            try {
                roads.add(new RoadSegment(s.id(), frame.project((LineString) reader.read(s.wkt())), s.oneWay()));
            } catch (ParseException | RuntimeException e) {
                log.warn("segment {} skipped by the coverage engine: {}", s.code(), e.getMessage());
            }
        }
        SegmentNetwork network = new SegmentNetwork(roads, fleet.rulesBySegment());
        Map<String, VehicleRule> rules = new HashMap<>();
        for (SanitationVehicle v : fleet.inService()) {
            rules.put(v.terminal(), new VehicleRule(v.terminal(), v.plate(), v.workBit()));
        }
        return new World(network, rules);
    }

    /** On the worker thread. */
    private void apply(World w) {
        engine.reload(w.network(), w.rules());
        terminals = java.util.Set.copyOf(w.rules().keySet());
        log.debug(
                "sanitation coverage engine: {} segments, {} vehicles",
                w.network().size(),
                w.rules().size());
    }

    /** Sanitation positions handed to the engine, and those it has processed (the benchmark's "keeping up"). */
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    private final java.util.concurrent.atomic.AtomicLong processed = new java.util.concurrent.atomic.AtomicLong();

    /** The longest a batch waited for the worker (from hand-over to its start), in milliseconds. */
    private final java.util.concurrent.atomic.AtomicLong maxWaitMillis = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Meters for the benchmark ({@code /actuator/metrics}): {@code cityops.sanitation.coverage.received} and
     * {@code .processed} (positions; received − processed = still waiting; nothing is ever dropped: a full queue
     * makes the caller do the work) and {@code .max-wait} (ms).
     */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void meters(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.FunctionCounter.builder(
                        "cityops.sanitation.coverage.received", received, java.util.concurrent.atomic.AtomicLong::get)
                .register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder(
                        "cityops.sanitation.coverage.processed", processed, java.util.concurrent.atomic.AtomicLong::get)
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder(
                        "cityops.sanitation.coverage.max-wait",
                        maxWaitMillis,
                        java.util.concurrent.atomic.AtomicLong::get)
                .register(registry);
    }

    @Override
    public void onPositions(List<Position> batch) {
        List<Sample> samples = new ArrayList<>();
        java.util.Set<String> known = terminals;
        for (Position p : batch) {
            if (known.contains(p.terminal())) {
                samples.add(new Sample(
                        p.terminal(), p.time(), p.lat(), p.lon(), p.speedKmh(), p.direction(), p.statusBits()));
            }
        }
        if (!samples.isEmpty()) {
            int n = samples.size();
            received.addAndGet(n);
            long handedOver = System.nanoTime();
            runAsync(() -> {
                maxWaitMillis.accumulateAndGet((System.nanoTime() - handedOver) / 1_000_000, Math::max);
                List<PassUpdate> out = engine.accept(samples, clock.instant());
                processed.addAndGet(n);
                return out;
            });
        }
    }

    /** Closes passes of vehicles that went quiet, every 30 s. */
    // Per node, no cluster lock: the engine is this node's in-memory state (docs/scale-out.md).
    @Scheduled(fixedDelayString = "${cityops.sanitation.tick:PT30S}")
    void tick() {
        runAsync(() -> engine.closeIdle(clock.instant()));
    }

    /** Decides all waiting positions and closes every open pass now (tests, the end of a replay). */
    public void flushAll() {
        run(engine::closeAll);
    }

    /** Waits until everything handed to the worker so far is processed and written. */
    public void drain() {
        run(List::of);
    }

    private void runAsync(java.util.function.Supplier<List<PassUpdate>> work) {
        worker.execute(() -> write(work.get()));
    }

    private void run(java.util.function.Supplier<List<PassUpdate>> work) {
        try {
            worker.submit(() -> write(work.get())).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("coverage engine failed", e);
        }
    }

    private void write(List<PassUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        Map<String, PassUpdate> latest = new LinkedHashMap<>();
        updates.forEach(u -> latest.put(u.key(), u));
        try {
            passes.write(latest.values(), CityClock.ZONE);
        } catch (RuntimeException e) {
            log.error("writing {} sanitation passes failed", latest.size(), e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Positions skipped as duplicates or late replays. */
    public long duplicates() {
        return engine.duplicates();
    }
}
