package org.cityops.notify.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The {@code notify-dispatch} thread: runs {@link OutboxDelivery} rounds while rows are due, then waits for a wake-up
 * (after a commit that queued live rows) or the poll interval; paced to {@code cityops.notify.max-per-second}
 * ({@link DeliveryPace}). Off when {@code cityops.notify.dispatcher-enabled}
 * is false (tests drive {@link OutboxDelivery} themselves).
 */
public class NoticeDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

    private final OutboxDelivery delivery;
    private final NotifyProperties config;
    private final DeliveryPace pace;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private volatile boolean running;
    private boolean pending;
    private Thread thread;

    NoticeDispatcher(OutboxDelivery delivery, NotifyProperties config) {
        this.delivery = delivery;
        this.config = config;
        this.pace = new DeliveryPace(config.getMaxPerSecond());
    }

    /** Look for due rows now (called after a commit that queued some). */
    public void wake() {
        lock.lock();
        try {
            pending = true;
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
        while (running) {
            try {
                long began = System.nanoTime();
                int n = delivery.runOnce();
                long pause = pace.pauseMillis(n, (System.nanoTime() - began) / 1_000_000);
                if (pause > 0) {
                    Thread.sleep(pause);
                }
                if (n >= delivery.batchSize()) {
                    continue;
                }
                lock.lock();
                try {
                    if (!pending && running) {
                        boolean signalled = woken.await(config.getPoll().toMillis(), TimeUnit.MILLISECONDS);
                        log.trace("dispatcher {}", signalled ? "woken" : "polling");
                    }
                    pending = false;
                } finally {
                    lock.unlock();
                }
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
            }
        }
    }
}
