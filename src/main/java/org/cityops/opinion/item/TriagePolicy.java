package org.cityops.opinion.item;

import java.util.Map;
import java.util.Set;

/**
 * The triage state machine of a 舆情 item (no Spring, no SQL): who may take which step from which status, and
 * where it leads. A refusal names why, in the house style "中文 English".
 *
 * <pre>
 * 待研判 NEW ──排除──▶ 已排除 DISMISSED
 *        ├──转办──▶ 已转办 FORWARDED ──回复──▶ 已回复 REPLIED
 *        │              └──超期督办──▶ 回复超期 OVERDUE ──回复──▶ 已回复
 *        │                                 ├──转办 (改派)──▶ 已转办
 *        │                                 └──转12319──▶ …
 *        └──转12319──▶ 转12319中 CASE_REQUESTED ──立案──▶ 已转12319 CASE_OPENED
 *                              └──转12319失败──▶ 待研判 (with the reason)
 * </pre>
 */
public final class TriagePolicy {

    /** Who takes the step. */
    public enum Party {
        /** 舆情值班员: the duty officer (or an administrator) */
        OFFICER,
        /** a handler of the unit the item was forwarded to */
        UNIT,
        /** the platform (scheduled check, the cases module's answer) */
        SYSTEM,
        /** anybody else */
        OTHER
    }

    /** The answer: allowed (with the next status) or refused (with the reason). */
    public record Verdict(boolean allowed, OpinionStatus next, String reason) {

        static Verdict allow(OpinionStatus next) {
            return new Verdict(true, next, null);
        }

        static Verdict refuse(String reason) {
            return new Verdict(false, null, reason);
        }
    }

    private record Rule(Party who, Set<OpinionStatus> from, OpinionStatus to, String wrongStatus) {}

    private static final Map<TriageAction, Rule> RULES = Map.of(
            TriageAction.DISMISS,
            new Rule(
                    Party.OFFICER,
                    Set.of(OpinionStatus.NEW),
                    OpinionStatus.DISMISSED,
                    "只有待研判的舆情可以排除 only an item not yet triaged can be dismissed"),
            TriageAction.FORWARD,
            new Rule(
                    Party.OFFICER,
                    Set.of(OpinionStatus.NEW, OpinionStatus.OVERDUE),
                    OpinionStatus.FORWARDED,
                    "只有待研判或回复超期的舆情可以转办 only a new or overdue item can be forwarded"),
            TriageAction.REPLY,
            new Rule(
                    Party.UNIT,
                    Set.of(OpinionStatus.FORWARDED, OpinionStatus.OVERDUE),
                    OpinionStatus.REPLIED,
                    "只有已转办且未回复的舆情可以回复 only a forwarded item not yet replied can be replied to"),
            TriageAction.ESCALATE,
            new Rule(
                    Party.SYSTEM,
                    Set.of(OpinionStatus.FORWARDED),
                    OpinionStatus.OVERDUE,
                    "只有等待回复的舆情会超期 only an item waiting for its reply can become overdue"),
            TriageAction.REQUEST_CASE,
            new Rule(
                    Party.OFFICER,
                    Set.of(OpinionStatus.NEW, OpinionStatus.OVERDUE),
                    OpinionStatus.CASE_REQUESTED,
                    "只有待研判或回复超期的舆情可以转12319 only a new or overdue item can become a 12319 case"),
            TriageAction.CASE_OPENED,
            new Rule(
                    Party.SYSTEM,
                    Set.of(OpinionStatus.CASE_REQUESTED),
                    OpinionStatus.CASE_OPENED,
                    "该舆情未在等待立案 the item is not waiting for a case"),
            TriageAction.CASE_FAILED,
            new Rule(
                    Party.SYSTEM,
                    Set.of(OpinionStatus.CASE_REQUESTED),
                    OpinionStatus.NEW,
                    "该舆情未在等待立案 the item is not waiting for a case"));

    private TriagePolicy() {}

    /** May {@code who} take {@code action} on an item in status {@code from}? */
    public static Verdict decide(OpinionStatus from, TriageAction action, Party who) {
        Rule rule = RULES.get(action);
        if (rule == null || from == null || who == null) {
            return Verdict.refuse("无效的操作 invalid step");
        }
        if (who != rule.who()) {
            return Verdict.refuse(
                    switch (rule.who()) {
                        case OFFICER -> "只有舆情值班员可以" + action.label() + " only the duty officer may do this";
                        case UNIT -> "只有被转办单位的处置人员可以回复 only the unit it was forwarded to may reply";
                        case SYSTEM -> "该步骤由系统完成 the platform takes this step";
                        case OTHER -> "无权操作 not allowed";
                    });
        }
        if (!rule.from().contains(from)) {
            String[] halves = rule.wrongStatus().split(" ", 2);
            return Verdict.refuse(halves[0] + "（当前：" + from.label() + "） " + halves[1] + " (now "
                    + from.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        }
        return Verdict.allow(rule.to());
    }
}
