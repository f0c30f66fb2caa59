package org.cityops.notify.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The {@code notify-dispatch} thread: runs {@link OutboxDelivery} rounds lane by lane ({@link DeliveryLane}), each
 * lane paced to its own {@code cityops.notify.lanes.*} budget ({@link DeliveryPace}). A lane is asked again while it
 * may have rows due: when its last claim was full, when a commit queued rows in it ({@link #wake(DeliveryLane)}),
 * and for every lane each {@code poll} (retries after their back-off, quiet hours ending, leases run out). A wake for
 * the urgent lane cuts short any wait, so a 督办 goes out as soon as the round in flight ends, whatever burst is being
 * paced. Off when {@code cityops.notify.dispatcher-enabled} is false (tests drive {@link OutboxDelivery}
 * themselves).
 */
public class NoticeDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

    private final OutboxDelivery delivery;
    private final NotifyProperties config;
    /** The lanes' budgets (the dispatcher's thread alone uses it once started). */
    private final DeliveryPace pace;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    /** Lanes that may have rows due (guarded by {@link #lock}). */
    private final Set<DeliveryLane> due = EnumSet.allOf(DeliveryLane.class);

    private volatile boolean running;
    private Thread thread;

    NoticeDispatcher(OutboxDelivery delivery, NotifyProperties config) {
        this.delivery = delivery;
        this.config = config;
        this.pace = new DeliveryPace(config.getLanes().perSecond(), delivery.batchSize(), System.nanoTime());
    }

    /** Look for due rows in every lane now (a dead letter sent again, …). */
    public void wake() {
        signal(EnumSet.allOf(DeliveryLane.class));
    }

    /** Look for due rows in this lane now (called after a commit that queued some). */
    public void wake(DeliveryLane lane) {
        signal(EnumSet.of(lane));
    }

    private void signal(Set<DeliveryLane> lanes) {
        lock.lock();
        try {
            due.addAll(lanes);
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        if (!config.isDispatcherEnabled() || running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "notify-dispatch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        long pollNanos = Math.max(1, config.getPoll().toNanos());
        long lastPoll = System.nanoTime();
        while (running) {
            try {
                long now = System.nanoTime();
                if (now - lastPoll >= pollNanos) {
                    lastPoll = now;
                    signal(EnumSet.allOf(DeliveryLane.class));
                }
                Map<DeliveryLane, Integer> limits = limits(now);
                if (!limits.isEmpty()) {
                    Map<DeliveryLane, Integer> claimed = delivery.runOnce(limits);
                    long end = System.nanoTime();
                    limits.forEach((lane, limit) -> {
                        int n = claimed.getOrDefault(lane, 0);
                        pace.took(lane, n, end);
                        if (n >= limit) {
                            signal(EnumSet.of(lane)); // a full claim: more may be waiting
                        }
                    });
                    continue;
                }
                await(lastPoll + pollNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("notice dispatch round failed, retrying after the poll interval: {}", e.toString());
                try {
                    Thread.sleep(config.getPoll().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                signal(EnumSet.allOf(DeliveryLane.class));
            }
        }
    }

    /** The lanes to ask in this round, with how many each may claim; the lanes asked leave {@link #due}. */
    private Map<DeliveryLane, Integer> limits(long now) {
        Map<DeliveryLane, Integer> limits = new EnumMap<>(DeliveryLane.class);
        lock.lock();
        try {
            for (DeliveryLane lane : due) {
                int allowed = pace.allowance(lane, now);
                if (allowed > 0) {
                    limits.put(lane, allowed);
                }
            }
            due.removeAll(limits.keySet());
        } finally {
            lock.unlock();
        }
        return limits;
    }

    /** Waits until a due lane may claim again, a wake-up, or the next poll. */
    private void await(long nextPoll) throws InterruptedException {
        lock.lock();
        try {
            long now = System.nanoTime();
            long wait = Math.max(0, nextPoll - now);
            for (DeliveryLane lane : due) {
                wait = Math.min(wait, pace.waitNanos(lane, now));
            }
            if (wait > 0 && running) {
                boolean signalled = woken.await(wait, TimeUnit.NANOSECONDS);
                log.trace("dispatcher {}", signalled ? "woken" : "on time");
            }
        } finally {
            lock.unlock();
        }
    }
}
