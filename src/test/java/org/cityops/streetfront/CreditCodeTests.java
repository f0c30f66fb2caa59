package org.cityops.streetfront;

import static org.assertj.core.api.Assertions.assertThat;

import org.cityops.streetfront.party.CreditCode;
import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void published_codes_of_real_companies_pass_the_check() {
        assertThat(CreditCode.valid("91330100716105852F")).isTrue();
        assertThat(CreditCode.valid("9144030071526726XG")).isTrue();
        assertThat(CreditCode.valid(" 9144030071526726xg ")).isTrue();
    }

    @Test
    void a_code_with_one_character_changed_fails_on_its_check_character() {
        assertThat(CreditCode.problem("91330100716105853F")).contains("校验位");
        assertThat(CreditCode.problem("91330100716105852G")).contains("expected F");
    }

    @Test
    void letters_outside_the_code_set_and_wrong_lengths_are_refused() {
        assertThat(CreditCode.problem("91330100716105852")).contains("18");
        assertThat(CreditCode.problem("9133010071610585OF")).contains("character 17");
        assertThat(CreditCode.problem("91A30100716105852F")).contains("area code");
        assertThat(CreditCode.problem(null)).contains("required");
    }

    @Test
    void the_check_character_makes_any_seventeen_characters_a_valid_code() {
        String first = "92320402MA1000001";
        assertThat(CreditCode.valid(first + CreditCode.checkChar(first))).isTrue();
    }
}
