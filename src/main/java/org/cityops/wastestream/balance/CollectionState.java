package org.cityops.wastestream.balance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How a producer stands on a day by its last collection (the map's colour): 当日已收 (a pickup that day), 近日已收
 * (a pickup within the last N − 1 days, N the category's 漏收 days), 漏收 (none for N days or more), 未签约 (no
 * contract in force that day).
 */
public enum CollectionState {
    TODAY("当日已收运"),
    RECENT("近日已收运"),
    MISSED("漏收"),
    UNSIGNED("未签约");

    private final String label;

    CollectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @param signed      a contract in force on {@code day}
     * @param last        the last pickup day on or before {@code day} (null: never)
     * @param contractFrom the contract's first day (a producer never collected counts from it)
     * @param missedDays  N of the producer's category
     */
    public static CollectionState of(
            boolean signed, LocalDate last, LocalDate contractFrom, LocalDate day, int missedDays) {
        if (!signed) {
            return UNSIGNED;
        }
        if (day.equals(last)) {
            return TODAY;
        }
        LocalDate from = last != null ? last.plusDays(1) : contractFrom;
        long without = from == null ? 0 : ChronoUnit.DAYS.between(from, day) + 1;
        return without >= missedDays ? MISSED : RECENT;
    }
}
