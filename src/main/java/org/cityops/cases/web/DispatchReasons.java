package org.cityops.cases.web;

import java.util.Locale;
import org.cityops.cases.internal.DispatchPreviews.Preview;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says why 按派遣规则 sends a case where it does, in the reader's language: "（规则 #9：暴露垃圾 · 全市；环卫类）" in
 * Chinese, "(rule #9: 暴露垃圾 · whole city; 环卫类)" in English. The category, area and note are data and stay as
 * written; the frame around them comes from the cases.routing.* message keys. Used by the case page's template
 * ({@code @dispatchReasons.text(preview, #locale)}).
 */
@Component
public class DispatchReasons {

    private final MessageSource messages;

    DispatchReasons(MessageSource messages) {
        this.messages = messages;
    }

    /** The rule that matched, in brackets; null when no rule matched. */
    public String text(Preview p, Locale locale) {
        if (p == null || !p.matched()) {
            return null;
        }
        String category = switch (p.categoryScope()) {
            case ALL -> messages.getMessage("cases.routing.anyCategory", null, locale);
            case MAJOR -> messages.getMessage("cases.routing.major", new Object[] {p.categoryName()}, locale);
            case CATEGORY -> p.categoryName();
        };
        String area =
                p.areaName() == null ? messages.getMessage("cases.routing.wholeCity", null, locale) : p.areaName();
        String rule = messages.getMessage(
                "cases.routing.rule", new Object[] {String.valueOf(p.ruleId()), category, area}, locale);
        if (p.note() != null && !p.note().isBlank()) {
            rule = messages.getMessage("cases.routing.ruleNote", new Object[] {rule, p.note()}, locale);
        }
        return messages.getMessage("cases.routing.why", new Object[] {rule}, locale);
    }
}
