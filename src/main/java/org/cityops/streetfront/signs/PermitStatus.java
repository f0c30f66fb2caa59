package org.cityops.streetfront.signs;

import java.time.LocalDate;

/** 设置许可 state on a day: none, valid, 即将到期 (within {@link #EXPIRING_DAYS} days), 已过期. */
public enum PermitStatus {
    NONE("无许可"),
    VALID("有效"),
    EXPIRING("即将到期"),
    EXPIRED("已过期");

    /** Days before the end from which a permit counts as expiring (the 30-day notice of permit practice). */
    public static final int EXPIRING_DAYS = 30;

    private final String label;

    PermitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state of a permit valid {@code from}..{@code to} (both inclusive) on {@code today}. */
    public static PermitStatus of(LocalDate from, LocalDate to, LocalDate today) {
        if (to == null) {
            return NONE;
        }
        if (to.isBefore(today)) {
            return EXPIRED;
        }
        if (from != null && from.isAfter(today)) {
            return NONE;
        }
        return to.isBefore(today.plusDays(EXPIRING_DAYS + 1L)) ? EXPIRING : VALID;
    }
}
