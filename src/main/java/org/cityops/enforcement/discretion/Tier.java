package org.cityops.enforcement.discretion;

/** 裁量档次 of a discretion benchmark (自由裁量基准), from the lightest. */
public enum Tier {
    /** 轻微 */
    MINOR("轻微"),
    /** 一般 */
    GENERAL("一般"),
    /** 较重 */
    SERIOUS("较重"),
    /** 严重 */
    SEVERE("严重");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By its code or its Chinese label (as an imported sheet writes it); null when neither. */
    public static Tier parse(String s) {
        if (s == null) {
            return null;
        }
        String v = s.trim();
        for (Tier t : values()) {
            if (t.name().equalsIgnoreCase(v) || t.label.equals(v)) {
                return t;
            }
        }
        return null;
    }
}
