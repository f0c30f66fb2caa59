package org.cityops.enforcement.document;

import static org.cityops.enforcement.procedure.Stage.CLOSED;
import static org.cityops.enforcement.procedure.Stage.INVESTIGATING;
import static org.cityops.enforcement.procedure.Stage.IN_REVIEW;
import static org.cityops.enforcement.procedure.Stage.NOTIFIED;
import static org.cityops.enforcement.procedure.Stage.NOT_PUNISHED;
import static org.cityops.enforcement.procedure.Stage.PENDING_FILING;
import static org.cityops.enforcement.procedure.Stage.PERFORMED;
import static org.cityops.enforcement.procedure.Stage.REVIEWED;
import static org.cityops.enforcement.procedure.Stage.TRANSFERRED;
import static org.cityops.enforcement.procedure.Stage.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.enforcement.procedure.Refusal;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.enforcement.procedure.Step;

/**
 * Which 文书 may be drafted at which stage of the procedure (no Spring; {@code DocumentStagePolicyTests}). One
 * table: per case document type, the stages where the law puts it ({@link Rule#stages}), the step it records
 * ({@link Rule#records}: once that step was taken the document may still be drafted — 补制 the record of a step
 * that happened — e.g. the 告知书 of a case since decided), and the article. A refusal names the document, the
 * case's stage and the article. Two types carry more: the 听证告知书 only when the proposed penalty carries a
 * hearing right (第六十三条), and the 行政处罚决定书 only when the decision itself may be taken now (the 陈述申辩
 * and 听证 windows closed, a requested hearing held, the legal review approved: the refusal is the procedure's
 * own, {@code ProcedurePolicy}'s 作出决定 check) or was taken. Structure documents (限期拆除决定书 and the notices)
 * are checked by the 违建 service (a standing structure; 信用惩戒 only after an overdue order).
 */
public final class DocumentStagePolicy {

    static final String LAW = "《行政处罚法》";

    /** The stages where the investigation runs: from discovery until the decision is made. */
    static final Set<Stage> INVESTIGATION = EnumSet.of(PENDING_FILING, INVESTIGATING, NOTIFIED, IN_REVIEW, REVIEWED);

    /**
     * @param stages  where it may be drafted now
     * @param records the step it is the record of (null: none); once taken, drafting stays allowed
     * @param article the rule that puts it there
     * @param where   the lawful place in words, Chinese
     * @param whereEn the same in English
     */
    public record Rule(Set<Stage> stages, Step records, String article, String where, String whereEn) {}

    /**
     * What the check needs of the case.
     *
     * @param stage            the stage now
     * @param taken            the steps taken so far
     * @param hearingEligible  the proposed penalty carries a hearing right
     * @param decisionRefusal  why 作出决定 would be refused today (empty: it may be taken now)
     */
    public record CaseState(Stage stage, Set<Step> taken, boolean hearingEligible, Optional<Refusal> decisionRefusal) {}

    /** Every stage but the final ones. */
    static final Set<Stage> OPEN = EnumSet.complementOf(EnumSet.of(CLOSED, NOT_PUNISHED, WITHDRAWN, TRANSFERRED));

    private static final Map<DocumentType, Rule> RULES = new EnumMap<>(DocumentType.class);

