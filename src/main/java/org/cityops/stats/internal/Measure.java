package org.cityops.stats.internal;

/** What the statistics count, one column of the daily roll-up each (column = the lower-case name). */
public enum Measure {
    /** 受理: a case was taken in, from any channel */
    REPORTED("受理"),
    /** 立案 */
    FILED("立案"),
    /** 派遣 (改派 counts again) */
    DISPATCHED("派遣"),
    /** 结案 */
    CLOSED("结案"),
    /** 按期结案: closed, its handling within the 处置期限 */
    CLOSED_ON_TIME("按期结案"),
    /** 超期: the 处置期限 passed without a handling report */
    OVERDUE("超期"),
    /** 超期未结: went overdue and not closed since (counted on the day it went overdue) */
    OVERDUE_OPEN("超期未结"),
    /** 返工 */
    REWORK("返工"),
    /** 回退 */
    RETURNED("回退"),
    /** 挂账 */
    SUSPENDED("挂账"),
    /** 回访满意 */
    SATISFIED("满意"),
    /** 回访基本满意 */
    BASICALLY_SATISFIED("基本满意"),
    /** 回访不满意 */
    DISSATISFIED("不满意");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
