package org.cityops.catalog;

import java.util.List;
import java.util.Optional;

/** The case catalogue (部件/事件 categories), their time limits and routing rules. */
public interface Catalog {

    /**
     * Finds a category from what a caller sends: its {@code qualifiedCode}, or a plain code when that code is
     * unique among active categories. Empty when unknown or ambiguous.
     */
    Optional<CategoryView> resolve(String categoryCode);

    Optional<CategoryView> category(long id);

    List<CategoryView> activeCategories();

    /** The time limit of one stage for a category and urgency (falls back to the catalogue's defaults). */
    TimeLimit limit(long categoryId, ProcessStage stage, Urgency urgency);

    /**
     * The department (code) responsible for a category at a place, by the routing rules: the most specific
     * rule wins (community/street over district over city-wide). {@code areaCode} is a grid, community,
     * street or district code. Empty when no rule matches.
     */
    Optional<String> responsibleDepartment(long categoryId, String areaCode);

    /** As {@link #responsibleDepartment}, with the rule that matched (the dispatch preview shows why). */
    Optional<RouteChoice> route(long categoryId, String areaCode);
}
