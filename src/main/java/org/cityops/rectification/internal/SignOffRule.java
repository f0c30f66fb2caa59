package org.cityops.rectification.internal;

import java.util.List;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.rectification.MeasureStatus;

/**
 * 对账销号 and 反弹回潮 as plain rules (docs/rectification.md): a problem is signed off only when it is not signed
 * off already, has measures, every measure is 已完成 and has at least one piece of evidence, and the leader wrote
 * an opinion; it is reopened only when it is signed off and a reason is given, and then every 已完成 measure goes
 * back to 推进中 so the departments report again. A refusal is a 409 (the ledger's state does not allow it) or a
 * 400 on the missing field.
 */
public final class SignOffRule {

    /** A measure as the rule sees it: its number within the problem, status and how much evidence it has. */
    public record MeasureState(int seq, MeasureStatus status, int evidenceCount) {}

    private SignOffRule() {}

    /** Refuses a sign-off that the ledger does not allow; returns normally when it may go ahead. */
    public static void requireSignable(boolean signedOff, List<MeasureState> measures, String opinion) {
        if (signedOff) {
            throw new ConflictException("问题已销号 the problem is already signed off");
        }
        if (measures.isEmpty()) {
            throw new ConflictException("问题没有整改措施 the problem has no measures");
        }
        for (MeasureState m : measures) {
            if (m.status() != MeasureStatus.COMPLETED) {
                throw new ConflictException("措施 " + m.seq() + " 尚未完成 measure " + m.seq() + " is not complete");
            }
            if (m.evidenceCount() == 0) {
                throw new ConflictException("措施 " + m.seq() + " 没有佐证材料 measure " + m.seq() + " has no evidence");
            }
        }
        if (opinion == null || opinion.isBlank()) {
            throw new InvalidInputException("请填写审核意见 an opinion is required", "opinion");
        }
    }

    /** Refuses a reopening that the ledger does not allow. */
    public static void requireReopenable(boolean signedOff, String reason) {
        if (!signedOff) {
            throw new ConflictException("问题尚未销号 the problem is not signed off");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("请说明反弹情况 a reason is required", "reason");
        }
    }

    /** A measure's status once its problem is reopened: 已完成 goes back to 推进中, the others stay. */
    public static MeasureStatus afterReopen(MeasureStatus status) {
        return status == MeasureStatus.COMPLETED ? MeasureStatus.IN_PROGRESS : status;
    }
}
