package org.cityops.muck.engine;

/**
 * Terminal phone numbers (终端手机号) are compared without leading zeros: a 2013 header carries BCD[6]
 * ({@code 013951230001}), a 2019 header BCD[10] ({@code 00000000013951230001}); both name terminal
 * {@code 13951230001}.
 */
public final class Terminals {

    private Terminals() {}

    /** Digits without leading zeros, or null when the input is not a terminal number (blank, non-digits, too long). */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.isEmpty() || s.length() > 20) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        String n = s.substring(i);
        return "0".equals(n) ? null : n;
    }
}
