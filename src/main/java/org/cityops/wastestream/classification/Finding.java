package org.cityops.wastestream.classification;

/** What an inspector found for one class at a unit: 无 (no facility), 规范 (present, used properly), 混投 (mixed). */
public enum Finding {
    ABSENT("无"),
    OK("规范"),
    MIXED("混投");

    private final String label;

    Finding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code or Chinese label; null when neither. */
    public static Finding parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (Finding f : values()) {
            if (f.name().equalsIgnoreCase(t) || f.label.equals(t)) {
                return f;
            }
        }
        return null;
    }
}
