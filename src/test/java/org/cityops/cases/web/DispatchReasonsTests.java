package org.cityops.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.cityops.cases.internal.DispatchPreviews.CategoryScope;
import org.cityops.cases.internal.DispatchPreviews.Preview;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class DispatchReasonsTests {

    private final DispatchReasons reasons = new DispatchReasons(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages/cases");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private static Preview preview(CategoryScope scope, String category, String area, String note) {
        return new Preview(true, 3L, "CG-HW", "市环卫处", 9L, scope, category, area, note);
    }

    @Test
    void aRuleForOneCategoryInTheWholeCityIsSaidInChinese() {
        assertThat(reasons.text(preview(CategoryScope.CATEGORY, "暴露垃圾", null, "环卫类：市环卫处"), Locale.CHINA))
                .isEqualTo("（规则 #9：暴露垃圾 · 全市；环卫类：市环卫处）");
    }

    @Test
    void theSameRuleIsSaidInEnglishWithTheDataAsWritten() {
        assertThat(reasons.text(preview(CategoryScope.CATEGORY, "暴露垃圾", null, "环卫类：市环卫处"), Locale.ENGLISH))
                .isEqualTo("(rule #9: 暴露垃圾 · whole city; 环卫类：市环卫处)");
    }

    @Test
    void aRuleForAMajorClassInADistrictNamesTheClassAndTheDistrictInEitherLanguage() {
        Preview p = preview(CategoryScope.MAJOR, "市容环境", "天宁区", null);
        assertThat(reasons.text(p, Locale.CHINA)).isEqualTo("（规则 #9：大类「市容环境」 · 天宁区）");
        assertThat(reasons.text(p, Locale.ENGLISH)).isEqualTo("(rule #9: major class “市容环境” · 天宁区)");
    }

    @Test
    void aRuleForEveryCategoryIsSaidWithoutAnEnglishCodeInChinese() {
        Preview p = preview(CategoryScope.ALL, null, null, " ");
        assertThat(reasons.text(p, Locale.CHINA)).isEqualTo("（规则 #9：全部类别 · 全市）");
        assertThat(reasons.text(p, Locale.ENGLISH)).isEqualTo("(rule #9: all categories · whole city)");
    }

    @Test
    void aRuleNumberIsNotGroupedLikeAnAmount() {
        Preview p = new Preview(true, 3L, "CG-HW", "市环卫处", 12345L, CategoryScope.ALL, null, null, null);
        assertThat(reasons.text(p, Locale.ENGLISH)).contains("#12345");
    }

    @Test
    void noMatchSaysNothing() {
        assertThat(reasons.text(new Preview(false, null, null, null, null, null, null, null, null), Locale.CHINA))
                .isNull();
    }
}
