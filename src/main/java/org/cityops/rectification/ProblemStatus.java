package org.cityops.rectification;

/** 问题整改状态, in the order of the report's summary sentence (best first is RECTIFIED). */
public enum ProblemStatus {
    /** 未启动 */
    NOT_STARTED("未启动"),
    /** 取得初步成效 */
    INITIAL_PROGRESS("取得初步成效"),
    /** 取得明显成效 */
    SIGNIFICANT_PROGRESS("取得明显成效"),
    /** 已整改到位 */
    RECTIFIED("已整改到位");

    private final String label;

    ProblemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the English name or the Chinese label; null when neither. */
    public static ProblemStatus parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (ProblemStatus s : values()) {
            if (s.name().equalsIgnoreCase(t)
                    || s.label.equals(t)
                    || s.label.equals("已" + t)
                    || ("已" + s.label).equals(t)) {
                return s;
            }
        }
        return null;
    }
}
