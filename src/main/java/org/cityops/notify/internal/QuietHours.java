package org.cityops.notify.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * 免打扰时段 of one staff member in city time, e.g. 22:00–07:00 (across midnight) or 12:00–14:00. Start equal to
 * end: none. A non-urgent notice queued inside is held until the end; an urgent one goes at once.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public boolean none() {
        return start.equals(end);
    }

    /** When a notice queued at {@code now} may go: empty = now; else the end of the quiet hours it falls in. */
    public Optional<Instant> holdUntil(Instant now, ZoneId zone) {
        if (none()) {
            return Optional.empty();
        }
        ZonedDateTime t = now.atZone(zone);
        LocalTime time = t.toLocalTime();
        boolean acrossMidnight = start.isAfter(end);
        boolean inside = acrossMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime endToday = t.with(end).withSecond(0).withNano(0);
        return Optional.of((endToday.isAfter(t) ? endToday : endToday.plusDays(1)).toInstant());
    }

    /** Whether a notice of this urgency queued at {@code now} waits, and until when. */
    public Optional<Instant> holdUntil(Instant now, ZoneId zone, boolean urgent) {
        return urgent ? Optional.empty() : holdUntil(now, zone);
    }
}
