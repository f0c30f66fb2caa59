/**
 * 巡察整改台账 (rectification ledger): inspections, their problems and measures, progress and evidence,
 * sign-off (销号), warnings and the rectification report. The API other modules use is {@link
 * org.cityops.rectification.IndicatorSource} (contribute a live indicator) and the status enums.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "rectification",
        allowedDependencies = {"platform", "audit", "org"})
package org.cityops.rectification;
