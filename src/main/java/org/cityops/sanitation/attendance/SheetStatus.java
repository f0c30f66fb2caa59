package org.cityops.sanitation.attendance;

/** A worker's status on the daily attendance sheet (考勤表): the rules' statuses, and a shift not begun yet. */
public enum SheetStatus {
    ON_POST("在岗"),
    OFF_POST("离岗"),
    STILL("滞留"),
    NO_POSITION("无定位"),
    NOT_STARTED("未开始");

    private final String label;

    SheetStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static SheetStatus of(AttendanceRules.Status status) {
        return SheetStatus.valueOf(status.name());
    }
}
