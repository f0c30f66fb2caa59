package org.cityops.streetfront.parking;

/** The kind of a towed vehicle. */
public enum VehicleKind {
    SHARED_BIKE("共享单车"),
    E_BIKE("电动自行车"),
    BICYCLE("自行车");

    private final String label;

    VehicleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The code or the Chinese label; null when neither. */
    public static VehicleKind parse(String s) {
        if (s == null) {
            return null;
        }
        for (VehicleKind k : values()) {
            if (k.name().equalsIgnoreCase(s.trim()) || k.label.equals(s.trim())) {
                return k;
            }
        }
        return null;
    }
}
