/**
 * 建筑垃圾运输处置监管 (construction-waste transport and disposal supervision): the registry of companies,
 * vehicles, drivers, construction sites, disposal sites, permits and zones; the server-side alarm engine fed by
 * telemetry's {@link org.cityops.telemetry.PositionObserver}; alarms turned into cases; the supervision console.
 * Its API for other modules is one event, {@link org.cityops.muck.MuckAlarmRaised} (an alarm was stored); otherwise
 * muck only implements telemetry's interfaces and exchanges case events.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "muck",
        allowedDependencies = {"platform", "audit", "org", "geo", "telemetry", "cases", "stats"})
package org.cityops.muck;
