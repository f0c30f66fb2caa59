package org.cityops.telemetry.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.PositionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer side of the log mode: one thread per node reads the partitions this node holds
 * ({@link PartitionLeases}), stores a batch (up to {@code maxBatch} positions, from any of them) together with
 * each partition's new offset in one transaction ({@link TrackStore#append(List, String, Map)}), and only then
 * hands the new positions to the {@link PositionObserver}s. A partition is read from the offset stored with the
 * track, so a node that dies between its commit and anything else leaves nothing stored twice and nothing
 * skipped. When another node stored from a partition meanwhile ({@link StaleOffsetException}), the batch is
 * dropped uncommitted and the partitions are re-read from their stored offsets.
 */
public final class PartitionedTrackWriter {

    private static final Logger log = LoggerFactory.getLogger(PartitionedTrackWriter.class);

    private final PositionLog positionLog;
    private final String stream;
    private final PartitionLeases leases;
    private final TrackStore store;
    private final Supplier<List<PositionObserver>> observers;
    private final int maxBatch;
    private final long leaseIntervalNanos;
    private final Map<Integer, PositionLog.PartitionReader> readers = new TreeMap<>();
    /** last stored sequence per owned partition (what the offset row must still hold) */
    private final Map<Integer, Long> stored = new HashMap<>();

    private final Map<String, Position> latest = new ConcurrentHashMap<>();
    private final WriterCounters counters = new WriterCounters();
    private final AtomicLong takeovers = new AtomicLong();
    private volatile Set<Integer> owned = Set.of();
    private volatile boolean running;
    private Thread thread;
    private long lastRenew;
    private boolean announced;

    public PartitionedTrackWriter(
            PositionLog positionLog,
            String stream,
            PartitionLeases leases,
            TrackStore store,
            Supplier<List<PositionObserver>> observers,
            int maxBatch,
            long leaseIntervalMillis) {
        this.positionLog = positionLog;
        this.stream = stream;
        this.leases = leases;
        this.store = store;
        this.observers = observers;
        this.maxBatch = maxBatch;
        this.leaseIntervalNanos = TimeUnit.MILLISECONDS.toNanos(leaseIntervalMillis);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        latest.clear();
        latest.putAll(store.latest());
        running = true;
        thread = new Thread(this::run, "telemetry-log-writer");
        thread.start();
    }

    /** Stops after the batch in hand; gives the partitions back. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        lastRenew = System.nanoTime() - leaseIntervalNanos;
        try {
            while (running) {
                try {
                    if (System.nanoTime() - lastRenew >= leaseIntervalNanos) {
                        renew();
                        lastRenew = System.nanoTime();
                    }
                    if (!writeOnce()) {
                        Thread.sleep(20);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    counters.failed();
                    log.warn("telemetry log writer: {}", e.toString());
                    reopenAll();
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (int p : new ArrayList<>(readers.keySet())) {
                drop(p);
            }
            leases.close();
            owned = Set.of();
        }
    }

    /** Takes and gives back partitions as the leases say; the observers reload the state of what was taken. */
    void renew() {
        Set<Integer> want = leases.renew();
        for (int p : new ArrayList<>(readers.keySet())) {
            if (!want.contains(p)) {
                drop(p);
            }
        }
        leases.retain(want);
        Set<Integer> taken = new HashSet<>();
        for (int p : want) {
            if (!readers.containsKey(p)) {
                long offset = store.offset(stream, p);
                stored.put(p, offset);
                readers.put(p, positionLog.reader(p, offset));
                taken.add(p);
            }
        }
        Set<Integer> before = owned;
        owned = Set.copyOf(readers.keySet());
        if (!owned.equals(before) || !announced) {
            announced = true;
            var mine = Partitions.terminalsOf(owned, positionLog.partitions());
            counters.callEach(observers.get(), o -> o.onTerminalsOwned(mine), log, "failed on the partitions held");
        }
        if (!taken.isEmpty()) {
            takeovers.addAndGet(taken.size());
            log.info("telemetry log: took partitions {} of {}; now holding {}", taken, stream, owned);
            var terminals = Partitions.terminalsOf(taken, positionLog.partitions());
            counters.callEach(observers.get(), o -> o.onTerminalsTaken(terminals), log, "could not reload its state");
        }
    }

    private void drop(int p) {
        PositionLog.PartitionReader r = readers.remove(p);
        if (r != null) {
            r.close();
        }
        stored.remove(p);
        leases.release(p);
        owned = Set.copyOf(readers.keySet());
    }

    /** After a failed batch: every partition again from its stored offset; those another node moved are given up. */
    private void reopenAll() {
        for (int p : new ArrayList<>(readers.keySet())) {
            try {
                long offset = store.offset(stream, p);
                if (offset != stored.get(p)) {
                    log.info("telemetry log: partition {} was stored by another node; giving it up", p);
                    drop(p);
                    continue;
                }
                readers.remove(p).close();
                readers.put(p, positionLog.reader(p, offset));
            } catch (RuntimeException e) {
                drop(p);
            }
        }
        owned = Set.copyOf(readers.keySet());
    }

    /** One batch from the owned partitions; false when there was nothing to read. */
    boolean writeOnce() {
        List<PositionLog.Entry> entries = new ArrayList<>();
        int n = 0;
        for (PositionLog.PartitionReader r : readers.values()) {
            if (n >= maxBatch) {
                break;
            }
            for (PositionLog.Entry e : r.poll(Math.max(1, (maxBatch - n) / 16), 1)) {
                entries.add(e);
                n += e.positions().size();
            }
        }
        if (entries.isEmpty()) {
            return false;
        }
        List<Position> positions = new ArrayList<>(n);
        Map<Integer, long[]> offsets = new HashMap<>();
        for (PositionLog.Entry e : entries) {
            positions.addAll(e.positions());
            long[] move = offsets.computeIfAbsent(e.partition(), p -> new long[] {stored.get(p), 0});
            move[1] = Math.max(move[1], e.sequence());
        }
        boolean[] isNew = store.append(positions, stream, offsets);
        offsets.forEach((p, move) -> stored.put(p, move[1]));
        List<Position> fresh = new ArrayList<>(positions.size());
        for (int i = 0; i < isNew.length; i++) {
            if (isNew[i]) {
                Position p = positions.get(i);
                fresh.add(p);
                latest.merge(p.terminal(), p, (a, b) -> b.time().isAfter(a.time()) ? b : a);
            }
        }
        counters.batchStored(positions.size(), fresh.size());
        store.flushLatest(false);
        if (!fresh.isEmpty()) {
            counters.callEach(observers.get(), o -> o.onPositions(fresh), log, "failed");
        }
        return true;
    }

    public Set<Integer> owned() {
        return owned;
    }

    public boolean isRunning() {
        return running;
    }

    public Position latest(String terminal) {
        return latest.get(terminal);
    }

    /** Positions stored, replays, batches, failures and observer failures, for the metrics. */
    public WriterCounters counters() {
        return counters;
    }

    public long takeoverCount() {
        return takeovers.get();
    }
}