    static {
        RULES.put(
                DocumentType.FILING_APPROVAL,
                new Rule(
                        EnumSet.of(PENDING_FILING),
                        Step.FILE,
                        LAW + "第五十四条第二款",
                        "立案前报批（待立案）",
                        "before the case is filed, for its approval"));
        RULES.put(
                DocumentType.SITE_INSPECTION,
                new Rule(
                        INVESTIGATION,
                        Step.FILE,
                        LAW + "第五十四条第一款、第五十五条",
                        "调查取证期间（作出决定前）",
                        "while investigating, before the decision"));
        RULES.put(
                DocumentType.INQUIRY,
                new Rule(
                        INVESTIGATION,
                        Step.FILE,
                        LAW + "第五十五条",
                        "调查取证期间（作出决定前）",
                        "while investigating, before the decision"));
        RULES.put(
                DocumentType.RECTIFICATION_ORDER,
                new Rule(OPEN, null, LAW + "第二十八条第一款", "发现违法行为后、案件终结前", "between discovery and the end of the case"));
        RULES.put(
                DocumentType.PRIOR_NOTICE,
                new Rule(
                        EnumSet.of(INVESTIGATING, NOTIFIED),
                        Step.NOTIFY,
                        LAW + "第四十四条",
                        "立案调查后、作出决定前",
                        "after filing and investigation, before the decision"));
        RULES.put(
                DocumentType.HEARING_NOTICE,
                new Rule(
                        EnumSet.of(NOTIFIED),
                        Step.NOTIFY,
                        LAW + "第六十三条、第六十四条",
                        "处罚告知时，拟作出的处罚属听证范围",
                        "at the prior notice, when the proposed penalty carries a hearing right"));
        RULES.put(
                DocumentType.DECISION,
                new Rule(
                        EnumSet.of(NOTIFIED, REVIEWED),
                        Step.DECIDE,
                        LAW + "第五十七条",
                        "陈述申辩（听证）期满、法制审核通过后",
                        "after the statement and hearing windows and the legal review"));
        RULES.put(
                DocumentType.SERVICE_RECEIPT,
                new Rule(
                        EnumSet.noneOf(Stage.class),
                        null,
                        LAW + "第六十一条",
                        "告知书或决定书作出后（送达它们）",
                        "once a prior notice or a decision exists to be served"));
        RULES.put(
                DocumentType.CLOSING_APPROVAL,
                new Rule(
                        EnumSet.of(PERFORMED, NOT_PUNISHED, WITHDRAWN, TRANSFERRED),
                        Step.CLOSE,
                        LAW + "第六十七条、第七十二条",
                        "执行完毕（待结案）或案件以不予处罚、撤案、移送终结后",
                        "once performed, or after no penalty, withdrawal or transfer"));
    }

    private DocumentStagePolicy() {}

    /** The table (case documents only), for the docs and the tests. */
    public static Map<DocumentType, Rule> rules() {
        return Map.copyOf(RULES);
    }

    /** Why {@code type} may not be drafted in the case's state now; empty when it may. */
    public static Optional<Refusal> check(DocumentType type, CaseState s) {
        Rule rule = RULES.get(type);
        if (rule == null) {
            return Optional.empty();
        }
        boolean recorded = rule.records() != null && s.taken().contains(rule.records());
        switch (type) {
            case HEARING_NOTICE -> {
                if (!s.hearingEligible()) {
                    return refuse(type, s, rule, "拟作出的处罚不属听证范围");
                }
            }
            case DECISION -> {
                if (!recorded
                        && rule.stages().contains(s.stage())
                        && s.decisionRefusal().isPresent()) {
                    Refusal r = s.decisionRefusal().get();
                    return Optional.of(new Refusal(
                            r.article(),
                            "现阶段（" + s.stage().label() + "）不能制作" + type.label() + "：" + r.message(),
                            "type",
                            false));
                }
            }
            case SERVICE_RECEIPT -> {
                boolean served = s.taken().contains(Step.NOTIFY)
                        || s.taken().contains(Step.DECIDE)
                        || s.taken().contains(Step.NOT_PUNISH);
                return served ? Optional.empty() : refuse(type, s, rule, null);
            }
            default -> {}
        }
        if (recorded || rule.stages().contains(s.stage())) {
            return Optional.empty();
        }
        return refuse(type, s, rule, null);
    }

    /** The case document types that may be drafted now, in the table's order. */
    public static List<DocumentType> allowed(CaseState s) {
        return RULES.keySet().stream().filter(t -> check(t, s).isEmpty()).toList();
    }

    private static Optional<Refusal> refuse(DocumentType type, CaseState s, Rule rule, String why) {
        String message = "案件处于“" + s.stage().label() + "”阶段，不能制作" + type.label() + "：" + type.label() + "应在"
                + rule.where() + (why == null ? "" : "，" + why) + " a " + type.name() + " cannot be drafted at stage "
                + s.stage().name() + "; it belongs " + rule.whereEn();
        return Optional.of(new Refusal(rule.article(), message, "type", false));
    }
}
