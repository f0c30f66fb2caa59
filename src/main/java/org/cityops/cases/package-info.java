/**
 * 案件办理 (12319 / 数字城管 case handling): intake from every channel, 核实 → 立案 → 派遣 → 处置 → 核查 → 结案 →
 * 回访 with the SLA clock, Open311 GeoReport v2. API: the case events ({@link org.cityops.cases.CaseReported},
 * {@link org.cityops.cases.CaseStepCompleted}, {@link org.cityops.cases.CaseOpened} …) and
 * {@link org.cityops.cases.CaseRequested}, by which another module asks for a case; the referral events
 * {@link org.cityops.cases.CaseReferred} / {@link org.cityops.cases.CaseReferralConcluded}, by which another module
 * (enforcement) takes a case over and reports the result; {@link org.cityops.cases.CategoryCaseCounts}, read-only
 * counts for a category set. Depends on rectification only to contribute a live indicator
 * ({@code rectification.IndicatorSource}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "cases",
        allowedDependencies = {"platform", "audit", "org", "geo", "catalog", "rectification"})
package org.cityops.cases;
