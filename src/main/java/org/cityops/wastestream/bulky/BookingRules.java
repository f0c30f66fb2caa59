package org.cityops.wastestream.bulky;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a citizen's bulky-waste booking and of a centre's day, without Spring, SQL or web: which fields are
 * wrong, which days may be booked, when a slot is full, how a phone is masked, throughput against capacity.
 */
public final class BookingRules {

    public record Problem(String field, String message) {}

    /** A mainland mobile number (11 digits from 1[3-9]) or a landline with area code (0 + 9–11 digits, dash allowed). */
    static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    /** The first bookable day is tomorrow, the last {@code maxDaysAhead} days from today. */
    private final int maxDaysAhead;

    public BookingRules(int maxDaysAhead) {
        this.maxDaysAhead = maxDaysAhead;
    }

    public List<Problem> problems(
            String address, String items, String phone, LocalDate day, String slot, LocalDate today) {
        List<Problem> out = new ArrayList<>();
        if (address == null || address.isBlank() || address.trim().length() > 300) {
            out.add(new Problem("address", "请填写上门地址（不超过300字）address required, at most 300 characters"));
        }
        if (items == null || items.isBlank() || items.trim().length() > 500) {
            out.add(new Problem("items", "请填写物品（不超过500字）items required, at most 500 characters"));
        }
        if (normalizePhone(phone) == null) {
            out.add(new Problem("phone", "请填写正确的手机号或固定电话 a valid phone number is required"));
        }
        if (day == null || day.isBefore(today.plusDays(1)) || day.isAfter(today.plusDays(maxDaysAhead))) {
            out.add(new Problem(
                    "day",
                    "预约日期须在明天至" + maxDaysAhead + "天内 the day must be from tomorrow to " + maxDaysAhead
                            + " days ahead"));
        }
        if (Slot.parse(slot) == null) {
            out.add(new Problem("slot", "请选择上午或下午 choose a slot"));
        }
        return out;
    }

    /** Whether one more booking fits a slot that already has {@code booked} active bookings. */
    public static boolean fits(int booked, int slotCapacity) {
        return booked < slotCapacity;
    }

    /** Digits (and a landline's dash removed), or null when not a phone number. */
    public static String normalizePhone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.replaceAll("[\\s]", "");
        if (p.startsWith("+86")) {
            p = p.substring(3);
        }
        if (!PHONE.matcher(p).matches()) {
            return null;
        }
        return p.replace("-", "");
    }

    /** 138****5678: the first three and the last four digits; anything shorter is all stars. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return "";
        }
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** Tonnes (2 decimals, half up) of a kilogram total. */
    public static BigDecimal tonnes(BigDecimal kg) {
        return kg.divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP);
    }

    /** Throughput as a percentage of capacity (1 decimal, half up); null when capacity is zero. */
    public static BigDecimal utilisationPercent(BigDecimal kg, BigDecimal capacityTonnes) {
        if (capacityTonnes == null || capacityTonnes.signum() <= 0) {
            return null;
        }
        return kg.divide(capacityTonnes.multiply(BigDecimal.valueOf(10)), 1, RoundingMode.HALF_UP);
    }

    /** Over capacity: more kilograms in a day than the centre's tonnes a day. */
    public static boolean overCapacity(BigDecimal kg, BigDecimal capacityTonnes) {
        return kg.compareTo(capacityTonnes.multiply(BigDecimal.valueOf(1000))) > 0;
    }
}
