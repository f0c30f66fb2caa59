package org.cityops.sanitation.attendance;

/** 班次: a daily window {@code HH:mm}–{@code HH:mm} in local time, every day or on working days. */
public record Shift(long id, String name, String start, String end, ShiftDays days, String daysLabel) {

    public String window() {
        return start + "–" + end;
    }
}
