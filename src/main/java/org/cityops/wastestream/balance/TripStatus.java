package org.cityops.wastestream.balance;

/** Where a trip's mass balance stands. */
public enum TripStatus {
    /** 平衡: |weighed − collected| within the tolerance of weighed. */
    BALANCED("平衡"),
    /** 称重少于收运: weighed below collected beyond the tolerance (偷倒 on the way, or pickups counted twice). */
    SHORT("少于收运量"),
    /** 称重多于收运: weighed above collected beyond the tolerance (pickups not recorded, waste from elsewhere). */
    EXCESS("多于收运量"),
    /** 未过磅: pickups after the vehicle's last plant visit. */
    OPEN("未过磅");

    private final String label;

    TripStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean flagged() {
        return this == SHORT || this == EXCESS;
    }
}
