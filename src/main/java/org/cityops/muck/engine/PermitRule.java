package org.cityops.muck.engine;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * A permit (处置核准) as the engine applies it.
 *
 * @param corridor the approved route buffered by its corridor width, in metres (null: no route approved)
 */
public record PermitRule(
        long id,
        String permitNo,
        Set<Long> vehicleIds,
        long siteId,
        long disposalSiteId,
        LocalDate validFrom,
        LocalDate validTo,
        DailyWindow window,
        Geometry corridor) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** Valid on the day and inside the daily window: the vehicle is expected to run (and report). */
    public boolean activeAt(ZonedDateTime cityTime) {
        return validOn(cityTime.toLocalDate()) && window.contains(cityTime.toLocalTime());
    }
}
