package org.cityops.enforcement.procedure;

/** Where a clock stands on a day. */
public enum ClockStatus {
    /** 计时中 */
    RUNNING("计时中"),
    /** 即将到期: 80 % of the counted days have passed */
    WARNING("即将到期"),
    /** 已超期 (a limit on the authority) */
    OVERDUE("已超期"),
    /** 已中止: a suspension is under way, the clock does not count */
    SUSPENDED("已中止"),
    /** 已届满: a party period that has run out */
    EXPIRED("已届满"),
    /** 按期完成 */
    MET("按期完成"),
    /** 逾期完成 */
    MET_LATE("逾期完成");

    private final String label;

    ClockStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
