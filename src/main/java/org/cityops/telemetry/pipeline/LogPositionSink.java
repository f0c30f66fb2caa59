package org.cityops.telemetry.pipeline;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cityops.telemetry.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of the log mode ({@code cityops.telemetry.log=jetstream}): each submission (one terminal
 * message) is appended to the {@link PositionLog} asynchronously, and acknowledged only once the log has it
 * durably (in the append's completion). Completions are gathered and acknowledged grouped per connection, as the
 * direct writer groups a batch. A refused append is retried with back-off (0.2 s doubling to 5 s, the same
 * message id, so the log stores it once) and never acknowledged before it succeeds. Appends waiting for the log
 * count toward the same high-water mark as the direct writer's queue (back-pressure, nothing dropped).
 */
public final class LogPositionSink implements PositionSink {

    private static final Logger log = LoggerFactory.getLogger(LogPositionSink.class);

    private final PositionLog positionLog;
    private final int highWater;
    private final int lowWater;
    private final AtomicInteger pending = new AtomicInteger();
    private final ConcurrentLinkedQueue<Runnable> waitingForRoom = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Submission> durable = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telemetry-log-retry");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean accepting = true;

    public LogPositionSink(PositionLog positionLog, int highWater) {
        this.positionLog = positionLog;
        this.highWater = highWater;
        this.lowWater = highWater / 2;
    }

    /**
     * The log's message id of one terminal message's positions (its de-duplication key): terminal, JT/T 808
     * message id and serial, count and first and last position time; a terminal's resend has the same id.
     */
    static String messageId(Submission s, List<Position> positions) {
        Position first = positions.get(0);
        Position last = positions.get(positions.size() - 1);
        return first.terminal() + "-" + s.replyId() + "-" + s.replySerial() + "-" + positions.size() + "-"
                + first.time().getEpochSecond() + "-" + last.time().getEpochSecond();
    }

    @Override
    public boolean submit(Submission submission) {
        if (!accepting) {
            throw new IllegalStateException("the position log sink is stopped");
        }
        int n = pending.addAndGet(submission.positions().size());
        List<List<Position>> parts = byPartition(submission.positions());
        AtomicInteger remaining = new AtomicInteger(parts.size());
        AtomicInteger stored = new AtomicInteger();
        for (List<Position> part : parts) {
            append(submission, part, messageId(submission, part), 200, remaining, stored);
        }
        return n < highWater;
    }

    /** A terminal message is one partition; an HTTP batch may hold several terminals, hence several partitions. */
    private List<List<Position>> byPartition(List<Position> positions) {
        String first = positions.get(0).terminal();
        boolean oneTerminal = true;
        for (Position p : positions) {
            if (!p.terminal().equals(first)) {
                oneTerminal = false;
                break;
            }
        }
        if (oneTerminal) {
            return List.of(positions);
        }
        Map<Integer, List<Position>> parts = new java.util.TreeMap<>();
        for (Position p : positions) {
            parts.computeIfAbsent(Partitions.of(p.terminal(), positionLog.partitions()), k -> new ArrayList<>())
                    .add(p);
        }
        return List.copyOf(parts.values());
    }

    private void append(
            Submission s, List<Position> part, String id, long backoff, AtomicInteger remaining, AtomicInteger stored) {
        positionLog.append(id, part, outcome -> {
            if (outcome.durable()) {
                if (outcome.duplicate()) {
                    duplicates.addAndGet(part.size());
                } else {
                    stored.addAndGet(part.size());
                }
                appended.addAndGet(part.size());
                if (remaining.decrementAndGet() == 0) {
                    s.stored(stored.get());
                    durable.add(s);
                    drain();
                }
            } else {
                failures.incrementAndGet();
                log.warn(
                        "the position log refused {}, retrying in {} ms: {}",
                        id,
                        backoff,
                        outcome.failure().toString());
                try {
                    retries.schedule(
                            () -> append(s, part, id, Math.min(backoff * 2, 5000), remaining, stored),
                            backoff,
                            TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    log.warn("stopping: {} not retried (not acknowledged; the terminal resends)", id);
                }
            }
        });
    }

    /** Acknowledges every durable submission gathered so far, grouped by whom to tell (one caller at a time). */
    private void drain() {
        while (!durable.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                Map<AckTarget, List<Submission>> byTarget = new IdentityHashMap<>();
                int n = 0;
                Submission s;
                while ((s = durable.poll()) != null) {
                    byTarget.computeIfAbsent(s.target(), t -> new ArrayList<>(4))
                            .add(s);
                    n += s.positions().size();
                }
                byTarget.forEach((target, list) -> {
                    try {
                        target.acknowledge(list);
                    } catch (RuntimeException e) {
                        log.warn("acknowledging failed", e);
                    }
                });
                if (pending.addAndGet(-n) < lowWater) {
                    releaseWaiters();
                }
            } finally {
                draining.set(false);
            }
        }
    }

    @Override
    public void whenRoom(Runnable resume) {
        waitingForRoom.add(resume);
        if (pending.get() < lowWater) {
            releaseWaiters();
        }
    }

    private void releaseWaiters() {
        Runnable r;
        while ((r = waitingForRoom.poll()) != null) {
            r.run();
        }
    }

    /** Stops accepting and waits (up to {@code waitMillis}) until every append is acknowledged. */
    public void stop(long waitMillis) {
        accepting = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (pending.get() > 0) {
            log.warn("{} positions not acknowledged by the log at stop", pending.get());
        }
        retries.shutdownNow();
    }

    /** Positions waiting for the log. */
    public int pending() {
        return pending.get();
    }

    public long appendedCount() {
        return appended.get();
    }

    public long duplicateCount() {
        return duplicates.get();
    }

    public long failureCount() {
        return failures.get();
    }
}
