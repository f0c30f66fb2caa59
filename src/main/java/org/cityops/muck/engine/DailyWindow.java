package org.cityops.muck.engine;

import java.time.LocalTime;

/** A daily time window in city time, [start, end), possibly across midnight (22:00–05:00). Null ends = all day. */
public record DailyWindow(LocalTime start, LocalTime end) {

    public static final DailyWindow ALL_DAY = new DailyWindow(null, null);

    public static DailyWindow of(String start, String end) {
        if (start == null || start.isBlank() || end == null || end.isBlank()) {
            return ALL_DAY;
        }
        return new DailyWindow(LocalTime.parse(start.trim()), LocalTime.parse(end.trim()));
    }

    public boolean allDay() {
        return start == null || end == null || start.equals(end);
    }

    public boolean contains(LocalTime t) {
        if (allDay()) {
            return true;
        }
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }

    @Override
    public String toString() {
        return allDay() ? "全天" : start + "-" + end;
    }
}
