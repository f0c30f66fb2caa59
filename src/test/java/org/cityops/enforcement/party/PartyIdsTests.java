package org.cityops.enforcement.party;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartyIdsTests {

    @Test
    void an_id_number_with_the_right_check_character_is_accepted_in_any_case() {
        assertThat(PartyIds.problem(PartyKind.PERSON, "11010519491231002x")).isEmpty();
    }

    @Test
    void an_id_number_with_a_wrong_check_character_or_shape_is_refused() {
        assertThat(PartyIds.problem(PartyKind.PERSON, "110105194912310021"))
                .get()
                .asString()
                .contains("GB 11643");
        assertThat(PartyIds.problem(PartyKind.PERSON, "1101051949")).isPresent();
        assertThat(PartyIds.problem(PartyKind.PERSON, " ")).get().asString().contains("公民身份号码");
    }

    @Test
    void a_credit_code_is_checked_by_its_mod_31_check_character() {
        assertThat(PartyIds.problem(PartyKind.UNIT, "91350100M000100Y43")).isEmpty();
        assertThat(PartyIds.problem(PartyKind.UNIT, "91350100M000100Y44"))
                .get()
                .asString()
                .contains("GB 32100");
        assertThat(PartyIds.problem(PartyKind.UNIT, "91350100I000100Y43")).isPresent(); // I is not in the set
    }

    @Test
    void a_persons_number_is_masked_in_lists_and_a_units_code_is_not() {
        assertThat(PartyIds.masked(PartyKind.PERSON, "11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(PartyIds.masked(PartyKind.UNIT, "91350100M000100Y43")).isEqualTo("91350100M000100Y43");
    }
}
