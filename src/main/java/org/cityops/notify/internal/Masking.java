package org.cityops.notify.internal;

/** Personal numbers as pages and logs show them. */
public final class Masking {

    private Masking() {}

    /** 13800001234 → 138****1234; short numbers keep only their last two digits. */
    public static String phone(String number) {
        if (number == null) {
            return "";
        }
        String n = number.strip();
        if (n.length() >= 8) {
            return n.substring(0, 3) + "****" + n.substring(n.length() - 4);
        }
        return "*".repeat(Math.max(0, n.length() - 2)) + n.substring(Math.max(0, n.length() - 2));
    }

    /** zhang.san@example.org → z***@example.org */
    public static String email(String address) {
        if (address == null) {
            return "";
        }
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
