package org.cityops.sanitation.coverage;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * A road segment as the coverage engine sees it: its line in the local frame (metres), its length and whether it is
 * one-way (then only travel along its digitised direction counts).
 */
public final class RoadSegment {

    private final long id;
    private final LineString line;
    private final LengthIndexedLine indexed;
    private final double length;
    private final boolean oneWay;

    public RoadSegment(long id, LineString metres, boolean oneWay) {
        if (metres.getNumPoints() < 2 || metres.getLength() <= 0) {
            throw new IllegalArgumentException("segment " + id + " needs a line of positive length");
        }
        this.id = id;
        this.line = metres;
        this.indexed = new LengthIndexedLine(metres);
        this.length = metres.getLength();
        this.oneWay = oneWay;
    }

    public long id() {
        return id;
    }

    public LineString line() {
        return line;
    }

    public double length() {
        return length;
    }

    public boolean oneWay() {
        return oneWay;
    }

    /** Metres from the segment's start to the point of the line nearest {@code c} (clamped to the line). */
    public double project(Coordinate c) {
        return indexed.project(c);
    }

    /**
     * Like {@link #project} but not clamped at the ends: a point beyond the start or the end is placed on the
     * line's first or last piece extended (negative, or more than the length), so that noisy positions at an end
     * average without bias.
     */
    public double projectExtended(Coordinate c) {
        double m = indexed.project(c);
        if (m > 0 && m < length) {
            return m;
        }
        int n = line.getNumPoints();
        Coordinate a = m <= 0 ? line.getCoordinateN(0) : line.getCoordinateN(n - 2);
        Coordinate b = m <= 0 ? line.getCoordinateN(1) : line.getCoordinateN(n - 1);
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            return m;
        }
        Coordinate from = m <= 0 ? a : b;
        double beyond = ((c.x - from.x) * dx + (c.y - from.y) * dy) / len;
        return m <= 0 ? Math.min(0, beyond) : length + Math.max(0, beyond);
    }

    /** Distance in metres from {@code c} to the line. */
    public double distance(Coordinate c) {
        Coordinate on = indexed.extractPoint(indexed.project(c));
        return on.distance(c);
    }

    /** Bearing of the line at {@code m} metres along it, degrees clockwise from north (0..360). */
    public double bearingAt(double m) {
        double a = Math.max(0, m - 2);
        double b = Math.min(length, m + 2);
        Coordinate p = indexed.extractPoint(a);
        Coordinate q = indexed.extractPoint(b);
        double deg = Math.toDegrees(Math.atan2(q.x - p.x, q.y - p.y));
        return deg < 0 ? deg + 360 : deg;
    }
}
