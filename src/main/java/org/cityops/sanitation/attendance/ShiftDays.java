package org.cityops.sanitation.attendance;

/** On which days a shift (班次) is worked. */
public enum ShiftDays {
    /** 每天 */
    EVERY_DAY("每天"),
    /** 工作日: the working days of the working calendar (工作日历, public holidays and 调休 included) */
    WORKING_DAYS("工作日");

    private final String label;

    ShiftDays(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
