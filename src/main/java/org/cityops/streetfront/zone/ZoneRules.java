package org.cityops.streetfront.zone;

import java.util.EnumMap;
import java.util.Map;

/**
 * The rules of 门前三包 zones, without Spring or SQL: 履约 per inspection, when repeated failures open a case, and
 * the 红黑榜 rating of a responsible party.
 */
public final class ZoneRules {

    /** A party on the red list needs at least this many inspections in the board's period. */
    public static final int BOARD_MIN_INSPECTIONS = 2;

    /** Below this 履约率 (in %) a party with at least two failed inspections is on the black list. */
    public static final int BLACK_BELOW_PERCENT = 60;

    private ZoneRules() {}

    /** A problem of an inspection's items: the field to name and the message. */
    public record Problem(String field, String message) {}

    /**
     * The items of an inspection, each given or else 合格 (a phone inspection taps only what failed). At least one
     * item must be judged (not all 不涉及).
     */
    public static Map<ZoneItem, ItemResult> items(Map<ZoneItem, ItemResult> given) {
        Map<ZoneItem, ItemResult> all = new EnumMap<>(ZoneItem.class);
        for (ZoneItem i : ZoneItem.values()) {
            ItemResult r = given == null ? null : given.get(i);
            all.put(i, r == null ? ItemResult.PASS : r);
        }
        return all;
    }

    /** Null when the items may be recorded, else the problem. */
    public static Problem problem(Map<ZoneItem, ItemResult> items, String note) {
        if (items.values().stream().allMatch(r -> r == ItemResult.NA)) {
            return new Problem("items", "至少检查一项 at least one item must be judged");
        }
        if (note != null && note.length() > 500) {
            return new Problem("note", "说明不超过500字 at most 500 characters");
        }
        return null;
    }

    /** 履约: no judged item 不合格 (items 不涉及 do not count). */
    public static boolean compliant(Map<ZoneItem, ItemResult> items) {
        return items.values().stream().noneMatch(r -> r == ItemResult.FAIL);
    }

    /**
     * Repeated failures (e.g. 3 in 30 days) open a case: when the failures of the zone in the window, this one
     * included, reach the threshold and no case was asked for the zone in that window (one case per run of
     * failures; a fourth failure in the same window adds none).
     */
    public record RepeatPolicy(int threshold, int windowDays) {

        public RepeatPolicy {
            if (threshold < 1 || windowDays < 1) {
                throw new IllegalArgumentException("threshold and window must be at least 1");
            }
        }

        public boolean opensCase(long failuresInWindow, boolean caseAskedInWindow) {
            return !caseAskedInWindow && failuresInWindow >= threshold;
        }
    }

    /** 红黑榜 rating of a party. */
    public enum Rating {
        RED("红榜"),
        BLACK("黑榜"),
        NONE("—");

        private final String label;

        Rating(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * 红榜: at least {@link #BOARD_MIN_INSPECTIONS} inspections in the period, every one 履约, and every zone of the
     * party with its 责任书 signed and posted (上墙). 黑榜: at least two failed inspections and a 履约率 below
     * {@link #BLACK_BELOW_PERCENT} %. Anyone else is on neither list.
     */
    public static Rating rating(long inspections, long compliant, boolean allSignedAndPosted) {
        long failed = inspections - compliant;
        if (inspections >= BOARD_MIN_INSPECTIONS && failed == 0 && allSignedAndPosted) {
            return Rating.RED;
        }
        if (failed >= 2 && compliant * 100 < BLACK_BELOW_PERCENT * inspections) {
            return Rating.BLACK;
        }
        return Rating.NONE;
    }

    /** A rate in percent with one decimal, or null when the denominator is 0 (shown as —). */
    public static Double percent(long numerator, long denominator) {
        if (denominator <= 0) {
            return null;
        }
        return Math.round(numerator * 1000.0 / denominator) / 10.0;
    }
}
