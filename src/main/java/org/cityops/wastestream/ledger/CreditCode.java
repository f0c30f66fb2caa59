package org.cityops.wastestream.ledger;

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from the 31-character set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z): 登记管理部门码 (1), 机构类别码 (1), 登记管理机关行政区划码 (6),
 * 主体标识码 (9, the 组织机构代码) and the 校验码 (1). The check character is C18 = 31 − (Σ Ci × Wi mod 31), with
 * weights Wi = 3^(i−1) mod 31 (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), a result of 31
 * written as 0.
 */
public final class CreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    /** Why the code is not a valid credit code, or null when it is. Letters are compared in upper case. */
    public static String problem(String code) {
        if (code == null || code.isBlank()) {
            return "统一社会信用代码必填 credit code required";
        }
        String c = code.trim().toUpperCase();
        if (c.length() != 18) {
            return "统一社会信用代码须为18位 credit code must have 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(c.charAt(i)) < 0) {
                return "统一社会信用代码含非法字符 '" + c.charAt(i) + "' invalid character in the credit code";
            }
        }
        if (checkChar(c.substring(0, 17)) != c.charAt(17)) {
            return "统一社会信用代码校验码错误 credit code check character is wrong";
        }
        return null;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** The check character (校验码) for the first 17 characters. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("invalid character " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase();
    }
}
