package org.cityops.rectification.internal;

import java.time.LocalDate;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.rectification.MeasureStatus;

/**
 * A measure's own states (未启动 → 推进中 → 已完成) as plain rules: posting progress starts a measure that has not
 * started; any status may be set by the department or the office, except that a measure of a signed-off problem
 * may only stay 已完成 (reopen the problem first); 已完成 records the day it was completed (kept when it was
 * completed before), any other status clears it. The problem's status follows from its measures
 * ({@link ProblemStatusRule}).
 */
public final class MeasureStatusRule {

    private MeasureStatusRule() {}

    /** The status after progress is posted: 未启动 becomes 推进中, the others stay. */
    public static MeasureStatus afterProgress(MeasureStatus status) {
        return status == MeasureStatus.NOT_STARTED ? MeasureStatus.IN_PROGRESS : status;
    }

    /** Refuses a status change the ledger does not allow. */
    public static MeasureStatus requireChangeable(boolean problemSignedOff, MeasureStatus to) {
        if (to == null) {
            throw new InvalidInputException("缺少状态 status is required", "status");
        }
        if (problemSignedOff && to != MeasureStatus.COMPLETED) {
            throw new ConflictException("问题已销号,请先重新打开 the problem is signed off; reopen it first");
        }
        return to;
    }

    /** The completion day to store with status {@code to}. */
    public static LocalDate completedOn(MeasureStatus to, LocalDate completedBefore, LocalDate today) {
        if (to != MeasureStatus.COMPLETED) {
            return null;
        }
        return completedBefore != null ? completedBefore : today;
    }
}
