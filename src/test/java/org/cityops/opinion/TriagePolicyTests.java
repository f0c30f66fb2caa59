package org.cityops.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import org.cityops.opinion.item.OpinionStatus;
import org.cityops.opinion.item.TriageAction;
import org.cityops.opinion.item.TriagePolicy;
import org.cityops.opinion.item.TriagePolicy.Party;
import org.cityops.opinion.item.TriagePolicy.Verdict;
import org.junit.jupiter.api.Test;

/** The triage rules of a 舆情 item, one by one; a refusal says why. */
class TriagePolicyTests {

    static Verdict decide(OpinionStatus from, TriageAction action, Party who) {
        return TriagePolicy.decide(from, action, who);
    }

    @Test
    void the_duty_officer_dismisses_a_new_item() {
        assertThat(decide(OpinionStatus.NEW, TriageAction.DISMISS, Party.OFFICER)
                        .next())
                .isEqualTo(OpinionStatus.DISMISSED);
    }

    @Test
    void a_forwarded_item_can_no_longer_be_dismissed_and_the_refusal_names_the_status() {
        Verdict v = decide(OpinionStatus.FORWARDED, TriageAction.DISMISS, Party.OFFICER);
        assertThat(v.allowed()).isFalse();
        assertThat(v.reason()).contains("待研判").contains("已转办");
    }

    @Test
    void only_the_duty_officer_forwards_and_a_handler_is_told_so() {
        Verdict v = decide(OpinionStatus.NEW, TriageAction.FORWARD, Party.UNIT);
        assertThat(v.allowed()).isFalse();
        assertThat(v.reason()).contains("舆情值班员");
        assertThat(decide(OpinionStatus.NEW, TriageAction.FORWARD, Party.OFFICER)
                        .next())
                .isEqualTo(OpinionStatus.FORWARDED);
    }

    @Test
    void only_the_unit_it_was_forwarded_to_replies_also_after_the_deadline() {
        assertThat(decide(OpinionStatus.FORWARDED, TriageAction.REPLY, Party.UNIT)
                        .next())
                .isEqualTo(OpinionStatus.REPLIED);
        assertThat(decide(OpinionStatus.OVERDUE, TriageAction.REPLY, Party.UNIT).next())
                .isEqualTo(OpinionStatus.REPLIED);
        Verdict officer = decide(OpinionStatus.FORWARDED, TriageAction.REPLY, Party.OFFICER);
        assertThat(officer.allowed()).isFalse();
        assertThat(officer.reason()).contains("被转办单位");
        assertThat(decide(OpinionStatus.FORWARDED, TriageAction.REPLY, Party.OTHER)
                        .allowed())
                .isFalse();
    }

    @Test
    void a_reply_is_given_once() {
        assertThat(decide(OpinionStatus.REPLIED, TriageAction.REPLY, Party.UNIT).allowed())
                .isFalse();
    }

    @Test
    void only_the_platform_escalates_and_only_an_item_waiting_for_its_reply() {
        assertThat(decide(OpinionStatus.FORWARDED, TriageAction.ESCALATE, Party.SYSTEM)
                        .next())
                .isEqualTo(OpinionStatus.OVERDUE);
        assertThat(decide(OpinionStatus.OVERDUE, TriageAction.ESCALATE, Party.SYSTEM)
                        .allowed())
                .as("once per forwarding")
                .isFalse();
        assertThat(decide(OpinionStatus.REPLIED, TriageAction.ESCALATE, Party.SYSTEM)
                        .allowed())
                .isFalse();
        assertThat(decide(OpinionStatus.FORWARDED, TriageAction.ESCALATE, Party.OFFICER)
                        .allowed())
                .isFalse();
    }

    @Test
    void an_overdue_item_may_be_forwarded_again_or_sent_to_12319() {
        assertThat(decide(OpinionStatus.OVERDUE, TriageAction.FORWARD, Party.OFFICER)
                        .next())
                .isEqualTo(OpinionStatus.FORWARDED);
        assertThat(decide(OpinionStatus.OVERDUE, TriageAction.REQUEST_CASE, Party.OFFICER)
                        .next())
                .isEqualTo(OpinionStatus.CASE_REQUESTED);
    }

    @Test
    void a_case_is_asked_for_once_while_the_first_request_is_pending_or_opened() {
        assertThat(decide(OpinionStatus.NEW, TriageAction.REQUEST_CASE, Party.OFFICER)
                        .next())
                .isEqualTo(OpinionStatus.CASE_REQUESTED);
        assertThat(decide(OpinionStatus.CASE_REQUESTED, TriageAction.REQUEST_CASE, Party.OFFICER)
                        .allowed())
                .isFalse();
        assertThat(decide(OpinionStatus.CASE_OPENED, TriageAction.REQUEST_CASE, Party.OFFICER)
                        .allowed())
                .isFalse();
    }

    @Test
    void the_cases_answer_opens_or_returns_the_item_to_triage() {
        assertThat(decide(OpinionStatus.CASE_REQUESTED, TriageAction.CASE_OPENED, Party.SYSTEM)
                        .next())
                .isEqualTo(OpinionStatus.CASE_OPENED);
        assertThat(decide(OpinionStatus.CASE_REQUESTED, TriageAction.CASE_FAILED, Party.SYSTEM)
                        .next())
                .isEqualTo(OpinionStatus.NEW);
        assertThat(decide(OpinionStatus.CASE_OPENED, TriageAction.CASE_OPENED, Party.SYSTEM)
                        .allowed())
                .as("a replayed answer changes nothing")
                .isFalse();
    }

    @Test
    void nothing_happens_to_a_dismissed_item() {
        for (TriageAction a : TriageAction.values()) {
            for (Party p : Party.values()) {
                assertThat(decide(OpinionStatus.DISMISSED, a, p).allowed()).isFalse();
            }
        }
    }
}
