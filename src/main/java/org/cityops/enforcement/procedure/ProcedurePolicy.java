package org.cityops.enforcement.procedure;

import static org.cityops.enforcement.procedure.Stage.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.org.Role;

/**
 * The procedure of the 《行政处罚法》(2021) as one table (for each step: the stages it may start from and the roles
 * that may take it) plus the rules that refuse a step the law forbids, each naming its article. No Spring: the
 * service asks {@link #check} before it records a step. docs/enforcement.md prints the table.
 */
public final class ProcedurePolicy {

    /** One row of the table. */
    public record Rule(Step step, Set<Stage> from, Set<Role> roles) {}

    static final String LAW = "《行政处罚法》";
    /** Rules of the case file itself (dates in order, suspensions with a reason and an end): no article of law. */
    static final String RULE = "办案规则";

    private static final Set<Stage> RUNNING =
            EnumSet.of(INVESTIGATING, NOTIFIED, IN_REVIEW, REVIEWED, DECIDED, SERVED, ENFORCING);
    private static final Map<Step, Rule> RULES = new EnumMap<>(Step.class);

    static {
        Role officer = Role.ENFORCEMENT_OFFICER;
        Role reviewer = Role.LEGAL_REVIEWER;
        rule(Step.FILE, EnumSet.of(PENDING_FILING), officer);
        rule(Step.NOTIFY, EnumSet.of(INVESTIGATING), officer);
        rule(Step.STATEMENT, EnumSet.of(NOTIFIED), officer);
        rule(Step.WAIVE, EnumSet.of(NOTIFIED), officer);
        rule(Step.REQUEST_HEARING, EnumSet.of(NOTIFIED), officer);
        rule(Step.SUSPEND, RUNNING, officer);
        rule(Step.RESUME, RUNNING, officer);
        rule(Step.EXTEND_DECISION, EnumSet.of(INVESTIGATING, NOTIFIED, IN_REVIEW, REVIEWED), reviewer, Role.LEADER);
        rule(Step.SUBMIT_REVIEW, EnumSet.of(NOTIFIED), officer);
        rule(Step.APPROVE_REVIEW, EnumSet.of(IN_REVIEW), reviewer);
        rule(Step.RETURN_REVIEW, EnumSet.of(IN_REVIEW), reviewer);
        rule(Step.DECIDE, EnumSet.of(NOTIFIED, REVIEWED), officer);
        rule(Step.NOT_PUNISH, EnumSet.of(INVESTIGATING, NOTIFIED, REVIEWED), officer);
        rule(Step.WITHDRAW, EnumSet.of(INVESTIGATING, NOTIFIED, REVIEWED), officer);
        rule(Step.TRANSFER, EnumSet.of(PENDING_FILING, INVESTIGATING, NOTIFIED), officer);
        rule(Step.SERVE, EnumSet.of(DECIDED), officer);
        rule(Step.PAY, EnumSet.of(SERVED, ENFORCING), officer);
        rule(Step.ENFORCE, EnumSet.of(SERVED), officer);
        rule(Step.TERMINATE_ENFORCEMENT, EnumSet.of(ENFORCING), officer);
        rule(Step.CLOSE, EnumSet.of(PERFORMED), officer);
    }

    private ProcedurePolicy() {}

    private static void rule(Step step, Set<Stage> from, Role... roles) {
        Set<Role> r = EnumSet.of(Role.ADMIN);
        r.addAll(Set.of(roles));
        RULES.put(step, new Rule(step, from, r));
    }

    public static Map<Step, Rule> rules() {
        return Map.copyOf(RULES);
    }

    /** Steps a holder of {@code roles} may take in {@code stage} (before the rules on dates and facts). */
    public static Set<Step> available(Stage stage, Set<Role> roles) {
        Set<Step> out = EnumSet.noneOf(Step.class);
        for (Rule r : RULES.values()) {
            if (r.from().contains(stage) && r.roles().stream().anyMatch(roles::contains)) {
                out.add(r.step());
            }
        }
        return out;
    }

    public static boolean mayTake(Step step, Set<Role> roles) {
        return RULES.get(step).roles().stream().anyMatch(roles::contains);
    }

