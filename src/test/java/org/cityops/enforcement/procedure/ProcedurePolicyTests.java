package org.cityops.enforcement.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cityops.org.Role;
import org.junit.jupiter.api.Test;

/** The procedure's rules: every refused step names the article that refuses it; no Spring. */
class ProcedurePolicyTests {

    static final DayCalendar CAL = TestCalendar.CN_2025;
    static final ProcedureSettings SETTINGS = ProcedureSettings.defaults();

    /** A case file that records the steps it is given, asking the policy first. */
    static final class Walk {
        final List<ProcedureEvent> events = new ArrayList<>();
        final LocalDate discovered;
        final LocalDate ended;
        final boolean unit;

        Walk(LocalDate discovered, LocalDate ended, boolean unit) {
            this.discovered = discovered;
            this.ended = ended;
            this.unit = unit;
        }

        CaseFile file() {
            return CaseFile.replay(discovered, ended, false, unit, SETTINGS, events);
        }

        Optional<Refusal> attempt(Step step, StepInput in) {
            Optional<Refusal> r = ProcedurePolicy.check(file(), step, in, CAL);
            if (r.isEmpty()) {
                events.add(new ProcedureEvent(step, in));
            }
            return r;
        }

        Walk take(Step step, StepInput in) {
            assertThat(attempt(step, in)).as(step.name()).isEmpty();
            return this;
        }
    }

    static LocalDate d(int m, int day) {
        return LocalDate.of(2025, m, day);
    }

    static StepInput on(int m, int day) {
        return StepInput.on(d(m, day));
    }

    static StepInput fine(int m, int day, String fine) {
        return on(m, day)
                .penalty("GENERAL", new BigDecimal(fine), new BigDecimal("500"), new BigDecimal("2000"), false);
    }

    /** Filed and notified on Friday 19 September with a fine of 1,000 (no hearing right). */
    static Walk notified() {
        return new Walk(d(9, 15), null, false).take(Step.FILE, on(9, 16)).take(Step.NOTIFY, fine(9, 19, "1000"));
    }

    @Test
    void no_decision_before_the_statement_period_ends() {
        Optional<Refusal> r = notified().attempt(Step.DECIDE, on(9, 23));
        assertThat(r).get().extracting(Refusal::article).asString().contains("第六十二条");
    }

    @Test
    void a_decision_is_allowed_once_the_party_waives_or_the_period_has_run_out() {
        assertThat(notified().take(Step.WAIVE, on(9, 22)).attempt(Step.DECIDE, on(9, 22)))
                .isEmpty();
        assertThat(notified().attempt(Step.DECIDE, on(9, 25))).isEmpty(); // the period ended on 24 September
    }

    @Test
    void a_hearing_asked_for_too_late_is_refused_under_article_64() {
        Walk w = new Walk(d(9, 15), null, false)
                .take(Step.FILE, on(9, 16))
                .take(
                        Step.NOTIFY,
                        on(9, 30)
                                .penalty(
                                        "SERIOUS",
                                        new BigDecimal("20000"),
                                        new BigDecimal("10000"),
                                        new BigDecimal("30000"),
                                        false));
        assertThat(w.file().hearingEligible()).isTrue();
        // five working days after 30 September end on 14 October (国庆 and the 调休 Saturday)
        Optional<Refusal> late =
                w.attempt(Step.REQUEST_HEARING, on(10, 15).note("申请听证").suspension(SuspensionKind.HEARING, d(10, 25)));
        assertThat(late).get().extracting(Refusal::article).asString().contains("第六十四条");
        assertThat(w.attempt(
                        Step.REQUEST_HEARING, on(10, 14).note("申请听证").suspension(SuspensionKind.HEARING, d(10, 25))))
                .isEmpty();
    }

