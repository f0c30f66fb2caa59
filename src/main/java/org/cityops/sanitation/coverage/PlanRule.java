package org.cityops.sanitation.coverage;

import java.time.LocalTime;
import java.util.List;

/**
 * What a work plan (作业计划) asks of one segment: when work counts (time windows, local time) and at what speed
 * (作业速度区间, km/h); {@code plannedPasses} a day.
 */
public record PlanRule(long planId, List<Window> windows, double minSpeedKmh, double maxSpeedKmh, int plannedPasses) {

    public PlanRule {
        windows = List.copyOf(windows);
    }

    /** A daily window [from, to) in local time; {@code to} after {@code from} (no window across midnight). */
    public record Window(LocalTime from, LocalTime to) {
        public Window {
            if (from == null || to == null || !to.isAfter(from)) {
                throw new IllegalArgumentException("a time window needs to after from, was " + from + "–" + to);
            }
        }

        public boolean contains(LocalTime t) {
            return !t.isBefore(from) && t.isBefore(to);
        }

        /** "06:00-10:00" */
        public static Window parse(String text) {
            String[] p = text.trim().split("-");
            if (p.length != 2) {
                throw new IllegalArgumentException("a time window reads HH:mm-HH:mm, was " + text);
            }
            return new Window(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()));
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    /** Whether a position at this local time and speed is work under this plan. */
    public boolean counts(LocalTime t, double speedKmh) {
        if (speedKmh < minSpeedKmh || speedKmh > maxSpeedKmh) {
            return false;
        }
        for (Window w : windows) {
            if (w.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
