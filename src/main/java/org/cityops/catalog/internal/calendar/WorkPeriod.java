package org.cityops.catalog.internal.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.cityops.platform.InvalidInputException;

/** One working period (工作时段) of a day, in local time: [start, end). */
public record WorkPeriod(LocalTime start, LocalTime end) implements Comparable<WorkPeriod> {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public WorkPeriod {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new InvalidInputException(
                    "工作时段的开始须早于结束 a working period must start before it ends: " + start + "-" + end, "periods");
        }
    }

    /** Parses {@code "08:30-12:00"}. */
    public static WorkPeriod parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new InvalidInputException("工作时段格式应为 HH:mm-HH:mm expected HH:mm-HH:mm: " + text, "periods");
        }
        return of(parts[0], parts[1]);
    }

    public static WorkPeriod of(String start, String end) {
        try {
            return new WorkPeriod(LocalTime.parse(start.trim(), HH_MM), LocalTime.parse(end.trim(), HH_MM));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("时间格式应为 HH:mm time must be HH:mm: " + start + "-" + end, "periods");
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean overlaps(WorkPeriod other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public String startText() {
        return HH_MM.format(start);
    }

    public String endText() {
        return HH_MM.format(end);
    }

    @Override
    public int compareTo(WorkPeriod o) {
        return start.compareTo(o.start);
    }

    @Override
    public String toString() {
        return startText() + "-" + endText();
    }
}
