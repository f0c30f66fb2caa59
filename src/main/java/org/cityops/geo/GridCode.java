package org.cityops.geo;

import org.cityops.platform.InvalidInputException;

/**
 * A unit grid code (单元网格编码, GB/T 30428.1): 15 digits = 6 district (区/县级市, GB/T 2260) + 3 street
 * (街道/镇) + 3 community (社区/村) + 3 sequence (网格顺序码, numbered west → east, north → south within the
 * community). No segment below the district may be {@code 000}.
 */
public record GridCode(String value) implements Comparable<GridCode> {

    public static final int LENGTH = 15;

    public GridCode {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidInputException(problem, "code");
        }
    }

    /** @throws InvalidInputException naming the field {@code code} when the text is not a grid code */
    public static GridCode parse(String text) {
        return new GridCode(text == null ? null : text.trim());
    }

    public static boolean isValid(String text) {
        return problemWith(text) == null;
    }

    /** The grid with this sequence number (1..999) in a 12-digit community. */
    public static GridCode of(String communityCode, int sequence) {
        if (sequence < 1 || sequence > 999) {
            throw new InvalidInputException("网格顺序码应为 1..999 grid sequence must be 1..999", "sequence");
        }
        return parse(communityCode + String.format("%03d", sequence));
    }

    /** Why {@code text} is not a grid code, or null when it is one. */
    public static String problemWith(String text) {
        if (text == null || text.isEmpty()) {
            return "缺少网格编码 grid code missing";
        }
        if (text.length() != LENGTH) {
            return "网格编码应为 15 位数字 grid code must have 15 digits, got " + text.length() + " characters";
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return "网格编码只能包含数字 grid code must contain digits only";
            }
        }
        if (text.startsWith("000000")) {
            return "网格编码的区县段不能为 000000 district segment must not be 000000";
        }
        if (text.startsWith("000", 6)) {
            return "网格编码的街道段不能为 000 street segment must not be 000";
        }
        if (text.startsWith("000", 9)) {
            return "网格编码的社区段不能为 000 community segment must not be 000";
        }
        if (text.startsWith("000", 12)) {
            return "网格顺序码不能为 000 grid sequence must not be 000";
        }
        return null;
    }

    /** 6-digit district (区/县级市) code. */
    public String districtCode() {
        return value.substring(0, 6);
    }

    /** 9-digit street (街道/镇) code. */
    public String streetCode() {
        return value.substring(0, 9);
    }

    /** 12-digit community (社区/村) code. */
    public String communityCode() {
        return value.substring(0, 12);
    }

    /** Sequence within the community, 1..999. */
    public int sequence() {
        return Integer.parseInt(value.substring(12));
    }

    @Override
    public int compareTo(GridCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
