package org.cityops.catalog.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityops.catalog.CategoryKind;
import org.cityops.platform.InvalidInputException;

/**
 * The catalogue's code formats. A category is keyed by standard + kind + code; its {@code qualifiedCode} is
 * one string a caller can type:
 * <ul>
 * <li>GB/T 47678.5 (the default standard): kind letter + 5-digit code, e.g. {@code E06010} (事项 暴露垃圾),
 * {@code C01001} (部件 供水井盖). {@code 47678:E:06010} is accepted as an alias.</li>
 * <li>GB/T 30428.2: {@code 30428:<letter>:<4 digits>}, e.g. {@code 30428:C:0101}.</li>
 * <li>local extensions: {@code LOCAL:<letter>:<1-12 letters/digits>}, e.g. {@code LOCAL:E:ZT01}.</li>
 * </ul>
 * The letter is {@code C} for 部件 (component) and {@code E} for 事件/事项 (event); input is case-insensitive.
 */
public final class CategoryCodes {

    public static final String GB47678 = "GB/T 47678.5";
    public static final String GB30428 = "GB/T 30428.2";
    public static final String LOCAL = "LOCAL";

    private static final Pattern SHORT = Pattern.compile("([CE])(\\d{5})");
    private static final Pattern LONG = Pattern.compile("(47678|30428|LOCAL):([CE]):([A-Z0-9]{1,12})");
    private static final Pattern MAJOR_SHORT = Pattern.compile("([CE])(\\d{2})\\*");
    private static final Pattern MAJOR_LONG = Pattern.compile("(47678|30428|LOCAL):([CE]):([A-Z0-9]{1,8})\\*");

    /** A parsed key: standard + kind + code (or major code, for a selector). */
    public record Key(String standard, CategoryKind kind, String code) {}

    private CategoryCodes() {}

    public static char letter(CategoryKind kind) {
        return kind == CategoryKind.COMPONENT ? 'C' : 'E';
    }

    public static CategoryKind kindOf(char letter) {
        return letter == 'C' ? CategoryKind.COMPONENT : CategoryKind.EVENT;
    }

    public static String qualified(String standard, CategoryKind kind, String code) {
        return switch (standard) {
            case GB47678 -> letter(kind) + code;
            case GB30428 -> "30428:" + letter(kind) + ":" + code;
            default -> "LOCAL:" + letter(kind) + ":" + code;
        };
    }

    /** The routing selector of a major category (大类), e.g. {@code E06*} or {@code 30428:E:01*}. */
    public static String majorSelector(String standard, CategoryKind kind, String majorCode) {
        return qualified(standard, kind, majorCode) + "*";
    }

    /** The canonical qualified code for what a caller typed, if it has a qualified form. */
    public static Optional<Key> parseQualified(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.trim().toUpperCase(Locale.ROOT);
        Matcher m = SHORT.matcher(s);
        if (m.matches()) {
            return Optional.of(new Key(GB47678, kindOf(m.group(1).charAt(0)), m.group(2)));
        }
        m = LONG.matcher(s);
        if (m.matches()) {
            Key key = new Key(standardOf(m.group(1)), kindOf(m.group(2).charAt(0)), m.group(3));
            return isValidCode(key.standard(), key.code()) ? Optional.of(key) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Normalizes a routing selector: {@code *}, a qualified code, or a major selector; else 400. */
    public static String normalizeSelector(String input) {
        String s = input == null ? "" : input.trim().toUpperCase(Locale.ROOT);
        if (s.equals("*")) {
            return s;
        }
        Matcher m = MAJOR_SHORT.matcher(s);
        if (m.matches()) {
            return s;
        }
        m = MAJOR_LONG.matcher(s);
        if (m.matches()) {
            String standard = standardOf(m.group(1));
            if (!standard.equals(LOCAL) && !m.group(3).matches("\\d{2}")) {
                throw badSelector(input);
            }
            return majorSelector(standard, kindOf(m.group(2).charAt(0)), m.group(3));
        }
        return parseQualified(s)
                .map(k -> qualified(k.standard(), k.kind(), k.code()))
                .orElseThrow(() -> badSelector(input));
    }

    private static InvalidInputException badSelector(String input) {
        return new InvalidInputException(
                "分类选择器不合法 invalid category selector '" + input
                        + "': use *, a major like E06* or 30428:E:01*, or a category code like E06010",
                "selector");
    }

    public static String standardOf(String tag) {
        return switch (tag) {
            case "47678" -> GB47678;
            case "30428" -> GB30428;
            default -> LOCAL;
        };
    }

    /** Normalizes a standard's name as typed (e.g. "47678", "GB/T 47678.5-2026", "local"); else 400. */
    public static String normalizeStandard(String input) {
        String s = input == null ? "" : input.trim().toUpperCase(Locale.ROOT);
        if (s.isEmpty() || s.contains("47678")) {
            return GB47678;
        }
        if (s.contains("30428")) {
            return GB30428;
        }
        if (s.equals(LOCAL) || s.equals("本地") || s.equals("扩展")) {
            return LOCAL;
        }
        throw new InvalidInputException(
                "未知标准 unknown standard '" + input + "': GB/T 47678.5, GB/T 30428.2 or LOCAL", "standard");
    }

    public static boolean isValidCode(String standard, String code) {
        if (code == null) {
            return false;
        }
        return switch (standard) {
            case GB47678 -> code.matches("\\d{5}");
            case GB30428 -> code.matches("\\d{4}");
            default -> code.matches("[A-Z0-9]{1,12}");
        };
    }

    /** The 大类 code implied by a numeric code (its first two digits), or null for LOCAL. */
    public static String impliedMajor(String standard, String code) {
        return standard.equals(LOCAL) ? null : code.substring(0, 2);
    }
}