    @Test
    void a_requested_hearing_must_be_held_and_the_case_reviewed_before_the_decision() {
        Walk w = new Walk(d(9, 15), null, true)
                .take(Step.FILE, on(9, 16))
                .take(
                        Step.NOTIFY,
                        on(9, 30)
                                .penalty(
                                        "SERIOUS",
                                        new BigDecimal("150000"),
                                        new BigDecimal("100000"),
                                        new BigDecimal("200000"),
                                        false))
                .take(Step.REQUEST_HEARING, on(10, 9).note("申请听证").suspension(SuspensionKind.HEARING, d(10, 20)));
        assertThat(w.attempt(Step.DECIDE, on(10, 10)))
                .get()
                .extracting(Refusal::message)
                .asString()
                .contains("中止");
        w.take(Step.RESUME, on(10, 20).note("听证已举行"));
        assertThat(w.attempt(Step.DECIDE, on(10, 21)))
                .get()
                .extracting(Refusal::article)
                .asString()
                .contains("第五十八条");
        w.take(Step.SUBMIT_REVIEW, on(10, 21))
                .take(Step.APPROVE_REVIEW, on(10, 22).note("事实清楚，同意"));
        assertThat(w.attempt(Step.DECIDE, on(10, 23))).isEmpty();
    }

    @Test
    void the_hearing_suspension_extends_the_decision_limit() {
        Walk w = new Walk(d(9, 15), null, true)
                .take(Step.FILE, on(9, 16))
                .take(
                        Step.NOTIFY,
                        on(9, 30)
                                .penalty(
                                        "SERIOUS",
                                        new BigDecimal("150000"),
                                        new BigDecimal("100000"),
                                        new BigDecimal("200000"),
                                        false))
                .take(Step.REQUEST_HEARING, on(10, 9).note("申请听证").suspension(SuspensionKind.HEARING, d(10, 20)))
                .take(Step.RESUME, on(10, 20).note("听证已举行"));
        // 90 days from 16 September: 15 December; 11 days suspended (9–19 October): 26 December
        var decision = w.file().clock(ClockKind.DECISION).orElseThrow().read(d(10, 20), CAL);
        assertThat(decision.suspendedDays()).isEqualTo(11);
        assertThat(decision.lastDay()).isEqualTo(d(12, 26));
    }

    @Test
    void a_fine_outside_the_tier_is_refused_without_reasons_and_decided_only_after_legal_review_approves() {
        Walk w = new Walk(d(9, 15), null, false).take(Step.FILE, on(9, 16));
        Optional<Refusal> r = w.attempt(Step.NOTIFY, fine(9, 19, "3000"));
        assertThat(r).get().satisfies(x -> {
            assertThat(x.badInput()).isTrue();
            assertThat(x.field()).isEqualTo("fine");
            assertThat(x.article()).contains("第三十四条");
        });
        w.take(Step.NOTIFY, fine(9, 19, "3000").note("多次违法，拒不改正"));
        w.take(Step.WAIVE, on(9, 22));
        assertThat(w.attempt(Step.DECIDE, on(9, 22)))
                .get()
                .extracting(Refusal::article)
                .asString()
                .contains("第五十八条");
        w.take(Step.SUBMIT_REVIEW, on(9, 22))
                .take(Step.APPROVE_REVIEW, on(9, 23).note("同意从重，理由充分"));
        assertThat(w.attempt(Step.DECIDE, on(9, 23))).isEmpty();
    }

    @Test
    void no_closing_with_an_unpaid_fine_unless_enforced_or_terminated() {
        Walk w = notified()
                .take(Step.WAIVE, on(9, 22))
                .take(Step.DECIDE, on(9, 22))
                .take(Step.SERVE, on(9, 23));
        assertThat(w.attempt(Step.CLOSE, on(9, 24)))
                .get()
                .extracting(Refusal::article)
                .asString()
                .contains("第七十二条");
        // the 15 days to pay from 23 September end on 8 October, a holiday → 9 October
        assertThat(w.attempt(Step.ENFORCE, on(10, 9)))
                .get()
                .extracting(Refusal::article)
                .asString()
                .contains("第七十二条");
        w.take(Step.ENFORCE, on(10, 10));
        assertThat(w.attempt(Step.CLOSE, on(10, 11))).isPresent();
        w.take(Step.TERMINATE_ENFORCEMENT, on(10, 20).note("当事人死亡，无遗产可供执行"));
        assertThat(w.attempt(Step.CLOSE, on(10, 21))).isEmpty();
    }

