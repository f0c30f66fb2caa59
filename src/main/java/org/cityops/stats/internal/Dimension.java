package org.cityops.stats.internal;

import java.util.Locale;
import java.util.Optional;

/** What the statistics can be grouped by ({@code groupBy}); each maps to a roll-up column or expression. */
public enum Dimension {
    /** 区 */
    DISTRICT("区", "district_code"),
    /** 街道 */
    STREET("街道", "street_code"),
    /** 单元网格 */
    GRID("网格", "grid_code"),
    /** 案件类别 (小类) */
    CATEGORY("类别", "category_code"),
    /** 案件来源 */
    CHANNEL("来源", "channel"),
    /** 处置部门 */
    DEPARTMENT("部门", "department_code"),
    /** 日 */
    DAY("日期", "stat_day"),
    /** 月 (yyyymm) */
    MONTH("月份", "CAST(EXTRACT(YEAR FROM stat_day) * 100 + EXTRACT(MONTH FROM stat_day) AS INT)");

    private final String label;
    private final String sql;

    Dimension(String label, String sql) {
        this.label = label;
        this.sql = sql;
    }

    public String label() {
        return label;
    }

    /** The SQL column or expression over a roll-up table (a fixed string, never user input). */
    public String sql() {
        return sql;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> parse(String s) {
        for (Dimension d : values()) {
            if (d.param().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
