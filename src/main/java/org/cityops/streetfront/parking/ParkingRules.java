package org.cityops.streetfront.parking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parking rules, in plain Java: an area's capacity, its current count (occupancy) from the reports, overflow,
 * the warnings an operator's count raises, the release of a towed vehicle, and the operators' 红黑榜. The numbers
 * here are the bureau's policy in this module (docs/streetfront.md), not figures from a standard.
 */
public final class ParkingRules {

    /** Kerb length one bicycle takes in a bay (m): capacity = ⌊length / this⌋ unless given. */
    public static final double METRES_PER_BIKE = 0.6;

    /** Reports older than this no longer count towards an area's occupancy. */
    public static final Duration WINDOW = Duration.ofHours(2);

    /** A count above this many times the area's capacity is implausible: recorded, with a warning. */
    public static final int IMPLAUSIBLE_TIMES_CAPACITY = 5;

    /** Highest release fee (元) the form accepts. */
    public static final BigDecimal MAX_FEE = new BigDecimal("1000");

    /** Where a count came from. */
    public enum Source {
        /** 巡查上报: an inspector counted every bicycle in the area, all brands. */
        INSPECTOR,
        /** 企业接口: an operator reported its own bicycles in the area. */
        OPERATOR
    }

    /** One report, as the occupancy rule reads it. */
    public record Report(Source source, Long operatorId, int bikes, Instant at) {}

    private ParkingRules() {}

    /** The capacity of a line of {@code lengthM} metres when none is given. */
    public static int defaultCapacity(double lengthM) {
        return Math.max(1, (int) Math.floor(lengthM / METRES_PER_BIKE));
    }

    /**
     * An area's occupancy at {@code now}: of the reports within {@link #WINDOW}, the larger of the newest inspector
     * count (all brands) and the sum of each operator's newest count (its own bicycles); null without any report in
     * the window. The larger, because each source can only miss bicycles, not invent them (an inspector's count
     * older than an operator's report is still a floor).
     */
    public static Integer occupancy(List<Report> reports, Instant now) {
        Instant from = now.minus(WINDOW);
        Report inspector = null;
        Map<Long, Report> perOperator = new HashMap<>();
        for (Report r : reports) {
            if (r.at().isBefore(from) || r.at().isAfter(now)) {
                continue;
            }
            if (r.source() == Source.INSPECTOR) {
                if (inspector == null || r.at().isAfter(inspector.at())) {
                    inspector = r;
                }
            } else if (r.operatorId() != null) {
                perOperator.merge(r.operatorId(), r, (a, b) -> b.at().isAfter(a.at()) ? b : a);
            }
        }
        if (inspector == null && perOperator.isEmpty()) {
            return null;
        }
        int operators = perOperator.values().stream().mapToInt(Report::bikes).sum();
        return Math.max(inspector == null ? 0 : inspector.bikes(), operators);
    }

    /** 溢出: more bicycles than the bay holds. */
    public static boolean overflowing(Integer occupancy, int capacity) {
        return occupancy != null && occupancy > capacity;
    }

    /**
     * The warning recorded with a count (the count is kept: a refusal would hide the report), or null: a count above
     * the operator's whole fleet cap (投放上限), or above {@link #IMPLAUSIBLE_TIMES_CAPACITY} times the area's
     * capacity.
     */
    public static String countWarning(int bikes, Integer fleetCap, int capacity) {
        if (fleetCap != null && bikes > fleetCap) {
            return "计数" + bikes + "超过该企业投放上限" + fleetCap + " count above the operator's fleet cap";
        }
        if (bikes > IMPLAUSIBLE_TIMES_CAPACITY * capacity) {
            return "计数" + bikes + "远超停放区容量" + capacity + " count far above the area's capacity";
        }
        return null;
    }

    /** What is wrong with a release, or null: the fee 0..{@link #MAX_FEE}, a fee waived (0) needs its reason. */
    public static ParkingGeometry.Problem releaseProblem(BigDecimal fee, String note, String releasedTo) {
        if (releasedTo == null || releasedTo.isBlank()) {
            return new ParkingGeometry.Problem("releasedTo", "领取人必填 who collects the vehicle is required");
        }
        if (fee == null || fee.signum() < 0 || fee.compareTo(MAX_FEE) > 0) {
            return new ParkingGeometry.Problem("fee", "费用须在0至1000元之间 fee must be 0–1000");
        }
        if (fee.signum() == 0 && (note == null || note.isBlank())) {
            return new ParkingGeometry.Problem("feeNote", "免费放行须写明理由 a release without fee needs its reason");
        }
        return null;
    }

    /** One operator's numbers for the ranking. */
    public record OperatorNumbers(long operatorId, String name, int fleetCap, long tows, long warnings) {

        /** 违停拖移率: tows in the period per 1,000 bicycles of fleet cap. */
        public double towsPerThousand() {
            return fleetCap <= 0 ? 0 : tows * 1000.0 / fleetCap;
        }
    }

    /** An operator's place: rank 1 is best; {@code list} 红榜 RED, 黑榜 BLACK or null. */
    public record Ranked(OperatorNumbers numbers, int rank, String list) {}

    /**
     * The 红黑榜: operators ordered by tows per 1,000 bicycles, then by warnings, then by name; the best third
     * (rounded down, at least one when there are two or more) is 红榜, the worst third 黑榜; with one operator, no
     * list. Equal numbers share neither list across the border: an operator tied with a listed one is listed too.
     */
    public static List<Ranked> rank(List<OperatorNumbers> operators) {
        List<OperatorNumbers> sorted = new ArrayList<>(operators);
        Comparator<OperatorNumbers> order = Comparator.comparingDouble(OperatorNumbers::towsPerThousand)
                .thenComparingLong(OperatorNumbers::warnings);
        sorted.sort(order.thenComparing(OperatorNumbers::name));
        int n = sorted.size();
        int third = n < 2 ? 0 : Math.max(1, n / 3);
        List<Ranked> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OperatorNumbers o = sorted.get(i);
            String list = null;
            if (third > 0) {
                if (i < third || order.compare(o, sorted.get(third - 1)) == 0) {
                    list = "RED";
                }
                if (i >= n - third || order.compare(o, sorted.get(n - third)) == 0) {
                    list = list == null ? "BLACK" : null; // tied across both borders: on neither list
                }
            }
            out.add(new Ranked(o, i + 1, list));
        }
        return out;
    }
}
