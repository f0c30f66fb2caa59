package org.cityops.catalog;

import java.util.Map;

/**
 * How often a user has chosen each category, for the category picker's "most used first". The module that
 * records those choices implements it (cases: the categories of the cases a user took in); without a bean the
 * picker has no most-used group.
 */
public interface CategoryUsage {

    /** The user's most used categories (id → uses), at most {@code limit} of them, recent use only. */
    Map<Long, Long> mostUsed(String username, int limit);
}
