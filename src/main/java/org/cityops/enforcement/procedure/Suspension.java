package org.cityops.enforcement.procedure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One period during which the clocks stop (听证, 检测, 鉴定, 公告, 中止). The days {@code from} (inclusive) to
 * {@code endedOn} (exclusive: the clock counts again on the day the case resumes) are not counted; while it has
 * not ended, the days up to and including "today" are not counted.
 *
 * @param expectedEnd the end announced when it started (预计结束日期), required
 * @param endedOn     null while it lasts
 */
public record Suspension(SuspensionKind kind, String reason, LocalDate from, LocalDate expectedEnd, LocalDate endedOn) {

    public boolean ongoing() {
        return endedOn == null;
    }

    /** Whether {@code day} is a suspended day, seen on {@code asOf}. */
    public boolean covers(LocalDate day, LocalDate asOf) {
        LocalDate end = endedOn != null ? endedOn : asOf.plusDays(1);
        return !day.isBefore(from) && day.isBefore(end);
    }

    /** Natural days actually suspended, as of {@code asOf}. */
    public long days(LocalDate asOf) {
        LocalDate end = endedOn != null ? endedOn : asOf.plusDays(1);
        return Math.max(0, ChronoUnit.DAYS.between(from, end));
    }

    public Suspension end(LocalDate on) {
        return new Suspension(kind, reason, from, expectedEnd, on);
    }
}
