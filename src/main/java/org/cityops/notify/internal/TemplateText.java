package org.cityops.notify.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityops.notify.NoticeKind;
import org.cityops.platform.InvalidInputException;

/** The words of a notice: {@code {name}} placeholders filled from the notice's values (no Spring, no database). */
public final class TemplateText {

    static final int MAX_LENGTH = 1000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private TemplateText() {}

    /** The placeholders a template uses, in order of first use. */
    public static Set<String> placeholdersOf(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * Refuses a template that is blank, too long, or uses a placeholder the kind does not offer (the message names
     * it and lists the allowed ones).
     */
    public static String checked(NoticeKind kind, String template) {
        if (template == null || template.isBlank()) {
            throw new InvalidInputException("模板内容不能为空", "body");
        }
        String body = template.strip();
        if (body.length() > MAX_LENGTH) {
            throw new InvalidInputException("模板内容不能超过" + MAX_LENGTH + "个字符", "body");
        }
        List<String> unknown = new ArrayList<>();
        for (String p : placeholdersOf(body)) {
            if (!kind.placeholders().contains(p)) {
                unknown.add("{" + p + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    "模板使用了不允许的占位符 " + String.join("、", unknown) + "；可用：{" + String.join("}、{", kind.placeholders())
                            + "}",
                    "body");
        }
        return body;
    }

    /**
     * Refuses a notice whose values miss a placeholder of its kind's default template (the message names it): the
     * check does not depend on what ADMIN has made of the words.
     */
    public static void requireValues(NoticeKind kind, Map<String, String> values) {
        for (String p : placeholdersOf(kind.defaultTemplate())) {
            if (values.get(p) == null) {
                throw new InvalidInputException("通知缺少占位符 {" + p + "} 的值", "values");
            }
        }
    }

    /**
     * Fills the template; a placeholder without a value becomes empty (ADMIN may use any placeholder the kind
     * offers, and a trigger need not supply the optional ones). A value's own braces are kept as typed.
     */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
