package org.cityops.sanitation.collection;

import java.time.Instant;

/** One stop of a route's day, for the page and the export. */
public record RouteDayRow(
        int seq,
        long pointId,
        String pointCode,
        String pointName,
        String window,
        StopStatus status,
        String statusLabel,
        Instant arrivedAt,
        Instant leftAt,
        boolean outOfOrder) {}
