package org.cityops.enforcement.procedure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One statutory limit, computed from the case's events: it starts on {@code start} (the day of the event that
 * starts it, 期间开始之日不计算在内 — 《民法典》第二百零一条), counts {@code days + extensionDays} days of its
 * {@linkplain ClockKind#basis() basis} after it, and skips every suspended day, so a suspension extends the limit by
 * the days actually suspended. A natural-day limit whose last day is not a working day ends on the next working
 * day (《民法典》第二百零三条, 法定休假日结束的次日).
 *
 * @param stoppedOn the day the step that satisfies the limit was taken, null while it runs
 */
public record StatutoryClock(
        ClockKind kind,
        LocalDate start,
        int days,
        int extensionDays,
        List<Suspension> suspensions,
        LocalDate stoppedOn) {

    /** Safety bound on the day walk (no limit in the procedure is longer than a few years with suspensions). */
    private static final int MAX_WALK = 20_000;

    public StatutoryClock {
        suspensions = List.copyOf(suspensions);
    }

    /** The clock on {@code asOf}. */
    public Reading read(LocalDate asOf, DayCalendar calendar) {
        int total = days + extensionDays;
        int warnAt = (int) Math.ceil(total * 0.8);
        LocalDate seenAs = stoppedOn != null && stoppedOn.isBefore(asOf) ? stoppedOn : asOf;
        LocalDate warnOn = null;
        LocalDate last = start;
        int counted = 0;
        int walked = 0;
        long suspendedDays = 0;
        LocalDate d = start;
        while (counted < total) {
            d = d.plusDays(1);
            if (++walked > MAX_WALK) {
                throw new IllegalStateException("clock walk too long: " + kind);
            }
            if (suspended(d, seenAs)) {
                suspendedDays++;
            } else if (kind.basis() == DayBasis.NATURAL || calendar.isWorkingDay(d)) {
                counted++;
                last = d;
                if (counted == warnAt) {
                    warnOn = d;
                }
            }
        }
        if (kind.basis() == DayBasis.NATURAL) {
            while (!calendar.isWorkingDay(last) || suspended(last, seenAs)) {
                last = last.plusDays(1);
                if (suspended(last, seenAs)) {
                    suspendedDays++;
                }
                if (++walked > MAX_WALK) {
                    throw new IllegalStateException("clock walk too long: " + kind);
                }
            }
        }
        boolean suspendedNow =
                suspensions.stream().anyMatch(s -> s.ongoing() && !s.from().isAfter(asOf));
        ClockStatus status;
        if (stoppedOn != null) {
            status = stoppedOn.isAfter(last) ? ClockStatus.MET_LATE : ClockStatus.MET;
        } else if (suspendedNow) {
            status = ClockStatus.SUSPENDED;
        } else if (asOf.isAfter(last)) {
            status = kind.partyPeriod() ? ClockStatus.EXPIRED : ClockStatus.OVERDUE;
        } else if (!kind.partyPeriod() && warnOn != null && !asOf.isBefore(warnOn)) {
            status = ClockStatus.WARNING;
        } else {
            status = ClockStatus.RUNNING;
        }
        return new Reading(kind, start, last, warnOn, ChronoUnit.DAYS.between(asOf, last), suspendedDays, status);
    }

    private boolean suspended(LocalDate d, LocalDate asOf) {
        for (Suspension s : suspensions) {
            if (s.covers(d, asOf)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A clock read on a day.
     *
     * @param lastDay       the last day of the limit (the step is in time on this day)
     * @param warnOn        the day 80 % of the counted days have passed
     * @param daysLeft      natural days from the reading day to the last day (negative: days overdue)
     * @param suspendedDays natural days suspended while this clock ran
     */
    public record Reading(
            ClockKind kind,
            LocalDate start,
            LocalDate lastDay,
            LocalDate warnOn,
            long daysLeft,
            long suspendedDays,
            ClockStatus status) {

        public boolean open() {
            return status != ClockStatus.MET && status != ClockStatus.MET_LATE;
        }
    }
}
