package org.cityops.cases;

import java.time.Instant;

/** 派遣 to a department, with the handling deadline. */
public record CaseDispatched(long caseId, String caseNumber, String departmentCode, Instant dueAt, Instant at) {}
