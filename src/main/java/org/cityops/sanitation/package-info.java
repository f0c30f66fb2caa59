/**
 * 环卫作业监管 (sanitation operations): the road-segment ledger (道路清扫保洁台账), sanitation vehicles and work
 * plans, the live coverage engine fed by telemetry's {@link org.cityops.telemetry.PositionObserver} (which road was
 * swept, how much of it, how many times, at working speed), coverage rates and reports, and missed segments turned
 * into cases through {@code CaseRequested}. Nothing here is API for other modules except {@link LedgerChanged},
 * which only this module uses.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "sanitation",
        allowedDependencies = {"platform", "audit", "org", "geo", "telemetry", "cases", "stats", "assessment", "catalog"
        })
package org.cityops.sanitation;
