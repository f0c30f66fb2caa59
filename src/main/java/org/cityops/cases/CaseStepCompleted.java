package org.cityops.cases;

import java.time.Instant;

import org.cityops.catalog.ProcessStage;

/**
 * One step of a case was taken: who, in which role, from/to which status, its due time (null when the step
 * has no time limit), when it happened and whether that was on time. The assessment module counts these.
 */
public record CaseStepCompleted(long caseId, String caseNumber, CaseAction action, ProcessStage stage,
        CaseStatus from, CaseStatus to, String actor, String role, String departmentCode, String districtCode,
        String gridCode, Instant dueAt, Instant actedAt, boolean onTime) {
}
