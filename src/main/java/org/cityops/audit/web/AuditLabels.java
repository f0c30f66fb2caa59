package org.cityops.audit.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
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
    private final List<String> typeCodes;

    AuditLabels(MessageSource messages) {
        this.messages = messages;
        this.typeCodes = typeCodes();
    }

    /** An object type the filter offers: its code (what is stored) and its label (what is shown). */
    public record TypeOption(String code, String label) {}

    /** Every object type with a label ({@code audit.type.*}), for the log's filter: chosen, not typed. */
    public List<TypeOption> types() {
        return typeCodes.stream().map(c -> new TypeOption(c, type(c))).toList();
    }

    /** The type codes named in messages/audit.properties, in the file's order of keys (sorted by code). */
    private static List<String> typeCodes() {
        Properties p = new Properties();
        InputStream in = AuditLabels.class.getResourceAsStream("/messages/audit.properties");
        if (in == null) {
            return List.of();
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("audit.type."))
                .map(k -> k.substring("audit.type.".length()))
                .sorted()
                .toList();
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
