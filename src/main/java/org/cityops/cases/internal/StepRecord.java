package org.cityops.cases.internal;

import java.time.Instant;
import org.cityops.cases.CaseStatus;
import org.cityops.catalog.ProcessStage;

/**
 * One row of a case's step record (环节记录): what was done, by whom in which role, the step's due time and
 * the actual time, and whether it was on time. {@code action} is a {@link org.cityops.cases.CaseAction} name
 * or {@code INTAKE}. {@code inspector}: the inspector an ASSIGN_INSPECTOR step sent the 核实/核查 task to; on a
 * FILE step the inspector responsible for the case's grid (whose 漏报 a public report is).
 */
record StepRecord(
        String action,
        ProcessStage stage,
        CaseStatus from,
        CaseStatus to,
        String actor,
        String actorName,
        String role,
        Long departmentId,
        Instant startedAt,
        Instant dueAt,
        Instant actedAt,
        boolean onTime,
        String note,
        String inspector) {

    StepRecord(
            String action,
            ProcessStage stage,
            CaseStatus from,
            CaseStatus to,
            String actor,
            String actorName,
            String role,
            Long departmentId,
            Instant startedAt,
            Instant dueAt,
            Instant actedAt,
            boolean onTime,
            String note) {
        this(
                action,
                stage,
                from,
                to,
                actor,
                actorName,
                role,
                departmentId,
                startedAt,
                dueAt,
                actedAt,
                onTime,
                note,
                null);
    }

    StepRecord withInspector(String username) {
        return new StepRecord(
                action,
                stage,
                from,
                to,
                actor,
                actorName,
                role,
                departmentId,
                startedAt,
                dueAt,
                actedAt,
                onTime,
                note,
                username);
    }

    /** The same step recorded under another role name (the citizen's 回访 is PUBLIC, not the operator's role). */
    StepRecord withRole(String roleName) {
        return new StepRecord(
                action,
                stage,
                from,
                to,
                actor,
                actorName,
                roleName,
                departmentId,
                startedAt,
                dueAt,
                actedAt,
                onTime,
                note,
                inspector);
    }
}
