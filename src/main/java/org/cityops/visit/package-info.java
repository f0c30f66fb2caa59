/**
 * 回访 by link: when a citizen-reported case is closed, its reporter gets an SMS with a one-time link (7 days) to
 * a public page where they rate the handling 满意 / 基本满意 / 不满意; the answer is the case's VISIT step (through
 * {@link org.cityops.cases.CitizenVisits}) and counts in the assessment's 公众评价. See docs/visit.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "visit",
        allowedDependencies = {"platform", "audit", "org", "cases", "notify"})
package org.cityops.visit;
