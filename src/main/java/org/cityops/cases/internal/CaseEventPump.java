package org.cityops.cases.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The thread that runs {@link CaseEventDelivery}: woken after every commit that wrote case events (several
 * wake-ups while it works make one more run), and on a poll ({@code cityops.cases.events.poll-interval}, 1 s),
 * which picks up what a crash, a restart, another node or a failing consumer left behind. Starts with the
 * context, before the application runners (the demo seeders wait for the consumers).
 */
@Component
class CaseEventPump implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseEventPump.class);

    private final CaseEventDelivery delivery;
    private final Duration poll;
    private final BlockingQueue<Boolean> signal = new ArrayBlockingQueue<>(1);
    private volatile Thread thread;

    CaseEventPump(CaseEventDelivery delivery, @Value("${cityops.cases.events.poll-interval:PT1S}") Duration poll) {
        this.delivery = delivery;
        this.poll = poll;
    }

    /** Asks for a run soon (cheap: a full signal means one is already due). */
    void wake() {
        boolean queued = signal.offer(Boolean.TRUE);
        if (!queued) {
            log.trace("Case event delivery already due");
        }
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread t = new Thread(this::loop, "case-events");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            // let a run in progress finish (its transactions commit or roll back whole), then stop waiting
            wake();
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                t.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                Boolean woken = signal.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
                if (thread != Thread.currentThread()) {
                    return;
                }
                int delivered = delivery.deliverPending();
                if (woken == null && delivered > 0) {
                    log.debug("Case event poll delivered {} events no commit had announced", delivered);
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                log.warn("Case event delivery failed; retried on the next poll", e);
            }
        }
    }
}
