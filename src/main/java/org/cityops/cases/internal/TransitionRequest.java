package org.cityops.cases.internal;

import java.time.LocalDate;
import org.cityops.cases.CaseAction;
import org.cityops.cases.Satisfaction;

/**
 * What a caller asks for, with the parameters some actions need.
 *
 * @param note            reason / note (required for REJECT, RETURN, REPORT_HANDLED, CHECK_FAIL, ...)
 * @param departmentId    DISPATCH: the department (null: the catalogue's routing rule decides)
 * @param extensionHours  REQUEST_EXTENSION: how many hours (working or natural, as the stage's limit)
 * @param satisfaction    VISIT
 * @param reopen          VISIT with 不满意: send the case back to the department
 * @param mergeInto       MERGE: the id of the existing case
 * @param inspector       ASSIGN_INSPECTOR: the inspector's account name
 * @param expectedDate    REQUEST_SUSPEND: the date (city calendar) the department expects to resume (预计恢复日期)
 */
public record TransitionRequest(
        CaseAction action,
        String note,
        Long departmentId,
        Integer extensionHours,
        Satisfaction satisfaction,
        Boolean reopen,
        Long mergeInto,
        String inspector,
        LocalDate expectedDate) {

    public TransitionRequest(
            CaseAction action,
            String note,
            Long departmentId,
            Integer extensionHours,
            Satisfaction satisfaction,
            Boolean reopen,
            Long mergeInto) {
        this(action, note, departmentId, extensionHours, satisfaction, reopen, mergeInto, null, null);
    }

    public static TransitionRequest of(CaseAction action, String note) {
        return new TransitionRequest(action, note, null, null, null, null, null);
    }

    /** ASSIGN_INSPECTOR to an account. */
    public static TransitionRequest assign(String inspector, String note) {
        return new TransitionRequest(CaseAction.ASSIGN_INSPECTOR, note, null, null, null, null, null, inspector, null);
    }

    /** REQUEST_SUSPEND with a reason and the expected date. */
    public static TransitionRequest requestSuspend(String reason, LocalDate expectedDate) {
        return new TransitionRequest(
                CaseAction.REQUEST_SUSPEND, reason, null, null, null, null, null, null, expectedDate);
    }
}
