/**
 * 综合评价 (performance evaluation, GB/T 30428.4): indicators from its own projection of the case record (fed by
 * the cases module's events), multi-source scores, deductions, appeals, ranking, lock and publication (红黑榜).
 * API: {@link org.cityops.assessment.CaseFactSink} and the fact types; {@link org.cityops.assessment.CaseDeductionCounts}
 * (read-only: the deductions carried by the cases of a category set, per district and month).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "assessment",
        allowedDependencies = {"platform", "audit", "org", "catalog", "cases"})
package org.cityops.assessment;
