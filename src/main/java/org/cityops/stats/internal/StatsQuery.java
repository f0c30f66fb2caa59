package org.cityops.stats.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One statistics question, already validated and scoped: grouped by up to two dimensions, days {@code from}..
 * {@code to} inclusive (city calendar), inside {@code area} (a district/street/community/grid code prefix, "" =
 * the city), of categories starting with {@code category} ("" = all), of {@code department} (null = all).
 */
public record StatsQuery(
        List<Dimension> groupBy, LocalDate from, LocalDate to, String area, String category, String department) {

    public StatsQuery {
        groupBy = List.copyOf(groupBy);
        area = area == null ? "" : area;
        category = category == null ? "" : category;
    }
}
