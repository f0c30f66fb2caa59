package org.cityops.sanitation.report;

/**
 * One segment on one day: what was planned and what the vehicles did. {@code coverage} is the union of all passes'
 * covered stretches ÷ length; {@code fullPasses} counts passes that covered at least {@link CoverageReport#FULL_PASS}
 * of the segment.
 */
public record SegmentDay(
        long segmentId,
        String code,
        String name,
        String districtCode,
        String section,
        String company,
        double lengthM,
        double areaM2,
        int plannedPasses,
        int passes,
        int fullPasses,
        double coverage,
        CoverageStatus status,
        String statusLabel,
        String wkt) {}
