package org.cityops.catalog.internal.calendar;

/** An exception to the weekly pattern of working days. */
public enum DayKind {
    /** 法定节假日 (or any other day off): no working time, whatever the weekday. */
    HOLIDAY,
    /** 调休上班日: a weekend day worked to make up for a holiday; it has a regular working day's periods. */
    MAKEUP_WORKDAY
}
