package org.cityops.cases.internal;

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
 */
public record TransitionRequest(CaseAction action, String note, Long departmentId, Integer extensionHours,
        Satisfaction satisfaction, Boolean reopen, Long mergeInto) {

    public static TransitionRequest of(CaseAction action, String note) {
        return new TransitionRequest(action, note, null, null, null, null, null);
    }
}
