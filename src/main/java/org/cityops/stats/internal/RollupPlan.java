package org.cityops.stats.internal;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which roll-up tables answer a question (no Spring, no SQL): the keys it groups or filters by decide the
 * tables that hold them; the whole months inside its period come from the smallest monthly table that holds
 * them, the days before and after (and any question grouped by day) from the smallest daily one.
 *
 * @param segments the parts of the period, each from one table; together they cover {@code from..to} once
 */
public record RollupPlan(List<Segment> segments) {

    /** Days {@code from..to} (inclusive) of one table; for a monthly table both are first days of months. */
    public record Segment(Rollup rollup, LocalDate from, LocalDate to) {}

    public RollupPlan {
        segments = List.copyOf(segments);
    }

    /** The keys a question needs in a table's rows: its groups, its area's level, its category, its department. */
    static Set<Dimension> keysOf(StatsQuery q) {
        Set<Dimension> keys = EnumSet.noneOf(Dimension.class);
        keys.addAll(q.groupBy());
        keys.remove(Dimension.DAY);
        keys.remove(Dimension.MONTH);
        switch (q.area().length()) {
            case 0 -> {}
            case 6 -> keys.add(Dimension.DISTRICT);
            case 9 -> keys.add(Dimension.STREET);
            default -> keys.add(Dimension.GRID);
        }
        if (!q.category().isEmpty()) {
            keys.add(Dimension.CATEGORY);
        }
        if (q.department() != null) {
            keys.add(Dimension.DEPARTMENT);
        }
        return keys;
    }

    public static RollupPlan of(StatsQuery q) {
        Set<Dimension> keys = keysOf(q);
        Rollup daily = Rollup.smallest(Rollup.Grain.DAY, keys);
        Rollup monthly = q.groupBy().contains(Dimension.DAY) ? null : Rollup.smallest(Rollup.Grain.MONTH, keys);
        LocalDate firstWhole =
                q.from().getDayOfMonth() == 1 ? q.from() : q.from().with(TemporalAdjusters.firstDayOfNextMonth());
        LocalDate lastWhole = q.to().equals(q.to().with(TemporalAdjusters.lastDayOfMonth()))
                ? q.to()
                : q.to().withDayOfMonth(1).minusDays(1);
        if (monthly == null || firstWhole.isAfter(lastWhole)) {
            return new RollupPlan(List.of(new Segment(daily, q.from(), q.to())));
        }
        List<Segment> parts = new ArrayList<>(3);
        if (q.from().isBefore(firstWhole)) {
            parts.add(new Segment(daily, q.from(), firstWhole.minusDays(1)));
        }
        parts.add(new Segment(monthly, firstWhole, lastWhole.withDayOfMonth(1)));
        if (lastWhole.isBefore(q.to())) {
            parts.add(new Segment(daily, lastWhole.plusDays(1), q.to()));
        }
        return new RollupPlan(parts);
    }

    /** A plan answering the whole period from one table (the full daily one answers anything). */
    public static RollupPlan only(Rollup rollup, StatsQuery q) {
        return new RollupPlan(List.of(new Segment(rollup, q.from(), q.to())));
    }
}
