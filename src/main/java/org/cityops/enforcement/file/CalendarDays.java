package org.cityops.enforcement.file;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.WorkingCalendar;
import org.cityops.enforcement.procedure.DayCalendar;
import org.cityops.platform.CityClock;
import org.springframework.stereotype.Component;

/**
 * The platform's working calendar (工作日历: 法定节假日 and 调休 as the administrators keep them) seen day by day: a
 * day is a working day when it has working time. Answers are kept for a minute (the clocks of a list ask for the
 * same few hundred days again and again; a calendar edit shows within a minute).
 */
@Component
class CalendarDays implements DayCalendar {

    private static final long TTL_NANOS = Duration.ofMinutes(1).toNanos();

    private final WorkingCalendar calendar;
    private final Map<LocalDate, Boolean> days = new ConcurrentHashMap<>();
    private volatile long loadedAt = System.nanoTime();

    CalendarDays(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        if (System.nanoTime() - loadedAt > TTL_NANOS) {
            days.clear();
            loadedAt = System.nanoTime();
        }
        return days.computeIfAbsent(date, d -> {
            Instant from = d.atStartOfDay(CityClock.ZONE).toInstant();
            Instant to = d.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant();
            return calendar.elapsed(from, to, TimeBasis.WORKING).compareTo(Duration.ZERO) > 0;
        });
    }
}
