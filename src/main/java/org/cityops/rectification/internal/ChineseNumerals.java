package org.cityops.rectification.internal;

/** 一, 二, … 九十九 for category numbers, and back. */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {}

    public static String of(int n) {
        if (n <= 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : DIGITS.charAt(ones));
    }

    /** Parses 一 … 九十九 (or Arabic digits); -1 when it is neither. */
    public static int parse(String s) {
        if (s == null || s.isBlank()) {
            return -1;
        }
        String t = s.trim();
        if (t.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(t);
        }
        int ten = t.indexOf('十');
        if (ten < 0) {
            return t.length() == 1 ? digit(t.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : (ten == 1 ? digit(t.charAt(0)) : -1);
        int ones = ten == t.length() - 1 ? 0 : (ten == t.length() - 2 ? digit(t.charAt(ten + 1)) : -1);
        return tens < 1 || ones < 0 ? -1 : tens * 10 + ones;
    }

    private static int digit(char c) {
        int i = DIGITS.indexOf(c);
        return i <= 0 ? -1 : i;
    }
}
