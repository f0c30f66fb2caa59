package org.cityops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class ProblemTextsTests {

    private final ProblemTexts texts = new ProblemTexts(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages/platform", "messages/cases");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static DomainException illegalDispatch() {
        return new ConflictException("状态为待核实的案卷不能派遣 illegal transition DISPATCH from PENDING_VERIFY", "action")
                .withKey(
                        "cases.error.illegalTransition",
                        new DomainException.MessageArg("cases.status.PENDING_VERIFY", "待核实"),
                        new DomainException.MessageArg("cases.action.DISPATCH", "派遣"));
    }

    @Test
    void aKeyedFailureIsSaidInChineseForZhWithItsArgumentsAsLabels() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.of(illegalDispatch())).isEqualTo("状态为待核实的案卷不能派遣");
    }

    @Test
    void aKeyedFailureIsSaidInEnglishForEnWithItsArgumentsAsEnglishLabels() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.of(illegalDispatch()))
                .isEqualTo("A case in status \"To verify\" cannot take the step \"Dispatch\"")
                .doesNotContain("DISPATCH", "PENDING_VERIFY");
    }

    @Test
    void anUnkeyedHouseStyleMessageShowsTheHalfOfTheCallersLanguage() {
        DomainException e = new InvalidInputException("缺少问题描述 description is required", "description");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.of(e)).isEqualTo("缺少问题描述");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.of(e)).isEqualTo("description is required");
    }

    @Test
    void aFieldIsNamedByItsLabelAndAnUnknownOneByItsName() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.forField("categoryCode", "不能为空")).isEqualTo("问题类别：不能为空");
        assertThat(texts.label("items[0].title")).isEqualTo("标题");
        assertThat(texts.label("somethingNew")).isEqualTo("somethingNew");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.forField("categoryCode", "must not be blank")).isEqualTo("category: must not be blank");
    }

    @Test
    void platformProblemsAreSaidPerLocale() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.text("problem.missingParam", texts.label("from"))).isEqualTo("缺少参数开始日期");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.text("problem.missingParam", texts.label("from"))).isEqualTo("missing parameter from");
    }
}
