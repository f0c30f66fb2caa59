package org.cityops.cases.internal;

import java.time.Duration;
import java.time.Instant;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;
import org.cityops.catalog.WorkingCalendar;
import org.springframework.stereotype.Component;

/** {@link Deadlines} from the catalogue's time limits and the working calendar; warnings at 80%. */
@Component
class CalendarDeadlines implements Deadlines {

    private final Catalog catalog;
    private final WorkingCalendar calendar;

    CalendarDeadlines(Catalog catalog, WorkingCalendar calendar) {
        this.catalog = catalog;
        this.calendar = calendar;
    }

    @Override
    public Due start(long categoryId, Urgency urgency, ProcessStage stage, Instant start) {
        TimeLimit limit = catalog.limit(categoryId, stage, urgency);
        if (limit == null || limit.duration() == null || limit.duration().isZero()) {
            return Due.NONE;
        }
        return new Due(calendar.deadline(start, limit), calendar.deadline(start, eighty(limit)));
    }

    @Override
    public Due extend(long categoryId, Urgency urgency, ProcessStage stage, Instant dueAt, Duration extension) {
        if (dueAt == null) {
            return Due.NONE;
        }
        TimeLimit ext = new TimeLimit(extension, basis(categoryId, urgency, stage));
        return new Due(calendar.deadline(dueAt, ext), calendar.deadline(dueAt, eighty(ext)));
    }

    @Override
    public Due resume(
            long categoryId, Urgency urgency, ProcessStage stage, Due before, Instant suspendedAt, Instant resumedAt) {
        if (before.dueAt() == null || suspendedAt == null) {
            return before;
        }
        var basis = basis(categoryId, urgency, stage);
        return new Due(
                shift(before.dueAt(), basis, suspendedAt, resumedAt),
                before.warnAt() == null ? null : shift(before.warnAt(), basis, suspendedAt, resumedAt));
    }

    private Instant shift(Instant at, org.cityops.catalog.TimeBasis basis, Instant suspendedAt, Instant resumedAt) {
        if (!at.isAfter(suspendedAt)) {
            return at;
        }
        Duration left = calendar.elapsed(suspendedAt, at, basis);
        return calendar.deadline(resumedAt, new TimeLimit(left, basis));
    }

    private org.cityops.catalog.TimeBasis basis(long categoryId, Urgency urgency, ProcessStage stage) {
        TimeLimit limit = stage == null ? null : catalog.limit(categoryId, stage, urgency);
        return limit == null ? org.cityops.catalog.TimeBasis.NATURAL : limit.basis();
    }

    private static TimeLimit eighty(TimeLimit limit) {
        return new TimeLimit(limit.duration().multipliedBy(4).dividedBy(5), limit.basis());
    }
}
