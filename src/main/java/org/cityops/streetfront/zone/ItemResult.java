package org.cityops.streetfront.zone;

/** One item's finding in an inspection. */
public enum ItemResult {
    PASS("合格"),
    FAIL("不合格"),
    /** 不涉及: the zone has nothing of this item (a frontage without greenery). */
    NA("不涉及");

    private final String label;

    ItemResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The code or the Chinese label; null for anything else. */
    public static ItemResult parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        for (ItemResult r : values()) {
            if (r.name().equalsIgnoreCase(t) || r.label.equals(t)) {
                return r;
            }
        }
        return null;
    }
}
