package org.cityops.telemetry.pipeline;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.PositionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable-ack writer: one thread takes everything queued (up to {@code maxBatch} positions), stores it in
 * one transaction, and only after the commit acknowledges each submission and hands the new positions to the
 * {@link PositionObserver}s. A failed batch is retried (with back-off) and never acknowledged before it
 * commits; meanwhile the queue fills and readers are paused (back-pressure), so memory stays bounded.
 */
public final class PositionWriter implements PositionSink {

    private static final Logger log = LoggerFactory.getLogger(PositionWriter.class);

    private final TrackStore store;
    private final Supplier<List<PositionObserver>> observers;
    private final int highWater;
    private final int lowWater;
    private final int maxBatch;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedPositions = new AtomicInteger();
    private final ConcurrentLinkedQueue<Runnable> waitingForRoom = new ConcurrentLinkedQueue<>();
    private final Map<String, Position> latest = new ConcurrentHashMap<>();
    private final WriterCounters counters = new WriterCounters();
    private volatile boolean accepting;
    private volatile boolean running;
    private Thread thread;

    public PositionWriter(TrackStore store, Supplier<List<PositionObserver>> observers, int highWater, int maxBatch) {
        this.store = store;
        this.observers = observers;
        this.highWater = highWater;
        this.lowWater = highWater / 2;
        this.maxBatch = maxBatch;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        latest.clear();
        latest.putAll(store.latest());
        running = true;
        accepting = true;
        thread = new Thread(this::run, "telemetry-writer");
        thread.setDaemon(false);
        thread.start();
    }

    /** Stops accepting, writes and acknowledges everything queued, then stops the thread. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        accepting = false;
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn(
                    "telemetry writer did not drain within 60 s; {} positions not acknowledged", queuedPositions.get());
            thread.interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean submit(Submission submission) {
        if (!accepting) {
            throw new IllegalStateException("the position writer is stopped");
        }
        int n = queuedPositions.addAndGet(submission.positions().size());
        queue.add(submission);
        return n < highWater;
    }

    @Override
    public void whenRoom(Runnable resume) {
        waitingForRoom.add(resume);
        if (queuedPositions.get() < lowWater) {
            releaseWaiters();
        }
    }

    private void releaseWaiters() {
        Runnable r;
        while ((r = waitingForRoom.poll()) != null) {
            r.run();
        }
    }

    private void run() {
        List<Submission> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
                flushLatest(false);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int n = first.positions().size();
                Submission next;
                while (n < maxBatch && (next = queue.poll()) != null) {
                    batch.add(next);
                    n += next.positions().size();
                }
                write(batch, n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
        flushLatest(true);
    }

    /** The store's latest-position table may trail the track; a failure leaves them pending for the next call. */
    private void flushLatest(boolean all) {
        try {
            store.flushLatest(all);
        } catch (RuntimeException e) {
            counters.failed();
            log.warn("writing latest positions failed, will retry: {}", e.toString());
        }
    }

    private void write(List<Submission> batch, int size) throws InterruptedException {
        List<Position> positions = new ArrayList<>(size);
        for (Submission s : batch) {
            positions.addAll(s.positions());
        }
        boolean[] isNew = persistWithRetry(positions);
        queuedPositions.addAndGet(-size);
        List<Position> fresh = new ArrayList<>(positions.size());
        int i = 0;
        for (Submission s : batch) {
            int count = 0;
            for (int k = 0; k < s.positions().size(); k++, i++) {
                if (isNew[i]) {
                    count++;
                    Position p = positions.get(i);
                    fresh.add(p);
                    latest.merge(p.terminal(), p, (a, b) -> b.time().isAfter(a.time()) ? b : a);
                }
            }
            s.stored(count);
        }
        counters.batchStored(positions.size(), fresh.size());
        acknowledge(batch);
        if (queuedPositions.get() < lowWater) {
            releaseWaiters();
        }
        if (!fresh.isEmpty()) {
            counters.callEach(observers.get(), o -> o.onPositions(fresh), log, "failed");
        }
    }

    private boolean[] persistWithRetry(List<Position> positions) throws InterruptedException {
        long backoff = 200;
        while (true) {
            try {
                return store.append(positions);
            } catch (RuntimeException e) {
                counters.failed();
                log.warn("storing {} positions failed, retrying in {} ms: {}", positions.size(), backoff, e.toString());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private static void acknowledge(List<Submission> batch) {
        Map<AckTarget, List<Submission>> byTarget = new IdentityHashMap<>();
        for (Submission s : batch) {
            byTarget.computeIfAbsent(s.target(), t -> new ArrayList<>(4)).add(s);
        }
        byTarget.forEach((target, list) -> {
            try {
                target.acknowledge(list);
            } catch (RuntimeException e) {
                log.warn("acknowledging failed", e);
            }
        });
    }

    public Position latest(String terminal) {
        return latest.get(terminal);
    }

    public int queued() {
        return queuedPositions.get();
    }

    /** Positions stored, replays, batches, failures and observer failures, for the metrics. */
    public WriterCounters counters() {
        return counters;
    }
}
