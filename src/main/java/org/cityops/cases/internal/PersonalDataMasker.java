package org.cityops.cases.internal;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text the platform publishes (Open311 descriptions, the public lookup): mainland mobile
 * numbers ({@code 13912345678} → {@code 139****5678}, also with {@code +86} and spaces or hyphens), landline
 * numbers with an area code ({@code 0519-85681234} → {@code 0519-****1234}), bare 7–8 digit local numbers
 * ({@code 85681234} → {@code ****1234}) and 18-digit resident ID numbers ({@code 32040219800101123X} →
 * {@code 320***********123X}). Full-width digits count as digits. A digit run longer than the pattern is left
 * alone (a 13-digit case number, a 15-digit grid code), and so is a landline-like run glued to Latin letters (a hex
 * id such as a UUID); otherwise the masker errs on the side of masking (a date written as eight digits) rather
 * than leaving a number readable. Pure function, no Spring.
 */
public final class PersonalDataMasker {

    private static final String D = "[0-9０-９]";
    private static final String NOT_BEFORE = "(?<![0-9０-９])";
    private static final String NOT_AFTER = "(?![0-9０-９])";
    /** The generic patterns (landline, bare local number) also need no Latin letter beside them (hex ids, codes). */
    private static final String NOT_BEFORE_WORD = "(?<![0-9０-９A-Za-z])";

    private static final String NOT_AFTER_WORD = "(?![0-9０-９A-Za-z])";

    private record Rule(Pattern pattern, Function<Matcher, String> replace) {}

    private static final List<Rule> RULES = List.of(
            // 18-digit resident ID (last character may be X)
            new Rule(
                    Pattern.compile(
                            NOT_BEFORE + "(" + D + "{3})(" + D + "{11})(" + D + "{3}[0-9０-９Xx])" + "(?![0-9０-９Xx])"),
                    m -> m.group(1) + "*".repeat(11) + m.group(3)),
            // mobile: optional +86/86, 1[3-9]x xxxx xxxx with optional single spaces or hyphens
            new Rule(
                    Pattern.compile(NOT_BEFORE + "((?:\\+?86[ -]?)?[1１][3-9３-９]" + D + ")[ -]?(" + D + "{4})[ -]?(" + D
                            + "{4})" + NOT_AFTER),
                    m -> m.group(1) + "****" + m.group(3)),
            // landline with area code: 0xx(x) then 7–8 digits, optional separator or parentheses
            new Rule(
                    Pattern.compile(NOT_BEFORE_WORD + "([(（]?[0０]" + D + "{2,3}[)）]?[ -]?)(" + D + "{3,4})(" + D
                            + "{4})" + NOT_AFTER_WORD),
                    m -> m.group(1) + "****" + m.group(3)),
            // bare local number: 7–8 digits not starting with 0 or 1
            new Rule(
                    Pattern.compile(NOT_BEFORE_WORD + "([2-9２-９]" + D + "{2,3})(" + D + "{4})" + NOT_AFTER_WORD),
                    m -> "****" + m.group(2)));

    private PersonalDataMasker() {}

    /** The text with every phone and ID number masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            StringBuilder sb = new StringBuilder(out.length());
            boolean any = false;
            while (m.find()) {
                any = true;
                m.appendReplacement(sb, Matcher.quoteReplacement(rule.replace().apply(m)));
            }
            if (any) {
                m.appendTail(sb);
                out = sb.toString();
            }
        }
        return out;
    }
}
