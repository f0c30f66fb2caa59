package org.cityops.cases.internal;

import java.time.Instant;

import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.catalog.Urgency;

/** One line of a case list or queue. */
public record CaseRow(long id, String caseNumber, CaseStatus status, String statusLabel, CaseChannel channel,
        String categoryCode, String categoryName, Urgency urgency, String districtCode, String districtName,
        String streetName, Long departmentId, String departmentName, Instant deadline, boolean overdue,
        boolean warned, boolean supervised, double lat, double lon, String address, Instant createdAt) {
}
