package org.cityops.assessment;

/**
 * What a case step did. The meaning of {@link CaseStepFact#assignee()} depends on the action (see each constant).
 * The full contract is in docs/assessment.md.
 */
public enum StepAction {
    /** 上报: a problem was reported (actor = the inspector for channel INSPECTOR, else the citizen/system). */
    REPORTED,
    /** 受理: an operator accepted a report or registered a hotline call (actor = the operator). */
    ACCEPTED,
    /** 派发核实: an operator sent a verification task (assignee = the inspector). onTime = sent within the step limit. */
    VERIFY_ASSIGNED,
    /** 核实: an inspector verified on site (actor = the inspector). onTime = within the step limit. */
    VERIFIED,
    /** 立案: a shift leader filed the case (actor = shift leader; assignee = the inspector responsible for the grid, if known). */
    FILED,
    /** 作废: the case was voided (assignee = the shift leader who had filed it, null if it never was filed). */
    VOIDED,
    /** 合并: the case was merged into another as a duplicate (assignee = the shift leader who had filed it). */
    MERGED,
    /** 派遣: dispatched to departmentCode (actor = dispatcher; dueAt = 处置期限; onTime = dispatched within the step limit). */
    DISPATCHED,
    /** 回退: departmentCode sent the case back (assignee = the dispatcher whose dispatch is returned). */
    RETURNED,
    /** 延期: an extension for departmentCode was approved (dueAt = the new 处置期限). */
    EXTENDED,
    /** 挂账/缓办: the case was put on hold (the SLA clock stops). */
    SUSPENDED,
    /** 挂账恢复: the hold ended. */
    RESUMED,
    /** 处置完成: departmentCode reported the case handled (byDeadline = within the 处置期限 after extensions). */
    HANDLED,
    /** 超期: the 处置期限 of departmentCode passed without HANDLED (emitted once per deadline by the SLA clock). */
    OVERDUE,
    /** 派发核查: an operator sent a check task (assignee = the inspector). */
    CHECK_ASSIGNED,
    /** 核查: an inspector checked the result on site (each round counts). */
    CHECKED,
    /** 返工: the check failed and the case went back to departmentCode (assignee = the dispatcher of that dispatch). */
    REWORK,
    /** 结案: the case was closed (actor = shift leader; departmentCode = the handling department; byDeadline = handled by 处置期限). */
    CLOSED,
    /** 回访: return visit with satisfaction 0..100 (满意 100, 基本满意 60, 不满意 0). */
    RETURN_VISIT,
    /** 督办: the case was put under supervision. */
    SUPERVISED
}
