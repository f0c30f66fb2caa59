package org.cityops.enforcement.procedure;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Which days are working days (工作日), in the city's calendar (法定节假日 off, 调休 workdays on). */
@FunctionalInterface
public interface DayCalendar {

    boolean isWorkingDay(LocalDate date);

    /** Monday to Friday, no holidays: for tests that do not care about holidays. */
    DayCalendar WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
}
