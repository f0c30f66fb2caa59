package org.cityops.assessment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.cityops.org.ScopeFilter;

/**
 * Read-only: the assessment deductions (扣分) carried by the cases of a set of categories, per district (the case's,
 * from assessment's own record of the case) and month (the first month of the deduction's assessment period).
 * Voided deductions are not counted; a deduction shared between the department and the territory counts once per
 * case and its points in full (both halves).
 */
public interface CaseDeductionCounts {

    /**
     * @param categoryCodes qualified category codes or code prefixes
     * @param year          the calendar year the periods start in
     * @param scope         what the caller may see (by the case's grid)
     * @return one row per district and month with a deduction, ordered by month then district
     */
    List<DistrictMonth> byDistrictAndMonth(Collection<String> categoryCodes, int year, ScopeFilter scope);

    /**
     * @param cases  distinct cases with at least one deduction
     * @param points the points deducted (sum, all subjects)
     */
    record DistrictMonth(String districtCode, YearMonth month, long cases, BigDecimal points) {}
}
