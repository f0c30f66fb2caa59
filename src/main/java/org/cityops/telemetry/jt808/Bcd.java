package org.cityops.telemetry.jt808;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** 8421 BCD helpers: terminal phone numbers and the YYMMDDhhmmss (GMT+8) time of a location report. */
public final class Bcd {

    /** JT/T 808 times are Beijing time. */
    public static final ZoneOffset GMT8 = ZoneOffset.ofHours(8);

    private Bcd() {}

    public static String decode(byte[] b, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int v = b[offset + i] & 0xff;
            out[2 * i] = Character.forDigit(v >>> 4, 16);
            out[2 * i + 1] = Character.forDigit(v & 0x0f, 16);
        }
        return new String(out);
    }

    /** Writes {@code digits} right-aligned into {@code length} bytes, left-padded with 0. */
    public static void encode(String digits, byte[] out, int offset, int length) {
        int n = length * 2;
        String padded =
                digits.length() >= n ? digits.substring(digits.length() - n) : "0".repeat(n - digits.length()) + digits;
        for (int i = 0; i < length; i++) {
            out[offset + i] = (byte)
                    ((Character.digit(padded.charAt(2 * i), 10) << 4) | Character.digit(padded.charAt(2 * i + 1), 10));
        }
    }

    /**
     * A terminal number without leading zeros, so that a 2013 BCD[6] and a 2019 BCD[10] header of the same
     * number name the same terminal. Null when the digits are not decimal.
     */
    public static String normaliseTerminal(String digits) {
        if (digits == null || digits.isEmpty()) {
            return null;
        }
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        for (int j = i; j < digits.length(); j++) {
            char c = digits.charAt(j);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return digits.substring(i);
    }

    /** BCD[6] YYMMDDhhmmss in GMT+8, or null when it is not a valid time. */
    public static Instant decodeTime(byte[] b, int offset) {
        int[] v = new int[6];
        for (int i = 0; i < 6; i++) {
            int x = b[offset + i] & 0xff;
            int hi = x >>> 4;
            int lo = x & 0x0f;
            if (hi > 9 || lo > 9) {
                return null;
            }
            v[i] = hi * 10 + lo;
        }
        if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(2000 + v[0], v[1], v[2], v[3], v[4], v[5]).toInstant(GMT8);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    public static void encodeTime(Instant time, byte[] out, int offset) {
        LocalDateTime t = LocalDateTime.ofInstant(time, GMT8);
        int[] v = {t.getYear() % 100, t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()};
        for (int i = 0; i < 6; i++) {
            out[offset + i] = (byte) (((v[i] / 10) << 4) | (v[i] % 10));
        }
    }
}
