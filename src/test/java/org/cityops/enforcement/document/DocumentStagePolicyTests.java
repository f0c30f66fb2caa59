package org.cityops.enforcement.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.cityops.enforcement.procedure.Refusal;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.enforcement.procedure.Step;
import org.junit.jupiter.api.Test;

/** Each 文书 is drafted only at the procedure stages where the law puts it, or as the record of a step taken. */
class DocumentStagePolicyTests {

    static final Refusal STATEMENT_RUNS =
            new Refusal("《行政处罚法》第四十五条、第六十二条", "陈述申辩期限未届满 the statement period runs", null, false);

    static DocumentStagePolicy.CaseState at(Stage stage, Step... taken) {
        return state(stage, false, Optional.empty(), taken);
    }

    static DocumentStagePolicy.CaseState state(
            Stage stage, boolean hearing, Optional<Refusal> decision, Step... taken) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        steps.addAll(java.util.List.of(taken));
        return new DocumentStagePolicy.CaseState(stage, steps, hearing, decision);
    }

    static Optional<Refusal> check(DocumentType type, DocumentStagePolicy.CaseState s) {
        return DocumentStagePolicy.check(type, s);
    }

    @Test
    void the_prior_notice_comes_only_after_filing_and_before_the_decision() {
        Optional<Refusal> before = check(DocumentType.PRIOR_NOTICE, at(Stage.PENDING_FILING));
        assertThat(before).isPresent();
        assertThat(before.get().article()).isEqualTo("《行政处罚法》第四十四条");
        assertThat(before.get().text()).contains("待立案").contains("行政处罚事先告知书");
        assertThat(check(DocumentType.PRIOR_NOTICE, at(Stage.INVESTIGATING, Step.FILE)))
                .isEmpty();
        assertThat(check(DocumentType.PRIOR_NOTICE, at(Stage.NOTIFIED, Step.FILE, Step.NOTIFY)))
                .isEmpty();
    }

    @Test
    void a_case_that_ended_without_notice_gets_no_prior_notice_but_one_that_was_notified_may_have_it_made_later() {
        assertThat(check(DocumentType.PRIOR_NOTICE, at(Stage.NOT_PUNISHED, Step.FILE, Step.NOT_PUNISH)))
                .isPresent();
        assertThat(check(
                        DocumentType.PRIOR_NOTICE,
                        at(
                                Stage.CLOSED,
                                Step.FILE,
                                Step.NOTIFY,
                                Step.WAIVE,
                                Step.DECIDE,
                                Step.SERVE,
                                Step.PAY,
                                Step.CLOSE)))
                .isEmpty();
    }

    @Test
    void the_decision_waits_for_the_statement_window_and_names_the_procedures_article() {
        Optional<Refusal> r = check(
                DocumentType.DECISION,
                state(Stage.NOTIFIED, false, Optional.of(STATEMENT_RUNS), Step.FILE, Step.NOTIFY));
        assertThat(r).isPresent();
        assertThat(r.get().article()).isEqualTo("《行政处罚法》第四十五条、第六十二条");
        assertThat(r.get().message()).contains("已告知").contains("行政处罚决定书");
        assertThat(check(
                        DocumentType.DECISION,
                        state(Stage.NOTIFIED, false, Optional.empty(), Step.FILE, Step.NOTIFY, Step.WAIVE)))
                .isEmpty();
    }

    @Test
    void no_decision_is_drafted_while_investigating_nor_for_a_withdrawn_case() {
        assertThat(check(DocumentType.DECISION, at(Stage.INVESTIGATING, Step.FILE)))
                .isPresent();
        assertThat(check(DocumentType.DECISION, at(Stage.WITHDRAWN, Step.FILE, Step.WITHDRAW)))
                .isPresent();
        assertThat(check(DocumentType.DECISION, at(Stage.DECIDED, Step.FILE, Step.NOTIFY, Step.DECIDE)))
                .isEmpty();
    }

    @Test
    void a_hearing_notice_needs_a_penalty_that_carries_a_hearing_right() {
        Optional<Refusal> none = check(DocumentType.HEARING_NOTICE, at(Stage.NOTIFIED, Step.FILE, Step.NOTIFY));
        assertThat(none).isPresent();
        assertThat(none.get().article()).isEqualTo("《行政处罚法》第六十三条、第六十四条");
        assertThat(check(
                        DocumentType.HEARING_NOTICE,
                        state(Stage.NOTIFIED, true, Optional.empty(), Step.FILE, Step.NOTIFY)))
                .isEmpty();
        assertThat(check(DocumentType.HEARING_NOTICE, state(Stage.INVESTIGATING, true, Optional.empty(), Step.FILE)))
                .isPresent();
    }

    @Test
    void the_filing_approval_precedes_filing_and_records_it_afterwards_but_not_for_a_case_never_filed() {
        assertThat(check(DocumentType.FILING_APPROVAL, at(Stage.PENDING_FILING)))
                .isEmpty();
        assertThat(check(DocumentType.FILING_APPROVAL, at(Stage.INVESTIGATING, Step.FILE)))
                .isEmpty();
        assertThat(check(DocumentType.FILING_APPROVAL, at(Stage.TRANSFERRED, Step.TRANSFER)))
                .isPresent();
    }

    @Test
    void records_of_the_investigation_end_with_the_decision_unless_the_case_was_filed() {
        assertThat(check(DocumentType.INQUIRY, at(Stage.PENDING_FILING))).isEmpty();
        assertThat(check(DocumentType.SITE_INSPECTION, at(Stage.REVIEWED, Step.FILE)))
                .isEmpty();
        assertThat(check(DocumentType.INQUIRY, at(Stage.TRANSFERRED, Step.TRANSFER)))
                .isPresent();
    }

    @Test
    void a_rectification_order_is_issued_between_discovery_and_the_end_of_the_case() {
        assertThat(check(DocumentType.RECTIFICATION_ORDER, at(Stage.PENDING_FILING)))
                .isEmpty();
        assertThat(check(DocumentType.RECTIFICATION_ORDER, at(Stage.SERVED, Step.FILE, Step.DECIDE, Step.SERVE)))
                .isEmpty();
        Optional<Refusal> closed = check(DocumentType.RECTIFICATION_ORDER, at(Stage.CLOSED, Step.FILE, Step.CLOSE));
        assertThat(closed).isPresent();
        assertThat(closed.get().article()).isEqualTo("《行政处罚法》第二十八条第一款");
    }

    @Test
    void a_service_receipt_needs_a_notice_or_a_decision_to_serve() {
        assertThat(check(DocumentType.SERVICE_RECEIPT, at(Stage.INVESTIGATING, Step.FILE)))
                .isPresent();
        assertThat(check(DocumentType.SERVICE_RECEIPT, at(Stage.NOTIFIED, Step.FILE, Step.NOTIFY)))
                .isEmpty();
    }

    @Test
    void the_closing_approval_comes_when_the_penalty_is_performed_or_the_case_ended_otherwise() {
        assertThat(check(DocumentType.CLOSING_APPROVAL, at(Stage.SERVED, Step.FILE, Step.DECIDE, Step.SERVE)))
                .isPresent();
        assertThat(check(DocumentType.CLOSING_APPROVAL, at(Stage.PERFORMED, Step.FILE, Step.DECIDE, Step.PAY)))
                .isEmpty();
        assertThat(check(DocumentType.CLOSING_APPROVAL, at(Stage.WITHDRAWN, Step.FILE, Step.WITHDRAW)))
                .isEmpty();
    }

    @Test
    void what_may_be_drafted_now_is_what_the_page_offers() {
        assertThat(DocumentStagePolicy.allowed(at(Stage.PENDING_FILING)))
                .containsExactly(
                        DocumentType.FILING_APPROVAL,
                        DocumentType.SITE_INSPECTION,
                        DocumentType.INQUIRY,
                        DocumentType.RECTIFICATION_ORDER);
    }

    @Test
    void every_case_document_type_has_a_rule_with_an_article_and_structure_documents_have_none_here() {
        for (DocumentType t : DocumentType.values()) {
            boolean caseDoc = t.owner() == DocumentType.Owner.CASE;
            assertThat(DocumentStagePolicy.rules().containsKey(t)).as(t.name()).isEqualTo(caseDoc);
            if (caseDoc) {
                assertThat(DocumentStagePolicy.rules().get(t).article()).startsWith("《行政处罚法》");
            }
        }
    }
}
