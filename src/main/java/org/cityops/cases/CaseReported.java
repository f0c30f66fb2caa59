package org.cityops.cases;

import java.time.Instant;

/** A case was taken in (受理) from any channel. */
public record CaseReported(long caseId, String caseNumber, CaseChannel channel, String categoryCode,
        String gridCode, String districtCode, Instant reportedAt) {
}
