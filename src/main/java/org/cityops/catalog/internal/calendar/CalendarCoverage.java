package org.cityops.catalog.internal.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which years the working calendar still lacks holiday data for. The State Council General Office (国务院办公厅)
 * publishes next year's holiday arrangements (部分节假日安排的通知) in November or December; from
 * {@link #WATCH_FROM 1 November} on, next year counts as needed, so the gap is visible while there is time to enter
 * it. The current year is always needed. Free of storage and Spring.
 */
public final class CalendarCoverage {

    /** From this day of a year, the next year's holidays are expected. */
    public static final MonthDay WATCH_FROM = MonthDay.of(11, 1);

    private CalendarCoverage() {}

    /** The years that should have holidays by {@code today}: this year, and from 1 November the next one too. */
    public static List<Integer> neededYears(LocalDate today) {
        List<Integer> years = new ArrayList<>(List.of(today.getYear()));
        if (!MonthDay.from(today).isBefore(WATCH_FROM)) {
            years.add(today.getYear() + 1);
        }
        return years;
    }

    /** The needed years that have no holiday entered, ascending; empty when the calendar is complete. */
    public static List<Integer> missingYears(Set<Integer> yearsWithHolidays, LocalDate today) {
        return neededYears(today).stream()
                .filter(y -> !yearsWithHolidays.contains(y))
                .toList();
    }

    /** The warning shown for the missing years, or null when none is missing. */
    public static String warning(List<Integer> missing) {
        if (missing.isEmpty()) {
            return null;
        }
        String years = String.join("、", missing.stream().map(String::valueOf).toList());
        return years + " 年的法定节假日和调休尚未录入，该年的时限只按每周工作时段计算；请按国务院办公厅的节假日安排通知录入或导入。"
                + " No public holidays entered for "
                + String.join(", ", missing.stream().map(String::valueOf).toList())
                + ": deadlines there follow the weekly pattern only.";
    }
}
