package org.cityops.wastestream.bulky;

/** 已预约 → 已排班 → 已收运; 已取消 by the citizen (code + phone) before collection. */
public enum BookingStatus {
    BOOKED,
    SCHEDULED,
    COLLECTED,
    CANCELLED;

    public boolean cancellable() {
        return this == BOOKED || this == SCHEDULED;
    }
}
