package org.cityops.platform;

import java.util.Locale;

/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015), the key of every unit the platform deals with
 * (kitchen-waste producers, sign owners, parties of enforcement cases): 18 characters from the 31-character set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z, which look like 1, 0, 5, U, 2): 登记管理部门码 (1), 机构类别码 (1),
 * 登记管理机关行政区划码 (6 digits), 主体标识码 (9, the old 组织机构代码) and the 校验码. The check character is
 * {@code 31 − (Σ value(cᵢ) × wᵢ mod 31)} (31 written as 0) with weights {@code wᵢ = 3^(i−1) mod 31}, i = 1..17.
 */
public final class CreditCode {

    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    /** The code upper-cased and trimmed, or null for null. */
    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /** Null when the code is a well-formed 统一社会信用代码 with the right check character, else the problem. */
    public static String problem(String raw) {
        String code = normalize(raw);
        if (code == null || code.isEmpty()) {
            return "统一社会信用代码必填 unified social credit code required";
        }
        if (code.length() != 18) {
            return "统一社会信用代码须为18位 the code must have 18 characters, has " + code.length();
        }
        for (int i = 0; i < 18; i++) {
            if (CHARS.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码第" + (i + 1) + "位为非法字符 character " + (i + 1) + " is not allowed";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return "统一社会信用代码第3至8位须为行政区划码 characters 3..8 must be an area code";
            }
        }
        char expected = checkChar(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return "统一社会信用代码校验码错误 wrong check character, expected " + expected;
        }
        return null;
    }

    public static boolean valid(String code) {
        return problem(code) == null;
    }

    /** The check character (校验码) of the first 17 characters. */
    public static char checkChar(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not allowed");
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARS.charAt(c == 31 ? 0 : c);
    }
}