    /** Why {@code step} may not be taken now, or empty when the law allows it. */
    public static Optional<Refusal> check(CaseFile file, Step step, StepInput in, DayCalendar calendar) {
        if (in == null || in.on() == null) {
            return Optional.of(Refusal.input(RULE, "on", "缺少日期 the step needs its date"));
        }
        if (in.on().isBefore(file.lastOn())) {
            return Optional.of(
                    Refusal.input(RULE, "on", "日期早于上一步骤（" + file.lastOn() + "） the date is before the previous step"));
        }
        if (step == Step.CLOSE && (file.stage() == SERVED || file.stage() == ENFORCING)) {
            return Optional.of(Refusal.conflict(
                    LAW + "第六十七条、第七十二条",
                    "罚款未缴纳，须缴纳、强制执行完毕或终结执行后方可结案"
                            + " a case with an unpaid fine closes only after payment, enforcement or its termination"));
        }
        Rule rule = RULES.get(step);
        if (!rule.from().contains(file.stage())) {
            return Optional.of(Refusal.conflict(
                    LAW + "第五章",
                    "案件处于「" + file.stage().label() + "」，不能「" + step.label() + "」 step " + step
                            + " is not allowed in stage " + file.stage()));
        }
        Optional<Suspension> suspended = file.ongoingSuspension();
        if (suspended.isPresent() && step != Step.RESUME && step != Step.EXTEND_DECISION) {
            return Optional.of(Refusal.conflict(
                    RULE,
                    "案件处于" + suspended.get().kind().label() + "中止期间，须先恢复计时"
                            + " the case is suspended; resume it first"));
        }
        return switch (step) {
            case FILE -> limitation(file, in);
            case NOTIFY -> notify(in);
            case STATEMENT, WAIVE -> Optional.empty();
            case REQUEST_HEARING -> hearing(file, in, calendar);
            case SUSPEND -> suspension(in);
            case RESUME ->
                suspended.isEmpty()
                        ? Optional.of(Refusal.conflict(RULE, "案件未中止 the case is not suspended"))
                        : Optional.empty();
            case EXTEND_DECISION -> extension(in);
            case SUBMIT_REVIEW -> partyHeard(file, in, calendar, "法制审核");
            case APPROVE_REVIEW, RETURN_REVIEW -> needNote(in, LAW + "第五十八条", "审核意见 the review's opinion");
            case DECIDE -> decide(file, in, calendar);
            case NOT_PUNISH -> firstOffence(in);
            case WITHDRAW -> needNote(in, LAW + "第五十七条第一款第三项", "撤案理由（违法事实不能成立） the reason");
            case TRANSFER -> needNote(in, LAW + "第二十七条、第五十七条第一款第四项", "移送机关及理由 to whom and why");
            case SERVE -> Optional.empty();
            case PAY -> payment(file, in, calendar);
            case ENFORCE -> enforce(file, in, calendar);
            case TERMINATE_ENFORCEMENT -> needNote(in, "《行政强制法》第四十条", "终结执行的理由 the reason");
            case CLOSE -> Optional.empty();
        };
    }

