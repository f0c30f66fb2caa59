package org.cityops.sanitation.report;

import java.time.Instant;

/** One pass for a segment's day page. */
public record PassView(
        String plate,
        String terminal,
        Instant start,
        Instant end,
        double coveredM,
        double coverage,
        String intervals) {}
