package org.cityops.sanitation.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * 作业人员在岗 (a worker's shift at a post): from the worker's positions during one shift, whether the worker was
 * 在岗 (on post), 离岗 (outside the post for more than {@code offPostAfter}) or 滞留 (no movement beyond
 * {@code stillRadiusM} for more than {@code stillAfter}), or 无定位 (no position in the shift). No Spring, no SQL;
 * positions in a local metric frame.
 *
 * <p>A position stands until the next one (or the shift's end): time outside the post runs from the first position
 * outside to the first one inside again; stillness runs from the position the worker stays within
 * {@code stillRadiusM} of. 离岗 outranks 滞留 (a worker who left the post and stood still elsewhere is 离岗).
 */
public final class AttendanceRules {

    /**
     * @param offPostAfter outside the post longer than this is 离岗 (N minutes)
     * @param stillAfter   no movement longer than this is 滞留 (N minutes)
     * @param stillRadiusM movement within this many metres is no movement (GPS noise)
     */
    public record Settings(Duration offPostAfter, Duration stillAfter, double stillRadiusM) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(15), Duration.ofMinutes(30), 15);
        }
    }

    public enum Status {
        ON_POST("在岗"),
        OFF_POST("离岗"),
        STILL("滞留"),
        NO_POSITION("无定位");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A worker's position in the local frame (metres). */
    public record Fix(Instant time, double x, double y) {}

    /** A stretch of time: outside the post, or standing still. */
    public record Episode(Instant from, Instant to) {
        public Duration length() {
            return Duration.between(from, to);
        }
    }

    /**
     * @param onPost  time on the post (from each position inside until the next one)
     * @param outside all time outside the post, also stretches shorter than {@code offPostAfter}
     * @param offPost the stretches outside longer than {@code offPostAfter} (离岗)
     * @param still   the stretches without movement longer than {@code stillAfter} (滞留)
     */
    public record ShiftResult(
            Status status,
            Duration onPost,
            Duration outside,
            List<Episode> offPost,
            List<Episode> still,
            int positions) {

        /** time standing still beyond {@code stillAfter}, summed (滞留时长) */
        public Duration idle() {
            return still.stream().map(Episode::length).reduce(Duration.ZERO, Duration::plus);
        }
    }

    private static final GeometryFactory GF = new GeometryFactory();
    private final Settings settings;

    public AttendanceRules(Settings settings) {
        this.settings = settings;
    }

    /** @param fixes the worker's positions, any order; those outside [shiftStart, shiftEnd) are ignored */
    public ShiftResult evaluate(Polygon post, Instant shiftStart, Instant shiftEnd, List<Fix> fixes) {
        if (!shiftEnd.isAfter(shiftStart)) {
            throw new IllegalArgumentException("empty shift " + shiftStart + " - " + shiftEnd);
        }
        PreparedGeometry inside = PreparedGeometryFactory.prepare(post);
        List<Fix> in = fixes.stream()
                .filter(f -> !f.time().isBefore(shiftStart) && f.time().isBefore(shiftEnd))
                .sorted(java.util.Comparator.comparing(Fix::time))
                .toList();
        if (in.isEmpty()) {
            return new ShiftResult(Status.NO_POSITION, Duration.ZERO, Duration.ZERO, List.of(), List.of(), 0);
        }
        List<Episode> outside = new ArrayList<>();
        List<Episode> still = new ArrayList<>();
        Duration onPost = Duration.ZERO;
        Instant outSince = null;
        Fix anchor = null;
        for (int i = 0; i < in.size(); i++) {
            Fix f = in.get(i);
            Instant until = i + 1 < in.size() ? in.get(i + 1).time() : shiftEnd;
            boolean onIt = inside.covers(GF.createPoint(new Coordinate(f.x(), f.y())));
            if (onIt) {
                onPost = onPost.plus(Duration.between(f.time(), until));
                if (outSince != null) {
                    outside.add(new Episode(outSince, f.time()));
                    outSince = null;
                }
            } else if (outSince == null) {
                outSince = f.time();
            }
            if (anchor == null || Math.hypot(f.x() - anchor.x(), f.y() - anchor.y()) > settings.stillRadiusM()) {
                if (anchor != null) {
                    still.add(new Episode(anchor.time(), f.time()));
                }
                anchor = f;
            }
        }
        if (outSince != null) {
            outside.add(new Episode(outSince, shiftEnd));
        }
        still.add(new Episode(anchor.time(), shiftEnd));
        List<Episode> offPost = outside.stream()
                .filter(e -> e.length().compareTo(settings.offPostAfter()) > 0)
                .toList();
        List<Episode> stuck = still.stream()
                .filter(e -> e.length().compareTo(settings.stillAfter()) > 0)
                .toList();
        Status status = !offPost.isEmpty() ? Status.OFF_POST : !stuck.isEmpty() ? Status.STILL : Status.ON_POST;
        Duration away = outside.stream().map(Episode::length).reduce(Duration.ZERO, Duration::plus);
        return new ShiftResult(status, onPost, away, offPost, stuck, in.size());
    }
}
