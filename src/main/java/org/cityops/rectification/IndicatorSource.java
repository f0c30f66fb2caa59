package org.cityops.rectification;

import java.util.Map;

/**
 * A live indicator computed by the platform that a rectification measure can link as evidence (佐证), e.g. the
 * number of illegal-construction cases received and closed in an area and period. Modules contribute
 * indicators by declaring beans of this type; the ledger shows the current value beside the measure and
 * freezes the value when the problem is signed off (销号).
 */
public interface IndicatorSource {

    /** Unique key, e.g. {@code cases.count-by-category}. */
    String key();

    /** Name shown to people, e.g. 违法建设案件办结情况. */
    String label();

    /** Parameter names this indicator reads (for the form), e.g. category, area, from, to. */
    default java.util.List<String> parameters() {
        return java.util.List.of();
    }

    /**
     * @throws IllegalArgumentException when a parameter is missing or wrong (shown as "not available")
     */
    IndicatorValue current(Map<String, String> parameters);
}
