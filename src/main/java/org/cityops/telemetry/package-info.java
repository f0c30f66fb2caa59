/**
 * Vehicle telemetry: the JT/T 808 gateway (Netty), HTTP position ingest and the durable track store. Other
 * modules plug in by implementing {@link org.cityops.telemetry.PositionObserver} (every durable batch of positions)
 * and {@link org.cityops.telemetry.TerminalDirectory} (who may register); telemetry never calls them by name.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "telemetry",
        allowedDependencies = {"platform", "audit"})
package org.cityops.telemetry;
