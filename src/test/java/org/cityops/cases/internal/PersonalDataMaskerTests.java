package org.cityops.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTests {

    private static String mask(String s) {
        return PersonalDataMasker.mask(s);
    }

    @Test
    void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(mask("联系人13912345678请回电")).isEqualTo("联系人139****5678请回电");
        assertThat(mask("电话：139 1234 5678")).isEqualTo("电话：139****5678");
        assertThat(mask("电话 139-1234-5678。")).isEqualTo("电话 139****5678。");
        assertThat(mask("+86 13912345678")).isEqualTo("+86 139****5678");
        assertThat(mask("8613912345678")).isEqualTo("86139****5678");
    }

    @Test
    void fullWidthDigitsAreMaskedToo() {
        assertThat(mask("手机１３９１２３４５６７８")).isEqualTo("手机１３９****５６７８");
    }

    @Test
    void aLandlineKeepsItsAreaCodeAndLastFourDigits() {
        assertThat(mask("座机0519-85681234")).isEqualTo("座机0519-****1234");
        assertThat(mask("(0519)85681234")).isEqualTo("(0519)****1234");
        assertThat(mask("025 8568123")).isEqualTo("025 ****8123");
        assertThat(mask("家里电话85681234")).isEqualTo("家里电话****1234");
        assertThat(mask("电话8568123")).isEqualTo("电话****8123");
    }

    @Test
    void anEighteenDigitIdNumberKeepsItsFirstThreeAndLastFourCharacters() {
        assertThat(mask("身份证32040219800101123X")).isEqualTo("身份证320***********123X");
        assertThat(mask("身份证号 320402198001011234 。")).isEqualTo("身份证号 320***********1234 。");
    }

    @Test
    void otherNumbersAreLeftAlone() {
        String text = "案卷2026112700012，网格320402001001001，门牌128号，共3处，面积12.5平方米，11月27日，热线12319，"
                + "编号79e114b7-f74f-49ea-85cd-5af98784007d";
        assertThat(mask(text)).isEqualTo(text);
        assertThat(mask("")).isEmpty();
        assertThat(mask(null)).isNull();
    }

    @Test
    void severalNumbersInOneTextAreAllMasked() {
        assertThat(mask("张先生13912345678，李女士15800001111，身份证320402198001011234"))
                .isEqualTo("张先生139****5678，李女士158****1111，身份证320***********1234");
    }
}
