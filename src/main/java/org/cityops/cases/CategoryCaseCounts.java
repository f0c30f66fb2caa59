package org.cityops.cases;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.cityops.org.ScopeFilter;

/**
 * Read-only counts of the cases of a set of categories, per district and month (e.g. the 12319 违建 cases behind
 * the enforcement module's 违法建设治理 roll-up). Cases voided (作废) or merged into another are not counted.
 * Each figure belongs to the month (city calendar) of its step: a case dispatched in March and closed in April
 * counts as dispatched in March and closed in April.
 */
public interface CategoryCaseCounts {

    /**
     * @param categoryCodes qualified category codes or code prefixes (e.g. {@code E06001}, {@code 30428:E:0101})
     * @param year          the calendar year
     * @param scope         what the caller may see (by the case's grid), e.g. {@code ScopeRule.filter(me, AREA)}
     * @return one row per district and month with at least one figure, ordered by month then district
     */
    List<DistrictMonth> byDistrictAndMonth(Collection<String> categoryCodes, int year, ScopeFilter scope);

    /**
     * @param dispatched     cases whose first 派遣 (in the year) fell in the month
     * @param closed         cases 结案 in the month
     * @param supervised     cases put under 督办 in the month (counted once per month)
     * @param supervisedOpen of those, the ones still open today (在办督办)
     */
    record DistrictMonth(
            String districtCode, YearMonth month, long dispatched, long closed, long supervised, long supervisedOpen) {}
}
