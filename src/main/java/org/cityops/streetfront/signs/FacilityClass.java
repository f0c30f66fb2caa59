package org.cityops.streetfront.signs;

import java.util.Arrays;

/** CJJ/T 149-2021 设置形式: how a facility stands. */
public enum FacilityClass {
    ATTACHED("附属式"),
    FREESTANDING("独立式"),
    MOBILE("移动式");

    private final String label;

    FacilityClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code or Chinese label; null when neither. */
    public static FacilityClass parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return Arrays.stream(values())
                .filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t))
                .findFirst()
                .orElse(null);
    }
}