    @Test
    void a_late_payment_must_include_the_late_fee() {
        Walk w = notified()
                .take(Step.WAIVE, on(9, 22))
                .take(Step.DECIDE, on(9, 22))
                .take(Step.SERVE, on(9, 23));
        // last day 9 October; paid on 19 October: 10 days × 3 % × 1,000 = 300
        Optional<Refusal> r = w.attempt(Step.PAY, on(10, 19).amount(new BigDecimal("1000")));
        assertThat(r).get().satisfies(x -> {
            assertThat(x.field()).isEqualTo("amount");
            assertThat(x.message()).contains("1300");
        });
        assertThat(w.attempt(Step.PAY, on(10, 19).amount(new BigDecimal("1300"))))
                .isEmpty();
        assertThat(w.attempt(Step.CLOSE, on(10, 20))).isEmpty();
    }

    @Test
    void no_penalty_for_a_first_offence_needs_all_three_conditions() {
        Walk w = new Walk(d(9, 15), null, false).take(Step.FILE, on(9, 16));
        Optional<Refusal> r = w.attempt(Step.NOT_PUNISH, on(9, 17).note("首次").firstOffence(true, true, false));
        assertThat(r).get().extracting(Refusal::article).asString().contains("第三十三条");
        assertThat(w.attempt(Step.NOT_PUNISH, on(9, 17).note("首次，已整改").firstOffence(true, true, true)))
                .isEmpty();
        assertThat(w.file().stage()).isEqualTo(Stage.NOT_PUNISHED);
    }

    @Test
    void a_suspension_without_a_reason_or_an_end_is_bad_input_naming_the_field() {
        Walk w = new Walk(d(9, 15), null, false).take(Step.FILE, on(9, 16));
        assertThat(w.attempt(Step.SUSPEND, on(9, 17).suspension(SuspensionKind.TESTING, d(9, 30))))
                .get()
                .satisfies(x -> assertThat(x.field()).isEqualTo("note"));
        assertThat(w.attempt(Step.SUSPEND, on(9, 17).note("送检").suspension(SuspensionKind.TESTING, null)))
                .get()
                .satisfies(x -> {
                    assertThat(x.field()).isEqualTo("expectedEnd");
                    assertThat(x.badInput()).isTrue();
                });
    }

    @Test
    void a_violation_discovered_more_than_two_years_after_it_ended_cannot_be_filed() {
        Walk old = new Walk(d(9, 15), LocalDate.of(2023, 9, 1), false);
        assertThat(old.attempt(Step.FILE, on(9, 16)))
                .get()
                .extracting(Refusal::article)
                .asString()
                .contains("第三十六条");
        Walk continuing = new Walk(d(9, 15), null, false); // a standing 违建: 继续状态
        assertThat(continuing.attempt(Step.FILE, on(9, 16))).isEmpty();
    }

    @Test
    void a_step_out_of_order_names_the_stage() {
        Optional<Refusal> r = new Walk(d(9, 15), null, false).attempt(Step.DECIDE, on(9, 16));
        assertThat(r).get().satisfies(x -> {
            assertThat(x.badInput()).isFalse();
            assertThat(x.message()).contains("待立案");
            assertThat(x.article()).isNotBlank();
        });
    }

    @Test
    void a_step_dated_before_the_previous_one_is_refused() {
        assertThat(notified().attempt(Step.WAIVE, on(9, 18)))
                .get()
                .extracting(Refusal::field)
                .isEqualTo("on");
    }

    @Test
    void only_a_legal_reviewer_approves_a_review() {
        assertThat(ProcedurePolicy.available(Stage.IN_REVIEW, Set.of(Role.ENFORCEMENT_OFFICER)))
                .doesNotContain(Step.APPROVE_REVIEW);
        assertThat(ProcedurePolicy.available(Stage.IN_REVIEW, Set.of(Role.LEGAL_REVIEWER)))
                .contains(Step.APPROVE_REVIEW, Step.RETURN_REVIEW);
    }
}
