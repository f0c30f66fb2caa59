package org.cityops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class BilingualTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void theChineseLocaleGetsTheChinesePartAndTheEnglishLocaleTheEnglishPart() {
        String m = "问题已销号 the problem is already signed off";
        assertThat(Bilingual.pick(m, ZH)).isEqualTo("问题已销号");
        assertThat(Bilingual.pick(m, EN)).isEqualTo("the problem is already signed off");
    }

    @Test
    void latinWordsInsideTheChinesePartStayInIt() {
        String m = "请选择 GeoJSON 文件 choose a GeoJSON file";
        assertThat(Bilingual.pick(m, ZH)).isEqualTo("请选择 GeoJSON 文件");
        assertThat(Bilingual.pick(m, EN)).isEqualTo("choose a GeoJSON file");
    }

    @Test
    void fullWidthPunctuationEndsTheChinesePart() {
        String m = "缺少种类（部件/事件） kind is required (COMPONENT or EVENT)";
        assertThat(Bilingual.pick(m, ZH)).isEqualTo("缺少种类（部件/事件）");
        assertThat(Bilingual.pick(m, EN)).isEqualTo("kind is required (COMPONENT or EVENT)");
    }

    @Test
    void chineseValuesInsideTheEnglishPartSplitAtTheFirstBoundary() {
        String m = "状态应为 启用 或 停用 status: 启用 or 停用";
        assertThat(Bilingual.pick(m, ZH)).isEqualTo("状态应为 启用 或 停用");
        assertThat(Bilingual.pick(m, EN)).isEqualTo("status: 启用 or 停用");
    }

    @Test
    void aMessageInOneLanguageIsShownWholeInBoth() {
        assertThat(Bilingual.pick("查询过于频繁，请稍后再试", EN)).isEqualTo("查询过于频繁，请稍后再试");
        assertThat(Bilingual.pick("bbox must be numbers", ZH)).isEqualTo("bbox must be numbers");
        assertThat(Bilingual.pick("车牌颜色应为 0-5 或 9", ZH)).isEqualTo("车牌颜色应为 0-5 或 9");
    }

    @Test
    void aLatinWordBeforeTheChinesePartIsKept() {
        String m = "accept 必填 accept required";
        assertThat(Bilingual.pick(m, ZH)).isEqualTo("accept 必填");
        assertThat(Bilingual.pick(m, EN)).isEqualTo("accept required");
    }
}
