/**
 * 建筑垃圾运输处置监管 (construction-waste transport and disposal supervision): the registry of companies,
 * vehicles, drivers, construction sites, disposal sites, permits and zones; the server-side alarm engine fed by
 * telemetry's {@link org.cityops.telemetry.PositionObserver}; alarms turned into cases; the supervision console.
 * Nothing here is API for other modules: muck only implements telemetry's interfaces and exchanges case events.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "muck",
        allowedDependencies = {"platform", "audit", "org", "geo", "telemetry", "cases", "stats"})
package org.cityops.muck;
