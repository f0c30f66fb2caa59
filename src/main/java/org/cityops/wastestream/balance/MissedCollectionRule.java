package org.cityops.wastestream.balance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityops.wastestream.ledger.Producer;
import org.cityops.wastestream.ledger.ProducerCategory;

/**
 * 漏收, without Spring or SQL: a signed producer with no pickup on the last N days up to and including the day
 * (N per category, default 2). A producer never collected counts from its contract's first day.
 */
public final class MissedCollectionRule {

    /** A producer missed on a day: how many days without a pickup, and its last pickup day (null: never). */
    public record Missed(Producer producer, long daysWithout, LocalDate lastPickup) {}

    private final int defaultDays;
    private final Map<ProducerCategory, Integer> daysByCategory;

    public MissedCollectionRule(int defaultDays, Map<ProducerCategory, Integer> daysByCategory) {
        if (defaultDays < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        this.defaultDays = defaultDays;
        this.daysByCategory = Map.copyOf(daysByCategory);
    }

    public int daysFor(ProducerCategory c) {
        return daysByCategory.getOrDefault(c, defaultDays);
    }

    /**
     * @param signed     producers with a contract in force on {@code day}
     * @param lastPickup each producer's last pickup day on or before {@code day} (absent: none)
     */
    public List<Missed> missed(List<Producer> signed, Map<Long, LocalDate> lastPickup, LocalDate day) {
        List<Missed> out = new ArrayList<>();
        for (Producer p : signed) {
            LocalDate last = lastPickup.get(p.id());
            LocalDate from = last != null ? last.plusDays(1) : p.contractFrom();
            if (from == null) {
                continue;
            }
            long without = ChronoUnit.DAYS.between(from, day) + 1;
            if (without >= daysFor(p.category())) {
                out.add(new Missed(p, without, last));
            }
        }
        return out;
    }
}
