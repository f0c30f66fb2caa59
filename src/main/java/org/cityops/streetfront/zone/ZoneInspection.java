package org.cityops.streetfront.zone;

import java.time.Instant;
import java.util.Map;

/** One inspection of a zone: the result per item, 履约, and the case the repeat rule asked for (if any). */
public record ZoneInspection(
        long id,
        long zoneId,
        String inspector,
        Instant inspectedAt,
        Map<ZoneItem, ItemResult> items,
        boolean compliant,
        String note,
        boolean caseRequested,
        Long caseId,
        String caseNumber,
        String caseFailure) {}
