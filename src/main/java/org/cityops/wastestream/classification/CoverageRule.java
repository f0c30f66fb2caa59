package org.cityops.wastestream.classification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * When a unit counts as covered by classification (覆盖), and the rate. Plain Java.
 *
 * <p>A unit is <b>covered</b> when its ledger lists at least one bin of each of the four GB/T 19095-2019 classes and
 * its latest inspection (if it has one) found none of the four classes 无 (absent). 混投 (mixed) does not uncover a
 * unit — the facilities are there — but it is counted separately as 混投 units. The <b>coverage rate</b> is covered ÷
 * total, in percent, rounded half up to 2 decimals; it meets the target when it is at or above it.
 */
public final class CoverageRule {

    private CoverageRule() {}

    /**
     * @param bins the ledger's bin count per class (a missing class counts as 0)
     * @param latest the latest inspection's findings per class, or null when never inspected
     */
    public static boolean covered(Map<WasteClass, Integer> bins, Map<WasteClass, Finding> latest) {
        for (WasteClass c : WasteClass.values()) {
            if (bins.getOrDefault(c, 0) < 1) {
                return false;
            }
            if (latest != null && latest.get(c) == Finding.ABSENT) {
                return false;
            }
        }
        return true;
    }

    /** A latest inspection with any class 混投. */
    public static boolean mixed(Map<WasteClass, Finding> latest) {
        return latest != null && latest.containsValue(Finding.MIXED);
    }

    /** covered ÷ total in percent, 2 decimals half up; null when there is no unit. */
    public static BigDecimal ratePercent(long covered, long total) {
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(covered)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    public static boolean meets(BigDecimal ratePercent, BigDecimal targetPercent) {
        return ratePercent != null && ratePercent.compareTo(targetPercent) >= 0;
    }

    public static Map<WasteClass, Integer> bins(int recyclable, int hazardous, int kitchen, int other) {
        Map<WasteClass, Integer> m = new EnumMap<>(WasteClass.class);
        m.put(WasteClass.RECYCLABLE, recyclable);
        m.put(WasteClass.HAZARDOUS, hazardous);
        m.put(WasteClass.KITCHEN, kitchen);
        m.put(WasteClass.OTHER, other);
        return m;
    }
}
