package org.cityops.enforcement.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalChainTests {

    @Test
    void only_an_enforcement_officer_drafts_and_so_signs_as_handler() {
        assertThat(ApprovalChain.mayDraft(Set.of("ENFORCEMENT_OFFICER"))).isEmpty();
        assertThat(ApprovalChain.mayDraft(Set.of("LEADER")))
                .get()
                .extracting(ApprovalChain.Refusal::forbidden)
                .isEqualTo(true);
        assertThat(ApprovalChain.mayDraft(Set.of("ADMIN"))).isPresent();
    }

    @Test
    void the_department_level_is_a_legal_reviewer_or_a_leader() {
        assertThat(ApprovalChain.maySign(
                        ApprovalLevel.DEPARTMENT, "legal1", Set.of("LEGAL_REVIEWER"), true, List.of("e")))
                .isEmpty();
        assertThat(ApprovalChain.maySign(ApprovalLevel.DEPARTMENT, "l", Set.of("LEADER"), false, List.of("e")))
                .isEmpty();
        assertThat(ApprovalChain.maySign(
                        ApprovalLevel.DEPARTMENT, "e2", Set.of("ENFORCEMENT_OFFICER"), true, List.of("e")))
                .get()
                .extracting(ApprovalChain.Refusal::forbidden)
                .isEqualTo(true);
    }

    @Test
    void the_deputy_level_is_a_city_wide_leader() {
        assertThat(ApprovalChain.maySign(
                        ApprovalLevel.DEPUTY, "leader1", Set.of("LEADER"), true, List.of("e", "legal1")))
                .isEmpty();
        assertThat(ApprovalChain.maySign(ApprovalLevel.DEPUTY, "d", Set.of("LEADER"), false, List.of("e", "legal1")))
                .isPresent();
        assertThat(ApprovalChain.maySign(ApprovalLevel.DEPUTY, "legal1", Set.of("LEGAL_REVIEWER"), true, List.of("e")))
                .isPresent();
    }

    @Test
    void nobody_signs_two_levels_of_one_document() {
        var refusal = ApprovalChain.maySign(
                ApprovalLevel.DEPUTY, "leader1", Set.of("LEADER"), true, List.of("enforce1", "leader1"));
        assertThat(refusal).get().extracting(ApprovalChain.Refusal::forbidden).isEqualTo(false);
    }

    @Test
    void a_document_past_its_chain_takes_no_signature() {
        assertThat(ApprovalChain.maySign(null, "leader1", Set.of("LEADER"), true, List.of()))
                .isPresent();
    }
}
