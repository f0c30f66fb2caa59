package org.cityops.telemetry.pipeline;

/** Where decoded positions go: queued, persisted in batches, then acknowledged. */
public interface PositionSink {

    /**
     * Queues a submission (always accepted while running). Returns false when the queue is above its
     * high-water mark: the caller must stop reading more input until {@link #whenRoom(Runnable)} calls back.
     *
     * @throws IllegalStateException when the sink is stopped
     */
    boolean submit(Submission submission);

    /** Runs {@code resume} once the queue is below its low-water mark (at once if it already is). */
    void whenRoom(Runnable resume);
}
