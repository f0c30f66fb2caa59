package org.cityops.streetfront.signs;

import java.util.Arrays;

/** What a facility is (CJJ/T 149-2021): 招牌 (the shop's own sign), 广告牌 (advertising), LED显示屏. */
public enum FacilityKind {
    SIGNBOARD("招牌"),
    BILLBOARD("广告牌"),
    LED_SCREEN("LED显示屏");

    private final String label;

    FacilityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code or Chinese label; null when neither. */
    public static FacilityKind parse(String s) {
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
