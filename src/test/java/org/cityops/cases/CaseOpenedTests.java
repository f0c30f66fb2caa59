package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A requester recognises the answers meant for it by module and reference, and nothing else. */
class CaseOpenedTests {

    static CaseOpened answer(String module, String ref) {
        return new CaseOpened(module, ref, 7L, "C2026000007", null);
    }

    @Test
    void an_answer_to_the_module_with_its_prefix_gives_the_id() {
        assertThat(answer("sanitation", "stop-missed:42").refId("sanitation", "stop-missed:"))
                .hasValue(42);
        assertThat(answer("muck", "42").refId("muck", "")).hasValue(42);
    }

    @Test
    void an_answer_to_another_module_or_prefix_or_without_a_number_is_not_ours() {
        assertThat(answer("muck", "42").refId("sanitation", "")).isEmpty();
        assertThat(answer("sanitation", "segment:42").refId("sanitation", "stop-missed:"))
                .isEmpty();
        assertThat(answer("sanitation", "stop-missed:x").refId("sanitation", "stop-missed:"))
                .isEmpty();
        assertThat(answer("sanitation", null).refId("sanitation", "")).isEmpty();
    }

    @Test
    void a_failure_is_cut_to_the_column_and_an_opened_case_has_none() {
        assertThat(new CaseOpened("muck", "1", null, null, "类别不存在：99999").failure(5))
                .isEqualTo("类别不存在");
        assertThat(answer("muck", "1").failure(300)).isNull();
    }
}
