package org.cityops.enforcement.procedure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** The 2025 国庆 arrangement as the State Council announced it: 10月1日–8日 off, 9月28日 (日) and 10月11日 (六) worked. */
final class TestCalendar implements DayCalendar {

    static final TestCalendar CN_2025 = new TestCalendar();

    private static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2025, 10, 1),
            LocalDate.of(2025, 10, 2),
            LocalDate.of(2025, 10, 3),
            LocalDate.of(2025, 10, 4),
            LocalDate.of(2025, 10, 5),
            LocalDate.of(2025, 10, 6),
            LocalDate.of(2025, 10, 7),
            LocalDate.of(2025, 10, 8));
    private static final Set<LocalDate> MAKEUP = Set.of(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));

    @Override
    public boolean isWorkingDay(LocalDate d) {
        if (HOLIDAYS.contains(d)) {
            return false;
        }
        if (MAKEUP.contains(d)) {
            return true;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
