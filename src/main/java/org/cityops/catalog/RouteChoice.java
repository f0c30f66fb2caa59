package org.cityops.catalog;

/**
 * What 按派遣规则 chooses for a category at a place, and why: the routing rule (派遣规则) that matched.
 *
 * @param departmentCode the responsible department (责任单位) the rule names
 * @param ruleId         the rule that matched
 * @param selector       the rule's category selector: {@code *}, a major category ({@code E06*}) or one category
 * @param areaPrefix     the rule's area: "" for the whole city, else a district, street or community code
 * @param note           the rule's own note, may be null
 */
public record RouteChoice(long ruleId, String selector, String areaPrefix, String departmentCode, String note) {

    /** True when the rule holds for every category (the catch-all of its area). */
    public boolean anyCategory() {
        return "*".equals(selector);
    }

    /** True when the rule holds for the whole city. */
    public boolean wholeCity() {
        return areaPrefix == null || areaPrefix.isEmpty();
    }
}
