package org.cityops.sanitation.attendance;

/**
 * 作业人员: name, phone (masked wherever listed: {@link #maskedPhone}), the device's terminal number, post and
 * shift.
 */
public record Worker(
        long id,
        String name,
        String maskedPhone,
        String terminal,
        long postId,
        String postName,
        long shiftId,
        String shiftName,
        String districtCode,
        boolean active) {

    /** 138****5678: the first three and the last four digits of a number of 11 or more; others all masked. */
    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String p = phone.trim();
        if (p.length() < 8) {
            return "*".repeat(p.length());
        }
        return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }
}
