package org.cityops.telemetry.jt808;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registrations and authentications waiting for the {@link Registrar}, answered in batches by one thread: it takes
 * everything queued (up to {@value #MAX_BATCH}), asks the registrar once for the registrations and once for the
 * authentications, and hands each answer back. The queue is bounded by the connections: a connection reads nothing
 * more while its request waits.
 */
final class RegistrarQueue {

    static final int MAX_BATCH = 2_000;
    private static final Logger log = LoggerFactory.getLogger(RegistrarQueue.class);

    private record Job(
            Registrar.Attempt attempt,
            Registrar.Credentials credentials,
            Consumer<Registrar.Registration> registered,
            Consumer<Boolean> authenticated) {}

    private final Registrar registrar;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    RegistrarQueue(Registrar registrar) {
        this.registrar = registrar;
        this.thread = new Thread(this::run, "jt808-registrar");
        thread.setDaemon(true);
        thread.start();
    }

    /** @param done called with the answer, or null when the registrar failed */
    void register(String terminal, RegisterRequest request, Consumer<Registrar.Registration> done) {
        queue.add(new Job(new Registrar.Attempt(terminal, request), null, done, null));
    }

    /** @param done called with the answer (false when the registrar failed) */
    void authenticate(String terminal, String code, Consumer<Boolean> done) {
        queue.add(new Job(null, new Registrar.Credentials(terminal, code), null, done));
    }

    /** A connection that cannot take its answer (its event loop shut down) must not stop the others'. */
    private static void answer(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.debug("answer not delivered: {}", e.toString());
        }
    }

    void stop() {
        thread.interrupt();
    }

    private void run() {
        List<Job> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            List<Job> registrations = new ArrayList<>();
            List<Job> authentications = new ArrayList<>();
            for (Job j : batch) {
                (j.attempt() != null ? registrations : authentications).add(j);
            }
            batch.clear();
            if (!registrations.isEmpty()) {
                List<Registrar.Registration> answers = null;
                try {
                    answers = registrar.register(
                            registrations.stream().map(Job::attempt).toList());
                } catch (RuntimeException e) {
                    log.warn("registering {} terminals failed: {}", registrations.size(), e.toString());
                }
                for (int i = 0; i < registrations.size(); i++) {
                    Registrar.Registration answer = answers == null ? null : answers.get(i);
                    Job job = registrations.get(i);
                    answer(() -> job.registered().accept(answer));
                }
            }
            if (!authentications.isEmpty()) {
                List<Boolean> answers = null;
                try {
                    answers = registrar.authenticate(
                            authentications.stream().map(Job::credentials).toList());
                } catch (RuntimeException e) {
                    log.warn("authenticating {} terminals failed: {}", authentications.size(), e.toString());
                }
                for (int i = 0; i < authentications.size(); i++) {
                    boolean answer = answers != null && answers.get(i);
                    Job job = authentications.get(i);
                    answer(() -> job.authenticated().accept(answer));
                }
            }
        }
    }
}
