package org.cityops.stats.internal;

import static org.cityops.stats.internal.Dimension.CATEGORY;
import static org.cityops.stats.internal.Dimension.CHANNEL;
import static org.cityops.stats.internal.Dimension.DEPARTMENT;
import static org.cityops.stats.internal.Dimension.DISTRICT;
import static org.cityops.stats.internal.Dimension.GRID;
import static org.cityops.stats.internal.Dimension.STREET;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The roll-up tables: each the sum of the same facts ({@code stats_case_fact}) over fewer keys, by day or by month
 * (a monthly row's {@code stat_day} is the month's first day). Declared in rebuild order: each is rebuilt from its
 * {@link #source()}, which comes before it. {@link #ALL_DAY} keeps every key and answers any question.
 */
public enum Rollup {
    /** every key by day: the fallback (about two rows per case) */
    ALL_DAY("stats_case_day", Grain.DAY, EnumSet.of(DISTRICT, STREET, GRID, CATEGORY, CHANNEL, DEPARTMENT)),
    /** 区/街道 × 类别 × 来源, by day */
    AREA_DAY("stats_area_day", Grain.DAY, EnumSet.of(DISTRICT, STREET, CATEGORY, CHANNEL)),
    /** 部门 × 区/街道 × 类别, by day */
    DEPARTMENT_DAY("stats_department_day", Grain.DAY, EnumSet.of(DEPARTMENT, DISTRICT, STREET, CATEGORY)),
    /** 区/街道 × 类别 × 来源, by month */
    AREA_MONTH("stats_area_month", Grain.MONTH, EnumSet.of(DISTRICT, STREET, CATEGORY, CHANNEL)),
    /** 部门 × 区/街道 × 类别, by month */
    DEPARTMENT_MONTH("stats_department_month", Grain.MONTH, EnumSet.of(DEPARTMENT, DISTRICT, STREET, CATEGORY)),
    /** 单元网格 (with its street and district), by month */
    GRID_MONTH("stats_grid_month", Grain.MONTH, EnumSet.of(DISTRICT, STREET, GRID));

    /** Day rows or month rows. */
    public enum Grain {
        DAY,
        MONTH
    }

    /** The order a question tries them in: the smallest tables first, the full daily table last. */
    static final List<Rollup> BY_SIZE =
            List.of(AREA_MONTH, DEPARTMENT_MONTH, GRID_MONTH, AREA_DAY, DEPARTMENT_DAY, ALL_DAY);

    private final String table;
    private final Grain grain;
    private final Set<Dimension> keys;

    Rollup(String table, Grain grain, Set<Dimension> keys) {
        this.table = table;
        this.grain = grain;
        this.keys = keys;
    }

    /** The table's name (a fixed string, never user input). */
    public String table() {
        return table;
    }

    public Grain grain() {
        return grain;
    }

    /** The code columns it keeps, besides {@code stat_day}. */
    public List<Dimension> keys() {
        return keys.stream().toList();
    }

    /** Whether its rows hold every one of these (non-time) keys. */
    public boolean holds(Collection<Dimension> wanted) {
        return wanted.stream().allMatch(d -> d == Dimension.DAY || d == Dimension.MONTH || keys.contains(d));
    }

    /** What it is rebuilt from: null = the facts themselves; else a roll-up earlier in the declaration order. */
    public Rollup source() {
        return switch (this) {
            case ALL_DAY -> null;
            case AREA_DAY, DEPARTMENT_DAY, GRID_MONTH -> ALL_DAY;
            case AREA_MONTH -> AREA_DAY;
            case DEPARTMENT_MONTH -> DEPARTMENT_DAY;
        };
    }

    /** The smallest roll-up of this grain that holds these keys, or null (no monthly table holds them). */
    static Rollup smallest(Grain grain, Collection<Dimension> wanted) {
        for (Rollup r : BY_SIZE) {
            if (r.grain == grain && r.holds(wanted)) {
                return r;
            }
        }
        return null;
    }
}
