package org.cityops.cases.internal;

import java.time.Instant;
import java.util.Set;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;

/** List filters; every field optional. {@code from}/{@code to} bound the intake time. */
public record CaseFilter(
        Set<CaseStatus> statuses,
        String categoryCode,
        String districtCode,
        Long departmentId,
        Boolean overdue,
        CaseChannel channel,
        Instant from,
        Instant to,
        String number) {

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null, null, null, null);
    }
}
