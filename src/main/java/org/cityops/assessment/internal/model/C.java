package org.cityops.assessment.internal.model;

/** Counter names (the raw counts; indicators are computed from these). */
public final class C {

    private C() {}

    // areas
    public static final String FILED = "filed"; // 立案 in the period
    public static final String FILED_NET = "filedNet"; // 立案 less 挂账 at period end, less 合并
    public static final String SUSPENDED_AT_END = "suspendedAtEnd"; // 挂账 at period end (of those filed)
    public static final String PUBLIC_FILED = "publicFiled"; // 监督举报核实数
    public static final String CLOSED = "closed"; // 结案
    public static final String CLOSED_BY_DEADLINE = "closedByDeadline"; // 按期结案
    public static final String OVERDUE_OPEN = "overdueOpen"; // deadline passed, not closed after
    public static final String SHOULD_CLOSE = "shouldClose"; // 应结案
    public static final String SATISFACTION_SUM = "satisfactionSum";
    public static final String SATISFACTION_N = "satisfactionN";
    // departments
    public static final String ASSIGNED = "assigned"; // 立案数 (dispatches to the department)
    public static final String HANDLED = "handled"; // 处置数
    public static final String HANDLED_BY_DEADLINE = "handledByDeadline"; // 按期处置数
    public static final String HANDLED_LATE = "handledLate"; // 超期处置数
    public static final String OVERDUE_UNHANDLED = "overdueUnhandled"; // 超期未处置数
    public static final String SHOULD_HANDLE = "shouldHandle"; // 应处置数
    public static final String REWORK = "rework"; // 返工数 (rounds)
    public static final String EXTENDED = "extended"; // 延期数
    public static final String RETURNED = "returned"; // 回退数
    public static final String OVERDUE_LEADER_MEDIA = "overdueLeaderMedia";
    // inspectors
    public static final String REPORTS = "reports";
    public static final String VALID_REPORTS = "validReports";
    public static final String VERIFICATIONS = "verifications";
    public static final String VERIFICATIONS_ON_TIME = "verificationsOnTime";
    public static final String CHECKS = "checks";
    public static final String CHECKS_ON_TIME = "checksOnTime";
    public static final String GRID_FILED = "gridFiled";
    public static final String MISSED = "missed";
    // operators
    public static final String ACCEPTED = "accepted";
    public static final String VERIFY_ASSIGNED = "verifyAssigned";
    public static final String VERIFY_ASSIGNED_ON_TIME = "verifyAssignedOnTime";
    public static final String CHECK_ASSIGNED = "checkAssigned";
    public static final String CHECK_ASSIGNED_ON_TIME = "checkAssignedOnTime";
    // shift leaders
    public static final String FILED_BY = "filedBy";
    public static final String FILED_ON_TIME = "filedOnTime";
    public static final String VOIDED_AFTER_FILING = "voidedAfterFiling";
    public static final String CLOSED_BY = "closedBy";
    public static final String CLOSED_ON_TIME = "closedOnTime";
    // dispatchers
    public static final String DISPATCHED = "dispatched";
    public static final String DISPATCHED_ON_TIME = "dispatchedOnTime";
    public static final String DISPATCH_RETURNED = "dispatchReturned";
    public static final String DISPATCH_REWORKED = "dispatchReworked";
}
