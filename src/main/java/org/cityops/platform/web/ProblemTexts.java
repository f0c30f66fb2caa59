package org.cityops.platform.web;

import java.util.Locale;
import org.cityops.platform.Bilingual;
import org.cityops.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says a failure in the caller's language (zh → Chinese, en → English; the locale of the request): a domain
 * failure by its message key, or else by its "中文 English" text ({@link Bilingual}); a field by its label
 * ({@code field.<name>} in messages*.properties, else the name itself).
 */
@Component
public class ProblemTexts {

    private final MessageSource messages;

    public ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The message of a domain failure in the caller's language. */
    public String of(DomainException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String fallback = Bilingual.pick(e.getMessage(), locale);
        if (e.messageKey() == null) {
            return fallback;
        }
        Object[] args = e.args().stream()
                .map(a -> a instanceof DomainException.MessageArg m
                        ? messages.getMessage(m.code(), null, m.fallback(), locale)
                        : a)
                .toArray();
        return messages.getMessage(e.messageKey(), args, fallback, locale);
    }

    /** A message of the platform's own, e.g. {@code problem.notFound}, in the caller's language. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /**
     * The label of an input field, e.g. {@code categoryCode} → 问题类别; a nested path by its last part
     * ({@code items[0].name} → 名称). Unknown fields are shown by their name.
     */
    public String label(String field) {
        if (field == null) {
            return null;
        }
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        return messages.getMessage("field." + last, null, last, LocaleContextHolder.getLocale());
    }

    /** A constraint's message for a field, "label：message", its message in the caller's language. */
    public String forField(String field, String message) {
        String text = Bilingual.pick(message, LocaleContextHolder.getLocale());
        return field == null ? text : text("problem.field", label(field), text);
    }
}
