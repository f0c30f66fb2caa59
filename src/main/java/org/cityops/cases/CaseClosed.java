package org.cityops.cases;

import java.time.Instant;

/** 结案. {@code onTime}: every handling step met its (possibly extended) deadline. */
public record CaseClosed(
        long caseId,
        String caseNumber,
        String departmentCode,
        String districtCode,
        int reworkCount,
        boolean onTime,
        Instant at) {}
