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

    /**
     * @param outOfOrder the vehicle came here out of the route's order (顺序异常): among the stops it came to, this
     *                   one is not in the longest run of stops whose arrivals follow the route's order
     */
    public record StopResult(
            PlannedStop stop, StopStatus status, Instant arrivedAt, Instant leftAt, boolean outOfOrder) {

        StopResult(PlannedStop stop, StopStatus status, Instant arrivedAt, Instant leftAt) {
            this(stop, status, arrivedAt, leftAt, false);
        }

        StopResult flagged() {
            return new StopResult(stop, status, arrivedAt, leftAt, true);
        }
    }

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
        return order(out);
    }

    /**
     * The order check: the stops with an arrival, in the route's order, should have increasing arrivals. The
     * longest subsequence that does is taken as the route as driven; every other stop with an arrival is out of
     * order. So one stop taken early or late flags that stop only, not every stop after it (visits 2, 3, 1 flag
     * stop 1; visits 1, 3, 2 flag one of 2 and 3: the later in the route's order).
     */
    static List<StopResult> order(List<StopResult> results) {
        List<Integer> arrived = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).arrivedAt() != null) {
                arrived.add(i);
            }
        }
        int n = arrived.size();
        if (n < 2) {
            return results;
        }
        int[] length = new int[n];
        int[] previous = new int[n];
        int best = 0;
        for (int j = 0; j < n; j++) {
            length[j] = 1;
            previous[j] = -1;
            Instant tj = results.get(arrived.get(j)).arrivedAt();
            for (int k = 0; k < j; k++) {
                if (results.get(arrived.get(k)).arrivedAt().isBefore(tj) && length[k] + 1 > length[j]) {
                    length[j] = length[k] + 1;
                    previous[j] = k;
                }
            }
            if (length[j] > length[best]) {
                best = j;
            }
        }
        boolean[] inOrder = new boolean[n];
        for (int j = best; j >= 0; j = previous[j]) {
            inOrder[j] = true;
        }
        List<StopResult> out = new ArrayList<>(results);
        for (int j = 0; j < n; j++) {
            if (!inOrder[j]) {
                out.set(arrived.get(j), out.get(arrived.get(j)).flagged());
            }
        }
        return out;
    }
}
