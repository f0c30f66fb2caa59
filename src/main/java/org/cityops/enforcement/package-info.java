/**
 * 城管执法办案 (administrative enforcement under the 行政处罚法, 2021): enforcement cases (行政处罚案件) transferred
 * from a 12319 case or opened directly, the procedure as a state machine whose refusals name the article that
 * refuses, statutory clocks derived from the case's events (suspensions extend them by the days actually
 * suspended), and the discretion benchmarks (自由裁量基准). No API for other modules: a transfer publishes the
 * cases module's referral events ({@link org.cityops.cases.CaseReferred}, {@link org.cityops.cases.CaseReferralConcluded};
 * the cases module links the 12319 case and records the result), and the 违建 roll-up reads cases' and assessment's
 * read-only counts ({@link org.cityops.cases.CategoryCaseCounts}, {@link org.cityops.assessment.CaseDeductionCounts});
 * see docs/enforcement.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "enforcement",
        allowedDependencies = {"platform", "audit", "org", "geo", "catalog", "cases", "assessment"})
package org.cityops.enforcement;
