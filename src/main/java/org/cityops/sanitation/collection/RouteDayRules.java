package org.cityops.sanitation.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A route's day (收运线路日报): for each stop in the route's order, whether the route's vehicle visited its point
 * within the stop's time window. No Spring, no SQL.
 *
 * <p>A stop is {@link StopStatus#VISITED} when a visit of the vehicle to the point arrived within the window (the
 * earliest such visit is shown), {@link StopStatus#OUTSIDE_WINDOW} when the vehicle stopped there on the day but
 * only outside it, {@link StopStatus#MISSED} when the window has ended without a stop there (an alert), and
 * {@link StopStatus#PENDING} while the window is still open or to come.
 */
public final class RouteDayRules {

    private RouteDayRules() {}

    /** A stop of a route: its place in the order, the point, the window (local time, from before to). */
    public record PlannedStop(int seq, long pointId, LocalTime from, LocalTime to) {
        public PlannedStop {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("empty time window " + from + "-" + to);
            }
        }
    }

    /** A visit as the rules need it. */
    public record Stop(long pointId, Instant arrivedAt, Instant leftAt) {}

    public record StopResult(PlannedStop stop, StopStatus status, Instant arrivedAt, Instant leftAt) {}

    /**
     * @param visits the route vehicle's visits that arrived on {@code day} (local), any order
     * @param now    decides whether a window has ended
     */
    public static List<StopResult> evaluate(
            List<PlannedStop> stops, List<Stop> visits, LocalDate day, Instant now, ZoneId zone) {
        List<StopResult> out = new ArrayList<>(stops.size());
        for (PlannedStop s : stops) {
            Instant from = day.atTime(s.from()).atZone(zone).toInstant();
            Instant to = day.atTime(s.to()).atZone(zone).toInstant();
            Stop inWindow = null;
            Stop any = null;
            for (Stop v : visits) {
                if (v.pointId() != s.pointId()) {
                    continue;
                }
                if (any == null || v.arrivedAt().isBefore(any.arrivedAt())) {
                    any = v;
                }
                boolean within = !v.arrivedAt().isBefore(from) && v.arrivedAt().isBefore(to);
                if (within && (inWindow == null || v.arrivedAt().isBefore(inWindow.arrivedAt()))) {
                    inWindow = v;
                }
            }
            if (inWindow != null) {
                out.add(new StopResult(s, StopStatus.VISITED, inWindow.arrivedAt(), inWindow.leftAt()));
            } else if (now.isBefore(to)) {
                out.add(new StopResult(s, StopStatus.PENDING, null, null));
            } else if (any != null) {
                out.add(new StopResult(s, StopStatus.OUTSIDE_WINDOW, any.arrivedAt(), any.leftAt()));
            } else {
                out.add(new StopResult(s, StopStatus.MISSED, null, null));
            }
        }
        return out;
    }
}
