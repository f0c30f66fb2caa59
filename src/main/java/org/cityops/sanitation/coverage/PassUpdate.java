package org.cityops.sanitation.coverage;

import java.time.Instant;

/**
 * A pass (一遍作业) that changed: one vehicle's continuous run along one segment in one direction. Identified by
 * terminal, segment and start, so the same positions replayed give the same pass.
 *
 * @param covered union of the covered stretches
 * @param closed  true once the vehicle left the segment for good (no more updates of this pass)
 */
public record PassUpdate(
        String terminal,
        String plate,
        long segmentId,
        Instant start,
        Instant end,
        Intervals covered,
        double segmentLength,
        boolean closed) {

    public String key() {
        return terminal + "|" + segmentId + "|" + start.getEpochSecond();
    }

    public double coveredMetres() {
        return covered.length();
    }

    /** Covered length ÷ segment length, 0..1. */
    public double coverage() {
        return Math.min(1.0, covered.length() / segmentLength);
    }
}
