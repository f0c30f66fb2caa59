package org.cityops.cases;

import java.time.Instant;

/** 立案. */
public record CaseFiled(long caseId, String caseNumber, String categoryCode, String districtCode, Instant at) {}