    /** 第三十六条: 违法行为在二年内未被发现的，不再给予行政处罚 (五年 where life, health or financial safety was harmed). */
    private static Optional<Refusal> limitation(CaseFile file, StepInput in) {
        LocalDate ended = file.violationEndedOn();
        if (ended == null) {
            return Optional.empty(); // 连续或者继续状态: counted from the end of the behaviour, which has not ended
        }
        int years = file.lifeSafety() ? 5 : 2;
        if (file.discoveredOn().isAfter(ended.plusYears(years))) {
            return Optional.of(Refusal.conflict(
                    LAW + "第三十六条",
                    "违法行为终了后" + years + "年内未被发现，不再给予行政处罚" + " not discovered within " + years
                            + " years of its end: no penalty may be imposed"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> notify(StepInput in) {
        if (in.fine() == null || in.fine().signum() < 0) {
            return Optional.of(Refusal.input(LAW + "第四十四条", "fine", "告知须载明拟作出的处罚 the proposed fine is missing"));
        }
        if (in.tier() == null || in.tier().isBlank()) {
            return Optional.of(Refusal.input(LAW + "第三十四条", "tier", "须选择裁量档次 choose a discretion tier"));
        }
        if (in.fineOutsideRange() && !in.hasNote()) {
            return Optional.of(Refusal.input(
                    LAW + "第三十四条（裁量基准）",
                    "fine",
                    "罚款" + in.fine().stripTrailingZeros().toPlainString() + "元超出该档次" + range(in)
                            + "，须写明理由并经法制审核 a fine outside the tier's range needs reasons and legal review"));
        }
        return Optional.empty();
    }

    private static String range(StepInput in) {
        return in.fineMin().stripTrailingZeros().toPlainString() + "–"
                + in.fineMax().stripTrailingZeros().toPlainString() + "元";
    }

    private static Optional<Refusal> hearing(CaseFile file, StepInput in, DayCalendar calendar) {
        if (!file.hearingEligible()) {
            return Optional.of(Refusal.conflict(
                    LAW + "第六十三条", "拟作出的处罚不属于应当告知听证权利的情形 the proposed penalty carries no right to a hearing"));
        }
        if (file.waived()) {
            return Optional.of(Refusal.conflict(LAW + "第六十四条", "当事人已放弃听证 the party waived the hearing"));
        }
        if (expired(file, ClockKind.HEARING_REQUEST, in.on(), calendar)) {
            return Optional.of(Refusal.conflict(
                    LAW + "第六十四条第一项", "当事人应当在告知后五日（工作日）内提出听证 the 5 working days to ask for a hearing have run out"));
        }
        return suspension(in.kind() == null ? in.suspension(SuspensionKind.HEARING, in.expectedEnd()) : in);
    }

    private static Optional<Refusal> suspension(StepInput in) {
        if (!in.hasNote()) {
            return Optional.of(Refusal.input(RULE, "note", "中止须写明理由 a suspension needs a reason"));
        }
        if (in.kind() == null) {
            return Optional.of(Refusal.input(RULE, "kind", "须选择中止事由 choose why the clocks stop"));
        }
        if (in.expectedEnd() == null) {
            return Optional.of(Refusal.input(RULE, "expectedEnd", "须填写预计结束日期 a suspension needs its expected end"));
        }
        if (in.expectedEnd().isBefore(in.on())) {
            return Optional.of(Refusal.input(RULE, "expectedEnd", "预计结束日期早于开始日期 the expected end is before the start"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> extension(StepInput in) {
        if (in.days() == null || in.days() < 1 || in.days() > 90) {
            return Optional.of(Refusal.input(LAW + "第六十条", "days", "延长天数须为1–90天 extension days must be 1 to 90"));
        }
        return needNote(in, LAW + "第六十条", "批准延长的理由 the approval's reason");
    }

    /**
     * 第六十二条: 未告知或者拒绝听取陈述、申辩的，不得作出行政处罚决定 — the party must have spoken, waived, or let its
     * periods run out; a requested hearing must have been held (第六十五条).
     */
    private static Optional<Refusal> partyHeard(CaseFile file, StepInput in, DayCalendar calendar, String what) {
        if (file.waived()) {
            return Optional.empty();
        }
        if (!file.statementMade() && !expired(file, ClockKind.STATEMENT, in.on(), calendar)) {
            return Optional.of(Refusal.conflict(
                    LAW + "第四十五条、第六十二条",
                    "陈述申辩期限届满前（当事人未陈述申辩也未放弃）不得" + what
                            + " not before the party's statement period ends, unless the party spoke or waived"));
        }
        if (file.hearingEligible()
                && !file.hearingRequested()
                && !expired(file, ClockKind.HEARING_REQUEST, in.on(), calendar)) {
            return Optional.of(Refusal.conflict(
                    LAW + "第六十三条、第六十四条", "听证申请期限届满前不得" + what + " not before the period to ask for a hearing ends"));
        }
        if (file.hearingRequested() && !file.hearingHeld()) {
            return Optional.of(
                    Refusal.conflict(LAW + "第六十五条", "当事人申请的听证尚未举行 the hearing the party asked for has not been held"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> decide(CaseFile file, StepInput in, DayCalendar calendar) {
        Optional<Refusal> heard = partyHeard(file, in, calendar, "作出处罚决定");
        if (heard.isPresent()) {
            return heard;
        }
        if (file.reviewRequired() && !file.reviewApproved()) {
            String why = file.fineOutsideRange()
                    ? "罚款超出裁量基准档次范围，须经法制审核同意 the fine is outside the tier: legal review must approve it"
                    : "本案须经法制审核 this case must pass legal review";
            return Optional.of(Refusal.conflict(LAW + "第五十八条", why));
        }
        return Optional.empty();
    }

    /** 第三十三条第一款: 初次违法且危害后果轻微并及时改正的，可以不予行政处罚 — all three conditions. */
    private static Optional<Refusal> firstOffence(StepInput in) {
        if (!(in.firstOffence() && in.minorHarm() && in.corrected())) {
            return Optional.of(Refusal.conflict(
                    LAW + "第三十三条第一款",
                    "首违不罚须同时满足初次违法、危害后果轻微、及时改正"
                            + " no penalty for a first offence needs all three: first, minor harm, corrected"));
        }
        return needNote(in, LAW + "第三十三条第一款", "不予处罚的理由 the reason");
    }

    private static Optional<Refusal> payment(CaseFile file, StepInput in, DayCalendar calendar) {
        if (in.amount() == null || in.amount().signum() <= 0) {
            return Optional.of(Refusal.input(RULE, "amount", "须填写缴纳金额 the amount paid is missing"));
        }
        BigDecimal due = file.fine().add(file.lateFee(in.on(), calendar));
        if (in.amount().compareTo(due) < 0) {
            return Optional.of(Refusal.input(
                    LAW + "第七十二条第一款第一项",
                    "amount",
                    "应缴" + due.stripTrailingZeros().toPlainString() + "元（罚款及加处罚款），缴纳金额不足"
                            + " less than the fine plus the late fee due"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> enforce(CaseFile file, StepInput in, DayCalendar calendar) {
        if (!expired(file, ClockKind.PAYMENT, in.on(), calendar)) {
            return Optional.of(
                    Refusal.conflict(LAW + "第七十二条", "缴纳期限届满前不得申请强制执行 not before the 15 days to pay have run out"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> needNote(StepInput in, String article, String what) {
        return in.hasNote() ? Optional.empty() : Optional.of(Refusal.input(article, "note", "须写明" + what));
    }

    /** Whether the clock's last day is before {@code on}. */
    private static boolean expired(CaseFile file, ClockKind kind, LocalDate on, DayCalendar calendar) {
        return file.clock(kind)
                .map(c -> on.isAfter(c.read(on, calendar).lastDay()))
                .orElse(false);
    }
}
