package org.cityops.telemetry.pipeline;

import java.time.Duration;
import java.time.Instant;
import org.cityops.telemetry.Position;

/** What a position must satisfy to be stored (the same for JT/T 808 and HTTP ingest). */
public final class PositionRules {

    /** a terminal clock may run ahead a little; a day ahead is wrong */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private PositionRules() {}

    /** @return null when acceptable, else what is wrong (the field name) */
    public static String problem(Position p, Instant now, Duration maxAge) {
        if (p.terminal() == null
                || p.terminal().isEmpty()
                || p.terminal().length() > 20
                || !p.terminal().chars().allMatch(Character::isDigit)
                || p.terminal().startsWith("0")) {
            return "terminal";
        }
        if (p.time() == null
                || p.time().isAfter(now.plus(MAX_AHEAD))
                || p.time().isBefore(now.minus(maxAge))) {
            return "time";
        }
        if (!(p.lat() >= -90 && p.lat() <= 90)) {
            return "lat";
        }
        if (!(p.lon() >= -180 && p.lon() <= 180)) {
            return "lon";
        }
        if (!(p.speedKmh() >= 0 && p.speedKmh() <= 6553.5)) {
            return "speedKmh";
        }
        if (p.direction() < 0 || p.direction() > 360) {
            return "direction";
        }
        if (p.alarmBits() < 0 || p.alarmBits() > 0xFFFFFFFFL || p.statusBits() < 0 || p.statusBits() > 0xFFFFFFFFL) {
            return "bits";
        }
        if (p.mileageKm() != null && !(p.mileageKm() >= 0 && p.mileageKm() < 1e9)) {
            return "mileageKm";
        }
        return null;
    }
}
