package org.cityops.telemetry.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.cityops.telemetry.PositionObserver;
import org.slf4j.Logger;

/**
 * What a track writer counts, for the metrics ({@link PositionWriter} in the direct mode,
 * {@link PartitionedTrackWriter} in the log mode): positions stored, replays not stored again, batches committed,
 * failures (a batch or the latest-position table not written, retried) and observers that threw.
 */
public final class WriterCounters {

    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong observerFailures = new AtomicLong();

    /** A batch committed: {@code fresh} of its {@code positions} were new, the rest replays. */
    void batchStored(int positions, int fresh) {
        batches.incrementAndGet();
        stored.addAndGet(fresh);
        duplicates.addAndGet(positions - (long) fresh);
    }

    void failed() {
        failures.incrementAndGet();
    }

    /**
     * Calls every observer in turn; one that throws is counted and logged ("position observer X {@code failure}")
     * and the others are still called.
     */
    void callEach(List<PositionObserver> observers, Consumer<PositionObserver> call, Logger log, String failure) {
        for (PositionObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                observerFailures.incrementAndGet();
                log.warn("position observer {} " + failure, observer.getClass().getName(), e);
            }
        }
    }

    public long stored() {
        return stored.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long batches() {
        return batches.get();
    }

    public long failures() {
        return failures.get();
    }

    public long observerFailures() {
        return observerFailures.get();
    }
}
