package org.cityops.cases.internal;

import java.time.Duration;
import java.time.Instant;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.Urgency;

/** The domain's view of time limits (catalogue) and the working calendar. */
interface Deadlines {

    /** The due and warning times of a stage that starts now. */
    Due start(long categoryId, Urgency urgency, ProcessStage stage, Instant start);

    /** Pushes a due time back by an approved extension (in the stage's own clock: working or natural time). */
    Due extend(long categoryId, Urgency urgency, ProcessStage stage, Instant dueAt, Duration extension);

    /**
     * After 挂账: what was left of the limit at {@code suspendedAt} runs again from {@code resumedAt}, so the
     * suspended time does not count.
     */
    Due resume(
            long categoryId, Urgency urgency, ProcessStage stage, Due before, Instant suspendedAt, Instant resumedAt);
}
