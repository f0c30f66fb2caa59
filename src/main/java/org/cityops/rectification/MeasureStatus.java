package org.cityops.rectification;

/** 整改措施状态. */
public enum MeasureStatus {
    /** 未启动 */
    NOT_STARTED("未启动"),
    /** 推进中 */
    IN_PROGRESS("推进中"),
    /** 已完成 */
    COMPLETED("已完成");

    private final String label;

    MeasureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the English name or the Chinese label (also 完成, 已启动); null when neither. */
    public static MeasureStatus parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (MeasureStatus s : values()) {
            if (s.name().equalsIgnoreCase(t) || s.label.equals(t)) {
                return s;
            }
        }
        return switch (t) {
            case "完成", "已整改", "已整改到位" -> COMPLETED;
            case "进行中", "已启动", "整改中" -> IN_PROGRESS;
            default -> null;
        };
    }
}
