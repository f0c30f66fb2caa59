package org.cityops.catalog.internal;

/**
 * 派遣规则: categories matching {@code selector} in an area whose code starts with {@code areaPrefix} go to the
 * department {@code departmentCode}.
 *
 * @param selector   {@code *}, a major selector ({@code E06*}, {@code 30428:E:01*}) or a qualified code
 * @param areaPrefix "" (whole city), a district (6 digits), street (9) or community (12) code
 */
public record RoutingRule(
        long id, String selector, String areaPrefix, String departmentCode, String note, int version) {

    /** 2 for one category, 1 for a major category, 0 for every category. */
    public int selectorRank() {
        if (selector.equals("*")) {
            return 0;
        }
        return selector.endsWith("*") ? 1 : 2;
    }

    public boolean matches(Category category, String areaCode) {
        boolean area = areaPrefix.isEmpty() || (areaCode != null && areaCode.startsWith(areaPrefix));
        if (!area) {
            return false;
        }
        return selector.equals("*")
                || selector.equals(category.qualifiedCode())
                || selector.equals(category.majorSelector());
    }

    /** Higher is more specific: the category dimension first, then the length of the area prefix. */
    public int specificity() {
        return selectorRank() * 100 + areaPrefix.length();
    }

    public String summary() {
        return selector + " @" + (areaPrefix.isEmpty() ? "*" : areaPrefix) + " -> " + departmentCode;
    }
}
