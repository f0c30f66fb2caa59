package org.cityops.streetfront.signs;

import java.time.Instant;

/**
 * One recorded inspection. {@code repeatSameDay}: the same inspector had already inspected this facility that day
 * (a duplicate QR scan) — recorded, and flagged as a warning.
 */
public record Inspection(
        long id,
        long facilityId,
        String inspector,
        Instant inspectedAt,
        InspectionResult result,
        String resultLabel,
        String finding,
        boolean repeatSameDay,
        Long caseId,
        String caseNumber,
        String caseFailure) {}
