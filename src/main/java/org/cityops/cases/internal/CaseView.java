package org.cityops.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.Satisfaction;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.Urgency;

/**
 * A case as staff see it: state, place, department, deadline, overdue flag, history and what they may do;
 * {@code inspector} the inspector its 核实 / 核查 task was (last) sent to, {@code resumeExpected} the expected date
 * of a 挂账 request or suspension, {@code alerts} the SLA clock's warnings and expiries (预警 / 超期).
 */
public record CaseView(
        long id,
        String caseNumber,
        CaseStatus status,
        String statusLabel,
        CaseChannel channel,
        String categoryCode,
        String categoryName,
        Urgency urgency,
        String description,
        double lat,
        double lon,
        String address,
        String gridCode,
        String communityCode,
        String streetCode,
        String streetName,
        String districtCode,
        String districtName,
        Long departmentId,
        String departmentCode,
        String departmentName,
        ProcessStage stage,
        Instant deadline,
        Instant warnAt,
        boolean overdue,
        boolean warned,
        boolean supervised,
        String supervisionNote,
        int reworkCount,
        int returnCount,
        int extensionCount,
        Integer requestedExtensionHours,
        int lateSteps,
        Satisfaction satisfaction,
        Long mergedInto,
        String reporterName,
        String reporterPhone,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        long version,
        Set<CaseAction> availableActions,
        List<Step> history,
        List<Long> photoIds,
        String inspector,
        java.time.LocalDate resumeExpected,
        List<Alert> alerts) {

    /** One row of the history (环节记录). */
    public record Step(
            String action,
            String actionLabel,
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
            String inspector) {}

    /** An alert of the SLA clock: WARNING (80%) or OVERDUE, for the stage and department it concerned. */
    public record Alert(String kind, ProcessStage stage, String departmentCode, Instant dueAt, Instant raisedAt) {}
}
