package org.cityops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 统一社会信用代码: published codes of real organisations pass, altered ones fail and say why. */
class CreditCodeTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91440300708461136T", // 深圳市腾讯计算机系统有限公司
                "91330100716105852F", // 阿里巴巴（中国）有限公司
                "914403001922038216", // 华为技术有限公司 (check character 6)
                "91110000802100433B", // 中国石油天然气股份有限公司
                "9144030071526726XG",
                "12100000400000624D" // 事业单位 (registration authority 1, category 2)
            })
    void published_codes_of_real_organisations_are_valid(String code) {
        assertThat(CreditCode.problem(code)).isNull();
    }

    @Test
    void a_code_in_lower_case_or_with_spaces_around_is_read_as_upper_case() {
        assertThat(CreditCode.valid("91440300708461136t")).isTrue();
        assertThat(CreditCode.valid(" 9144030071526726xg ")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91440300708461136X", "91330100716105852E", "914403001922038217", "91330100716105853F"})
    void a_wrong_check_character_is_refused(String code) {
        assertThat(CreditCode.problem(code)).contains("校验码");
    }

    @Test
    void the_refusal_names_the_expected_check_character() {
        assertThat(CreditCode.problem("91330100716105852G")).contains("expected F");
    }

    @Test
    void letters_outside_the_31_character_set_are_refused_with_their_position() {
        // I, O, S, V and Z are not used (they look like 1, 0, 5, U and 2)
        assertThat(CreditCode.problem("91440300708461I36T")).contains("非法字符").contains("character 15");
        assertThat(CreditCode.problem("9133010071610585OF")).contains("character 17");
    }

    @Test
    void characters_three_to_eight_must_be_an_area_code() {
        assertThat(CreditCode.problem("91A30100716105852F")).contains("area code");
    }

    @Test
    void a_missing_code_or_one_of_the_wrong_length_is_refused() {
        assertThat(CreditCode.problem("9144030070846113")).contains("18");
        assertThat(CreditCode.problem("")).contains("必填");
        assertThat(CreditCode.problem(null)).contains("required");
    }

    @Test
    void the_check_character_is_computed_from_the_first_17() {
        assertThat(CreditCode.checkChar("91440300708461136")).isEqualTo('T');
        assertThat(CreditCode.checkChar("91330100716105852")).isEqualTo('F');
        String generated = "92320402MA1000001";
        assertThat(CreditCode.valid(generated + CreditCode.checkChar(generated)))
                .isTrue();
    }
}
