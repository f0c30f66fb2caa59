package org.cityops.wastestream.bulky;

/** A half-day pickup slot: 上午 (08:00–12:00) or 下午 (13:30–17:30). */
public enum Slot {
    AM,
    PM;

    public static Slot parse(String text) {
        if (text == null) {
            return null;
        }
        for (Slot s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }
}
