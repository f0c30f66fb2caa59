package org.cityops.catalog.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityops.audit.AuditTrail;
import org.cityops.catalog.internal.AfterTransaction;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Edits of the working calendar (holidays, 调休 days, working hours), audited; the cache reloads after. */
@Service
public class CalendarAdmin {

    /** One day of a year view. */
    public record Day(LocalDate date, int dayOfWeek, boolean working, DayKind kind, String name, long workingMinutes) {}

    private final CalendarStore store;
    private final CachedWorkingCalendar calendar;
    private final AuditTrail audit;

    CalendarAdmin(CalendarStore store, CachedWorkingCalendar calendar, AuditTrail audit) {
        this.store = store;
        this.calendar = calendar;
        this.audit = audit;
    }

    public static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("年份须在 2000–2100 之间 year must be within 2000-2100", "year");
        }
    }

    public List<Day> year(int year) {
        checkYear(year);
        CalendarRules rules = calendar.rules();
        List<Day> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            long minutes = rules.periodsOn(d).stream()
                    .mapToLong(p -> p.length().toMinutes())
                    .sum();
            days.add(new Day(
                    d,
                    d.getDayOfWeek().getValue(),
                    minutes > 0,
                    rules.exceptions().get(d),
                    rules.nameOf(d),
                    minutes));
        }
        return days;
    }

    /** Marks a date as a holiday, a make-up working day, or (kind null) back to the weekly pattern. */
    @Transactional
    public void setDay(LocalDate date, DayKind kind, String name) {
        if (date == null) {
            throw new InvalidInputException("缺少日期 date is required", "date");
        }
        checkYear(date.getYear());
        if (name != null && name.length() > 100) {
            throw new InvalidInputException("名称过长 name too long (max 100)", "name");
        }
        CalendarRules rules = calendar.rules();
        if (kind == DayKind.MAKEUP_WORKDAY
                && !rules.weekly().get(date.getDayOfWeek()).isEmpty()) {
            throw new InvalidInputException(
                    "调休上班日须是平时不上班的日子 a make-up working day must be a day that is " + "normally off (a weekend)",
                    "kind");
        }
        DayKind before = rules.exceptions().get(date);
        String beforeName = rules.nameOf(date);
        store.putDay(date, kind, blankToNull(name));
        audit.record(
                "CALENDAR_DAY",
                date.toString(),
                kind == null ? "RESET" : "SET",
                before == null ? null : before + (beforeName == null ? "" : " " + beforeName),
                kind == null ? null : kind + (blankToNull(name) == null ? "" : " " + name.trim()));
        AfterTransaction.run(calendar::invalidate);
    }

    /** What applying a notice did, or the rows that stopped it (then nothing was written). */
    public record NoticeResult(
            boolean applied, int year, int holidays, int workdays, List<HolidayNotice.Problem> problems) {}

    /**
     * Replaces a year's holidays and 调休 days by a notice (国务院办公厅 节假日安排), all or nothing: every row is
     * checked first; with any problem nothing changes. Audited as one CALENDAR_YEAR entry with the year's days
     * before and after.
     */
    @Transactional
    public NoticeResult applyNotice(HolidayNotice notice) {
        CalendarRules rules = calendar.rules();
        List<HolidayNotice.Problem> problems = notice.check(rules.weekly());
        if (!problems.isEmpty()) {
            return new NoticeResult(false, notice.year(), 0, 0, problems);
        }
        var days = notice.days();
        String before = describeDays(rules, notice.year(), days.keySet());
        store.replaceYear(notice.year(), days.values());
        long holidays =
                days.values().stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
        String after = (notice.source() == null || notice.source().isBlank()
                        ? ""
                        : notice.source().strip() + ": ")
                + days.values().stream()
                        .map(d -> d.date() + (d.kind() == DayKind.HOLIDAY ? " 休 " : " 班 ") + d.name())
                        .collect(Collectors.joining("; "));
        audit.record("CALENDAR_YEAR", String.valueOf(notice.year()), "IMPORT", clip(before), clip(after));
        AfterTransaction.run(calendar::invalidate);
        return new NoticeResult(true, notice.year(), (int) holidays, days.size() - (int) holidays, List.of());
    }

    private static String describeDays(CalendarRules rules, int year, java.util.Set<LocalDate> alsoDates) {
        String text = rules.exceptions().entrySet().stream()
                .filter(e -> e.getKey().getYear() == year || alsoDates.contains(e.getKey()))
                .map(e -> e.getKey()
                        + (e.getValue() == DayKind.HOLIDAY ? " 休 " : " 班 ")
                        + (rules.nameOf(e.getKey()) == null ? "" : rules.nameOf(e.getKey())))
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? null : text;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 3900 ? s : s.substring(0, 3900) + "…";
    }

    /** Replaces the working periods of every weekday (a weekday missing from the map has none). */
    @Transactional
    public void setWeek(Map<DayOfWeek, List<WorkPeriod>> week) {
        Map<DayOfWeek, List<WorkPeriod>> checked = new EnumMap<>(DayOfWeek.class);
        week.forEach((d, ps) -> checked.put(d, CalendarRules.checked(ps)));
        if (checked.values().stream().allMatch(List::isEmpty)) {
            throw new InvalidInputException("至少需要一个工作时段 at least one working period is required", "periods");
        }
        String before = describe(calendar.rules().weekly());
        store.replaceWeek(checked);
        audit.record("CALENDAR_WEEK", "default", "UPDATE", before, describe(checked));
        AfterTransaction.run(calendar::invalidate);
    }

    public static String describe(Map<DayOfWeek, List<WorkPeriod>> week) {
        return week.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey().getValue() + "="
                        + e.getValue().stream().map(WorkPeriod::toString).collect(Collectors.joining(",")))
                .collect(Collectors.joining(" "));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
