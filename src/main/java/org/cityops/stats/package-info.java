/**
 * 案件统计 and the command centre (指挥中心大屏): daily roll-ups of the case steps fed by the cases module's events
 * (never by reading its tables), the statistics API and page. Rates (结案率, 按期结案率) are computed by the
 * assessment module's public {@link org.cityops.assessment.AreaRates}, so the statistics and the 考核 report use
 * the same formulas. See docs/stats.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "stats",
        allowedDependencies = {"platform", "audit", "org", "geo", "cases", "catalog", "assessment", "rectification"})
package org.cityops.stats;
