package org.cityops.cases.internal;

import java.time.Instant;
import java.util.List;

/** What anyone may see of a case, by its number: no names, phones or staff. */
public record PublicCaseView(
        String caseNumber,
        String status,
        String statusLabel,
        String categoryName,
        String districtName,
        String streetName,
        String address,
        Instant reportedAt,
        Instant closedAt,
        List<PublicStep> progress) {

    public record PublicStep(String step, Instant at) {}
}
