package org.cityops.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseReferralConcluded;
import org.cityops.cases.CaseReferred;
import org.cityops.cases.CaseStatus;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 12319 案件移送执法, the cases side: a 12319 case transferred to an enforcement case (行政处罚案件) shows the
 * enforcement case's number and waits for its result; when the enforcement case ends the result is recorded on the
 * 12319 case, which goes on to 核查 and 结案. Driven by the referral events only ({@link CaseReferred}, {@link CaseReferralConcluded}: cases' own API,
 * published by the enforcement module; no reads of its tables, no dependency on it). The waiting is the existing 挂账 (the SLA clock stops, {@link CaseStatus#SUSPENDED}); the result is a
 * 挂账恢复 followed by a 处置反馈 whose note is the result, so the grid's inspector gets the 核查 task as after any
 * handling report. Both steps are taken by the platform ({@code system}) in the role the table requires.
 */
@Service
public class EnforcementLinks {

    private static final Logger log = LoggerFactory.getLogger(EnforcementLinks.class);

    /** The statuses a transfer puts on 挂账 (the SUSPEND row of {@link TransitionPolicy}). */
    static final Set<CaseStatus> SUSPENDABLE = EnumSet.of(
            CaseStatus.DISPATCHED, CaseStatus.ACCEPTED, CaseStatus.EXTENSION_REQUESTED, CaseStatus.SUSPEND_REQUESTED);

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final CaseTransitions transitions;
    private final AuditTrail audit;
    private final Clock clock;

    EnforcementLinks(
            JdbcClient jdbc, CaseRepository cases, CaseTransitions transitions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.transitions = transitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The enforcement case a 12319 case was transferred to, and its result once it ended. */
    public record Link(
            long caseId,
            long enforcementCaseId,
            String enforcementNumber,
            String itemName,
            Instant linkedAt,
            boolean suspended,
            String outcome,
            String outcomeLabel,
            String result,
            LocalDate concludedOn) {

        public boolean waiting() {
            return outcome == null;
        }
    }

    public Optional<Link> of(long caseId) {
        return jdbc.sql("SELECT * FROM case_enforcement_link WHERE case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new Link(
                        rs.getLong("case_id"),
                        rs.getLong("enforcement_case_id"),
                        rs.getString("enforcement_number"),
                        rs.getString("item_name"),
                        rs.getTimestamp("linked_at").toInstant(),
                        rs.getBoolean("suspended"),
                        rs.getString("outcome"),
                        rs.getString("outcome_label"),
                        rs.getString("result"),
                        rs.getObject("concluded_on", LocalDate.class)))
                .optional();
    }

    /**
     * 移送: links the 12319 case and, when it is with a department (派遣 … 处置中), puts it on 挂账 with the
     * enforcement case's number as the reason (a case still 待签收 is first 签收 on the department's behalf: the
     * transfer is its taking the case). A replay changes nothing; an unknown number is logged (the
     * enforcement case keeps the number as entered).
     */
    @Transactional
    public void transferred(CaseReferred e) {
        Optional<Case> found = cases.findByNumber(e.caseNumber());
        if (found.isEmpty()) {
            log.warn(
                    "Enforcement case {} names 12319 case {}, which does not exist",
                    e.referralNumber(),
                    e.caseNumber());
            return;
        }
        Case c = found.get();
        if (of(c.id).isPresent()) {
            return;
        }
        boolean suspend = SUSPENDABLE.contains(c.status);
        jdbc.sql("""
                INSERT INTO case_enforcement_link (case_id, enforcement_case_id, enforcement_number, item_name,
                  linked_at, suspended) VALUES (:c, :e, :n, :item, :at, :s)""")
                .param("c", c.id)
                .param("e", e.referralId())
                .param("n", e.referralNumber())
                .param("item", e.subject())
                .param("at", org.cityops.platform.DbTime.toDb(clock.instant()))
                .param("s", suspend)
                .update();
        audit.record(
                "CASE",
                c.number,
                "ENF_TRANSFER",
                null,
                "enforcement=" + e.referralNumber() + " by=" + e.handler() + " suspended=" + suspend);
        if (c.status == CaseStatus.DISPATCHED) {
            // the department took the case by transferring it: 签收 on its behalf, so the result can be its 处置反馈
            transitions.transition(
                    c.id,
                    TransitionRequest.of(CaseAction.ACCEPT, "移送执法办案，视为签收（执法案件" + e.referralNumber() + "）"),
                    platform(Role.HANDLER, c.departmentId),
                    null,
                    null);
        }
        if (suspend) {
            transitions.transition(
                    c.id,
                    TransitionRequest.of(
                            CaseAction.SUSPEND, "移送执法办案：执法案件" + e.referralNumber() + "（" + e.subject() + "），等待处理结果"),
                    platform(Role.SHIFT_LEADER, null),
                    null,
                    null);
        }
    }

    /**
     * The enforcement case ended: the result is kept on the link and, when the transfer put the case on 挂账 and it
     * still is, the case resumes and the result is recorded as its 处置反馈 (→ 待核查).
     */
    @Transactional
    public void concluded(CaseReferralConcluded e) {
        Optional<Link> link = jdbc.sql("SELECT case_id FROM case_enforcement_link WHERE enforcement_case_id = :e")
                .param("e", e.referralId())
                .query(Long.class)
                .optional()
                .flatMap(this::of);
        if (link.isEmpty() || !link.get().waiting()) {
            return;
        }
        Case c = cases.find(link.get().caseId()).orElseThrow();
        jdbc.sql("""
                UPDATE case_enforcement_link SET outcome = :o, outcome_label = :l, result = :r, concluded_on = :d,
                  concluded_at = :at WHERE case_id = :c""")
                .param("o", e.outcome())
                .param("l", e.outcomeLabel())
                .param("r", e.result())
                .param("d", e.on())
                .param("at", org.cityops.platform.DbTime.toDb(clock.instant()))
                .param("c", c.id)
                .update();
        audit.record(
                "CASE",
                c.number,
                "ENF_RESULT",
                null,
                "enforcement=" + e.referralNumber() + " outcome=" + e.outcome() + " result=" + e.result());
        if (link.get().suspended() && c.status == CaseStatus.SUSPENDED) {
            transitions.transition(
                    c.id,
                    TransitionRequest.of(CaseAction.RESUME, "执法案件" + e.referralNumber() + e.outcomeLabel()),
                    platform(Role.SHIFT_LEADER, null),
                    null,
                    null);
            c = cases.find(c.id).orElseThrow();
        }
        if (c.status == CaseStatus.ACCEPTED || c.status == CaseStatus.EXTENSION_REQUESTED) {
            transitions.transition(
                    c.id,
                    TransitionRequest.of(CaseAction.REPORT_HANDLED, "执法结果：" + e.result()),
                    platform(Role.HANDLER, c.departmentId),
                    null,
                    null);
        }
    }

    /** The platform acting in the one role a step's row requires (the step records actor {@code system}). */
    private static StaffMember platform(Role role, Long departmentId) {
        return new StaffMember(
                0, StaffMember.SYSTEM.username(), "系统（执法办案）", Set.of(role), DataScope.CITY, null, departmentId, null);
    }
}
