package org.cityops.cases;

import java.time.Instant;
import org.cityops.catalog.ProcessStage;

/**
 * One step of a case was taken: who, in which role, from/to which status, its due time (null when the step
 * has no time limit), when it happened and whether that was on time, with the case's place, category,
 * channel and flags at that moment. The assessment module builds its own record of the case from these.
 *
 * @param reporter     username of the inspector who reported the case (channel INSPECTOR), else null
 * @param satisfaction the return visit's answer (VISIT only), else null
 * @param note         the step's note or reason, may be null
 * @param assignee     username of the person the step is held against, when the cases module knows it: for
 *                     RETURN and CHECK_FAIL the dispatcher whose dispatch was returned / reworked; for FILE the
 *                     inspector responsible for the grid (漏报); for ASSIGN_INSPECTOR the inspector the 核实 / 核查
 *                     task was sent to; else null
 * @param inspector    the inspector the case's 核实 / 核查 task was last sent to (after the step), or null
 * @param handledByDeadline CLOSE only: whether the last handling report (处置反馈) before it was within the 处置期限
 *                     (extensions and suspensions included); else null
 */
public record CaseStepCompleted(
        long caseId,
        String caseNumber,
        CaseAction action,
        ProcessStage stage,
        CaseStatus from,
        CaseStatus to,
        String actor,
        String role,
        String departmentCode,
        String districtCode,
        String gridCode,
        Instant dueAt,
        Instant actedAt,
        boolean onTime,
        String categoryCode,
        CaseChannel channel,
        String communityCode,
        String streetCode,
        String reporter,
        boolean supervised,
        Satisfaction satisfaction,
        String note,
        String assignee,
        String inspector,
        Boolean handledByDeadline)
        implements CaseEvent {}
