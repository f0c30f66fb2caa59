package org.cityops.catalog.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.platform.CityClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the working calendar's tables. */
@Repository
public class CalendarStore {

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CalendarRules load() {
        Map<DayOfWeek, List<WorkPeriod>> week = new EnumMap<>(DayOfWeek.class);
        jdbc.sql(
                        "SELECT day_of_week, start_time, end_time FROM catalog_working_period ORDER BY day_of_week, start_time")
                .query((rs, n) -> {
                    week.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                            .add(WorkPeriod.of(rs.getString(2), rs.getString(3)));
                    return null;
                })
                .list();
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        Map<LocalDate, String> names = new HashMap<>();
        jdbc.sql("SELECT cal_date, kind, name FROM catalog_calendar_day")
                .query((rs, n) -> {
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    exceptions.put(date, DayKind.valueOf(rs.getString(2)));
                    if (rs.getString(3) != null) {
                        names.put(date, rs.getString(3));
                    }
                    return null;
                })
                .list();
        return new CalendarRules(CityClock.ZONE, week, exceptions, names);
    }

    public void putDay(LocalDate date, DayKind kind, String name) {
        jdbc.sql("DELETE FROM catalog_calendar_day WHERE tenant_id = 'default' AND cal_date = :d")
                .param("d", date)
                .update();
        if (kind != null) {
            jdbc.sql("INSERT INTO catalog_calendar_day (cal_date, kind, name) VALUES (:d, :k, :n)")
                    .param("d", date)
                    .param("k", kind.name())
                    .param("n", name)
                    .update();
        }
    }

    /** Removes every exception of {@code year} and of {@code dates}, then writes {@code days}. */
    public void replaceYear(int year, java.util.Collection<HolidayNotice.Day> days) {
        jdbc.sql("DELETE FROM catalog_calendar_day WHERE tenant_id = 'default' AND cal_date BETWEEN :a AND :b")
                .param("a", LocalDate.of(year, 1, 1))
                .param("b", LocalDate.of(year, 12, 31))
                .update();
        for (HolidayNotice.Day d : days) {
            putDay(d.date(), d.kind(), d.name());
        }
    }

    public void replaceWeek(Map<DayOfWeek, List<WorkPeriod>> week) {
        jdbc.sql("DELETE FROM catalog_working_period WHERE tenant_id = 'default'")
                .update();
        for (Map.Entry<DayOfWeek, List<WorkPeriod>> e : week.entrySet()) {
            for (WorkPeriod p : e.getValue()) {
                jdbc.sql("INSERT INTO catalog_working_period (day_of_week, start_time, end_time) VALUES (:d, :s, :e)")
                        .param("d", e.getKey().getValue())
                        .param("s", p.startText())
                        .param("e", p.endText())
                        .update();
            }
        }
    }
}
