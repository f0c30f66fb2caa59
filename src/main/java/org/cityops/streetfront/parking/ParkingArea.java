package org.cityops.streetfront.parking;

import java.time.Instant;

/**
 * 停放区: a painted parking line (LineString, WGS-84 lon/lat WKT), its length in metres, the bay's depth, its
 * capacity in bicycles and its current count (occupancy, null without a report in the last two hours).
 */
public record ParkingArea(
        long id,
        String code,
        String name,
        String lineWkt,
        double lengthM,
        double depthM,
        int capacity,
        String gridCode,
        String streetCode,
        String districtCode,
        Integer occupancy,
        Instant occupancyAt,
        boolean overflowing,
        boolean synthetic) {}
