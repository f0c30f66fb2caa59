package org.cityops.telemetry.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batches a node handed to its position observers, in order, and how far each log partition is confirmed
 * by all of them ("observed up to"). A batch counts only once it and every batch before it are confirmed, so the
 * mark never passes a batch an observer may still lose. {@link #hand} and {@link #drainConfirmed} are called by
 * the writer's thread; the callbacks from any thread.
 */
final class Observations {

    private final ArrayDeque<Batch> inFlight = new ArrayDeque<>();

    private record Batch(Map<Integer, Long> upTo, AtomicInteger left) {}

    /**
     * A batch that reaches sequence {@code upTo.get(p)} of each partition p, handed to {@code observers}
     * observers: one callback for each (calling one twice counts once). With no observer it is confirmed at once.
     */
    List<Runnable> hand(Map<Integer, Long> upTo, int observers) {
        Batch batch = new Batch(Map.copyOf(upTo), new AtomicInteger(observers));
        synchronized (inFlight) {
            inFlight.addLast(batch);
        }
        List<Runnable> callbacks = new ArrayList<>(observers);
        for (int i = 0; i < observers; i++) {
            AtomicBoolean once = new AtomicBoolean();
            callbacks.add(() -> {
                if (once.compareAndSet(false, true)) {
                    batch.left().decrementAndGet();
                }
            });
        }
        return callbacks;
    }

    /** The partitions whose confirmed point moved since the last call, with the sequence it reached. */
    Map<Integer, Long> drainConfirmed() {
        Map<Integer, Long> moved = new HashMap<>();
        synchronized (inFlight) {
            while (!inFlight.isEmpty() && inFlight.peekFirst().left().get() <= 0) {
                inFlight.pollFirst().upTo().forEach((p, seq) -> moved.merge(p, seq, Math::max));
            }
        }
        return moved;
    }

    /** Batches handed and not yet confirmed (with those queued behind one). */
    int pending() {
        synchronized (inFlight) {
            return inFlight.size();
        }
    }
}
