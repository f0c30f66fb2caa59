package org.cityops.catalog.internal.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.platform.InvalidInputException;

/**
 * The rules of a working calendar (工作日历), free of storage: working periods per weekday, plus dated
 * exceptions (法定节假日 off, 调休 make-up working days on), in one time zone. Immutable.
 * <p>
 * Working time runs only inside working periods; natural time (自然时) is wall-clock time.
 */
public final class CalendarRules {

    /** A deadline search gives up after this many consecutive days without working time. */
    static final int MAX_DAYS_WITHOUT_WORK = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkPeriod>> weekly;
    private final Map<LocalDate, DayKind> exceptions;
    private final Map<LocalDate, String> names;
    private final List<WorkPeriod> makeUpPeriods;

    public CalendarRules(
            ZoneId zone,
            Map<DayOfWeek, List<WorkPeriod>> weekly,
            Map<LocalDate, DayKind> exceptions,
            Map<LocalDate, String> names) {
        this.zone = zone;
        EnumMap<DayOfWeek, List<WorkPeriod>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, checked(weekly.getOrDefault(d, List.of())));
        }
        this.weekly = Collections.unmodifiableMap(w);
        this.exceptions = Collections.unmodifiableMap(new TreeMap<>(exceptions));
        this.names = Collections.unmodifiableMap(new TreeMap<>(names == null ? Map.of() : names));
        this.makeUpPeriods = firstWorkingPattern(w);
    }

    /** The default pattern: Monday to Friday 08:30–12:00 and 13:30–17:30, no exceptions. */
    public static Map<DayOfWeek, List<WorkPeriod>> defaultWeek() {
        Map<DayOfWeek, List<WorkPeriod>> week = new EnumMap<>(DayOfWeek.class);
        List<WorkPeriod> day = List.of(WorkPeriod.of("08:30", "12:00"), WorkPeriod.of("13:30", "17:30"));
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(d, day);
        }
        return week;
    }

    /** Sorted, non-overlapping periods, or an InvalidInputException. */
    public static List<WorkPeriod> checked(List<WorkPeriod> periods) {
        List<WorkPeriod> sorted = new ArrayList<>(periods);
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new InvalidInputException(
                        "工作时段重叠 working periods overlap: " + sorted.get(i - 1) + ", " + sorted.get(i), "periods");
            }
        }
        return List.copyOf(sorted);
    }

    private static List<WorkPeriod> firstWorkingPattern(Map<DayOfWeek, List<WorkPeriod>> week) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (!week.get(d).isEmpty()) {
                return week.get(d);
            }
        }
        return List.of();
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<WorkPeriod>> weekly() {
        return weekly;
    }

    public Map<LocalDate, DayKind> exceptions() {
        return exceptions;
    }

    public String nameOf(LocalDate date) {
        return names.get(date);
    }

    /** The years that have at least one holiday (法定节假日) entered: a year without any has no notice yet. */
    public java.util.SortedSet<Integer> yearsWithHolidays() {
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        exceptions.forEach((d, k) -> {
            if (k == DayKind.HOLIDAY) {
                years.add(d.getYear());
            }
        });
        return years;
    }

    /**
     * The working periods of a date: none on a holiday; on a 调休 day the weekday's own periods, or if that
     * weekday has none (a weekend), those of the first weekday that has some (Monday by default).
     */
    public List<WorkPeriod> periodsOn(LocalDate date) {
        DayKind kind = exceptions.get(date);
        if (kind == DayKind.HOLIDAY) {
            return List.of();
        }
        List<WorkPeriod> own = weekly.get(date.getDayOfWeek());
        if (kind == DayKind.MAKEUP_WORKDAY && own.isEmpty()) {
            return makeUpPeriods;
        }
        return own;
    }

    public boolean isWorkingDay(LocalDate date) {
        return !periodsOn(date).isEmpty();
    }

    /** When a limit starting at {@code start} runs out. */
    public Instant deadline(Instant start, TimeLimit limit) {
        Duration remaining = limit.duration();
        if (remaining.isNegative()) {
            throw new IllegalArgumentException("negative time limit " + remaining);
        }
        if (limit.basis() == TimeBasis.NATURAL || remaining.isZero()) {
            return start.plus(remaining);
        }
        if (!isStable(start)) {
            return deadlineByZone(start, remaining);
        }
        // No offset change from here on (China has had no daylight saving since 1991): local arithmetic is exact.
        ZoneOffset offset = zone.getRules().getOffset(start);
        LocalDateTime from = LocalDateTime.ofInstant(start, offset);
        LocalDate day = from.toLocalDate();
        long left = remaining.toSeconds();
        int nanos = remaining.getNano();
        int daysWithoutWork = 0;
        while (true) {
            List<WorkPeriod> periods = periodsOn(day);
            if (periods.isEmpty()) {
                if (++daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
                    throw noWorkingTime(day);
                }
                day = day.plusDays(1);
                continue;
            }
            daysWithoutWork = 0;
            boolean wholeDay = day.isAfter(from.toLocalDate())
                    || !from.toLocalTime().isAfter(periods.get(0).start());
            long dayTotal = wholeDay ? totalSeconds(periods) : -1;
            if (wholeDay && (left > dayTotal || (left == dayTotal && nanos > 0))) {
                left -= dayTotal;
                day = day.plusDays(1);
                continue;
            }
            for (WorkPeriod p : periods) {
                LocalDateTime periodStart = day.atTime(p.start());
                LocalDateTime periodEnd = day.atTime(p.end());
                LocalDateTime a = periodStart.isBefore(from) ? from : periodStart;
                if (!a.isBefore(periodEnd)) {
                    continue;
                }
                Duration available = Duration.between(a, periodEnd);
                Duration rest = Duration.ofSeconds(left, nanos);
                if (rest.compareTo(available) <= 0) {
                    return a.plus(rest).toInstant(offset);
                }
                rest = rest.minus(available);
                left = rest.getSeconds();
                nanos = rest.getNano();
            }
            day = day.plusDays(1);
        }
    }

    private static long totalSeconds(List<WorkPeriod> periods) {
        long total = 0;
        for (WorkPeriod p : periods) {
            total += p.length().toSeconds();
        }
        return total;
    }

    /** True when the zone's offset never changes after {@code instant}. */
    private boolean isStable(Instant instant) {
        return zone.getRules().nextTransition(instant) == null;
    }

    private IllegalStateException noWorkingTime(LocalDate day) {
        return new IllegalStateException(
                "工作日历没有工作时间 the working calendar has no working time after " + day.minusDays(MAX_DAYS_WITHOUT_WORK));
    }

    /** The general walk, converting every period through the zone (for zones that still change offset). */
    private Instant deadlineByZone(Instant start, Duration remaining) {
        LocalDate day = start.atZone(zone).toLocalDate();
        int daysWithoutWork = 0;
        while (true) {
            List<WorkPeriod> periods = periodsOn(day);
            if (periods.isEmpty()) {
                if (++daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
                    throw noWorkingTime(day);
                }
            } else {
                daysWithoutWork = 0;
            }
            for (WorkPeriod p : periods) {
                Instant periodStart = day.atTime(p.start()).atZone(zone).toInstant();
                Instant periodEnd = day.atTime(p.end()).atZone(zone).toInstant();
                Instant from = periodStart.isBefore(start) ? start : periodStart;
                if (!from.isBefore(periodEnd)) {
                    continue;
                }
                Duration available = Duration.between(from, periodEnd);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            day = day.plusDays(1);
        }
    }

    /** Time on the given clock between two instants; negative when {@code to} is before {@code from}. */
    public Duration elapsed(Instant from, Instant to, TimeBasis basis) {
        if (to.isBefore(from)) {
            return elapsed(to, from, basis).negated();
        }
        if (basis == TimeBasis.NATURAL) {
            return Duration.between(from, to);
        }
        if (isStable(from)) {
            ZoneOffset offset = zone.getRules().getOffset(from);
            LocalDateTime a = LocalDateTime.ofInstant(from, offset);
            LocalDateTime b = LocalDateTime.ofInstant(to, offset);
            LocalDate first = a.toLocalDate();
            LocalDate last = b.toLocalDate();
            Duration total = Duration.ZERO;
            long wholeDays = 0;
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                List<WorkPeriod> periods = periodsOn(day);
                if (day.isAfter(first) && day.isBefore(last)) {
                    wholeDays += totalSeconds(periods);
                    continue;
                }
                for (WorkPeriod p : periods) {
                    LocalDateTime ps = day.atTime(p.start());
                    LocalDateTime pe = day.atTime(p.end());
                    LocalDateTime x = ps.isBefore(a) ? a : ps;
                    LocalDateTime y = pe.isAfter(b) ? b : pe;
                    if (x.isBefore(y)) {
                        total = total.plus(Duration.between(x, y));
                    }
                }
            }
            return total.plusSeconds(wholeDays);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (WorkPeriod p : periodsOn(day)) {
                Instant periodStart = day.atTime(p.start()).atZone(zone).toInstant();
                Instant periodEnd = day.atTime(p.end()).atZone(zone).toInstant();
                Instant a = periodStart.isBefore(from) ? from : periodStart;
                Instant b = periodEnd.isAfter(to) ? to : periodEnd;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** A copy with one date's exception set ({@code kind} null removes it). */
    public CalendarRules withDay(LocalDate date, DayKind kind, String name) {
        Map<LocalDate, DayKind> ex = new TreeMap<>(exceptions);
        Map<LocalDate, String> nm = new TreeMap<>(names);
        if (kind == null) {
            ex.remove(date);
            nm.remove(date);
        } else {
            ex.put(date, kind);
            if (name != null && !name.isBlank()) {
                nm.put(date, name);
            } else {
                nm.remove(date);
            }
        }
        return new CalendarRules(zone, weekly, ex, nm);
    }
}
