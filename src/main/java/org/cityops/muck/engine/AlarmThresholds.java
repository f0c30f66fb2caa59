package org.cityops.muck.engine;

import java.time.Duration;

/**
 * The engine's configurable thresholds (defaults in {@link #defaults()}).
 *
 * @param offlineAfter       no report for this long while a permit is active → OFFLINE (10 min)
 * @param deviationAfter     outside every approved corridor for this long while loaded → ROUTE_DEVIATION (2 min)
 * @param speedingAfter      above the limit for this long → SPEEDING (15 s)
 * @param speedToleranceKmh  the limit plus this is tolerated (0)
 * @param defaultSpeedLimit  limit outside speed zones, or null for none (60 km/h)
 * @param longStopAfter      stopped loaded outside site and disposal fences this long → ILLEGAL_UNLOADING (15 min)
 * @param stopSpeedKmh       below this a vehicle counts as stopped (3 km/h)
 * @param movingSpeedKmh     at or above this a vehicle counts as moving (5 km/h)
 * @param evidenceSize       positions kept before an alarm, and again after it (10)
 * @param lidOpenStatusBit   the JT/T 808 status bit a lid sensor sets while the body is open, or null when the
 *                           terminals report no lid (the standard has no such bit; local standards define one)
 */
public record AlarmThresholds(
        Duration offlineAfter,
        Duration deviationAfter,
        Duration speedingAfter,
        double speedToleranceKmh,
        Integer defaultSpeedLimit,
        Duration longStopAfter,
        double stopSpeedKmh,
        double movingSpeedKmh,
        int evidenceSize,
        Integer lidOpenStatusBit) {

    public static AlarmThresholds defaults() {
        return new AlarmThresholds(
                Duration.ofMinutes(10),
                Duration.ofMinutes(2),
                Duration.ofSeconds(15),
                0,
                60,
                Duration.ofMinutes(15),
                3,
                5,
                10,
                null);
    }

    /** The same thresholds with a lid sensor on status bit {@code bit} (0–31; negative: none). */
    public AlarmThresholds withLidOpenStatusBit(int bit) {
        return new AlarmThresholds(
                offlineAfter,
                deviationAfter,
                speedingAfter,
                speedToleranceKmh,
                defaultSpeedLimit,
                longStopAfter,
                stopSpeedKmh,
                movingSpeedKmh,
                evidenceSize,
                bit < 0 || bit > 31 ? null : bit);
    }
}
