package org.cityops.audit.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says an audit entry's codes in the reader's language: object type ({@code audit.type.CASE} → 案件), action
 * ({@code audit.action.DISPATCH} → 派遣; a case step by its own label {@code cases.action.*}), role
 * ({@code org.role.ADMIN} → 管理员, several separated by commas). The stored codes are what the hash chain covers; only
 * their display is translated. A code without a label is shown as recorded (the browser sweep catches it).
 */
@Component("auditLabels")
public class AuditLabels {

    private final MessageSource messages;

    AuditLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String type(String code) {
        return first(code, "audit.type.");
    }

    /** The action of an entry on an object of {@code type}: a case step by the case's own step label. */
    public String action(String type, String code) {
        return "CASE".equals(type)
                ? first(code, "cases.action.", "audit.action.")
                : first(code, "audit.action." + type + ".", "audit.action.");
    }

    public String role(String codes) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        return Arrays.stream(codes.split(","))
                .map(String::strip)
                .map(c -> first(c, "org.role.", "audit.role."))
                .collect(Collectors.joining("、"));
    }

    private String first(String code, String... prefixes) {
        if (code == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        for (String prefix : prefixes) {
            String label = messages.getMessage(prefix + code, null, null, locale);
            if (label != null) {
                return label;
            }
        }
        return code;
    }
}
