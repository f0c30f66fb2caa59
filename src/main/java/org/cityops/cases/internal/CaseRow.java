package org.cityops.cases.internal;

import java.time.Instant;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.catalog.Urgency;

/**
 * One line of a case list or queue; {@code inspector} is the inspector its 核实 / 核查 task was (last) sent to.
 */
public record CaseRow(
        long id,
        String caseNumber,
        CaseStatus status,
        String statusLabel,
        CaseChannel channel,
        String categoryCode,
        String categoryName,
        Urgency urgency,
        String districtCode,
        String districtName,
        String streetName,
        Long departmentId,
        String departmentName,
        Instant deadline,
        boolean overdue,
        boolean warned,
        boolean supervised,
        double lat,
        double lon,
        String address,
        Instant createdAt,
        String inspector) {

    /** A 核实 or 核查 task waiting for this inspector (我的任务). */
    public boolean taskOf(String username) {
        return username != null
                && username.equals(inspector)
                && (status == CaseStatus.PENDING_VERIFY || status == CaseStatus.HANDLED);
    }
}
