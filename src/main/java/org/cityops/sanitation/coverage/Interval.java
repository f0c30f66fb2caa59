package org.cityops.sanitation.coverage;

/** A stretch along a road segment, in metres from its start: {@code from <= to}. */
public record Interval(double from, double to) {

    public Interval {
        if (Double.isNaN(from) || Double.isNaN(to) || from > to) {
            throw new IllegalArgumentException("interval needs from <= to, was " + from + ".." + to);
        }
    }

    /** The interval between two positions along the segment, whichever comes first. */
    public static Interval between(double a, double b) {
        return new Interval(Math.min(a, b), Math.max(a, b));
    }

    public double length() {
        return to - from;
    }
}
