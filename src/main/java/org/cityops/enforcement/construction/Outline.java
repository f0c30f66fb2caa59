package org.cityops.enforcement.construction;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A structure's outline: a ring of [lon, lat] points (WGS84), checked with JTS (at least three corners, closed
 * if not given closed, not self-intersecting, under 1 km across); stored as a GeoJSON Polygon; its interior point
 * places it in a grid. The area on the ground is estimated on a local plane (enough to check a measured area).
 */
public final class Outline {

    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double METRES_PER_DEGREE = 111_320.0;

    private final Polygon polygon;

    private Outline(Polygon polygon) {
        this.polygon = polygon;
    }

    /** The outline, or the problem "中文 English". */
    public static Outline of(List<double[]> points) {
        String problem = problem(points);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new Outline(build(points));
    }

    public static String problem(List<double[]> points) {
        if (points == null || points.size() < 3) {
            return "轮廓至少三个点 the outline needs at least three points";
        }
        for (double[] p : points) {
            if (p == null || p.length != 2 || !(p[0] >= -180 && p[0] <= 180) || !(p[1] >= -90 && p[1] <= 90)) {
                return "轮廓的点须为[经度, 纬度] each point is [lon, lat]";
            }
        }
        Polygon polygon;
        try {
            polygon = build(points);
        } catch (IllegalArgumentException e) {
            return "轮廓不是多边形 the outline is not a polygon";
        }
        if (!polygon.isValid() || polygon.getArea() == 0) {
            return "轮廓自相交或面积为零 the outline crosses itself or has no area";
        }
        var env = polygon.getEnvelopeInternal();
        if (env.getWidth() * METRES_PER_DEGREE > 1000 || env.getHeight() * METRES_PER_DEGREE > 1000) {
            return "轮廓超过1公里 the outline is over 1 km across";
        }
        return null;
    }

    private static Polygon build(List<double[]> points) {
        int n = points.size();
        boolean closed = points.get(0)[0] == points.get(n - 1)[0] && points.get(0)[1] == points.get(n - 1)[1];
        Coordinate[] ring = new Coordinate[closed ? n : n + 1];
        for (int i = 0; i < n; i++) {
            ring[i] = new Coordinate(points.get(i)[0], points.get(i)[1]);
        }
        if (!closed) {
            ring[n] = ring[0].copy();
        }
        return GEOMETRY.createPolygon(ring);
    }

    public double lat() {
        return interior().getY();
    }

    public double lon() {
        return interior().getX();
    }

    private Point interior() {
        return polygon.getInteriorPoint();
    }

    /** Square metres on a local plane around the outline's centre. */
    public double areaM2() {
        double cos = Math.cos(Math.toRadians(polygon.getCentroid().getY()));
        return polygon.getArea() * METRES_PER_DEGREE * METRES_PER_DEGREE * cos;
    }

    public String geoJson() {
        StringBuilder s = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        Coordinate[] c = polygon.getExteriorRing().getCoordinates();
        for (int i = 0; i < c.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append('[').append(c[i].x).append(',').append(c[i].y).append(']');
        }
        return s.append("]]}").toString();
    }

    /** A square outline of about {@code side} metres around a point (demo data). */
    public static List<double[]> square(double lat, double lon, double side) {
        double dLat = side / 2 / METRES_PER_DEGREE;
        double dLon = dLat / Math.cos(Math.toRadians(lat));
        return List.of(
                new double[] {lon - dLon, lat - dLat},
                new double[] {lon + dLon, lat - dLat},
                new double[] {lon + dLon, lat + dLat},
                new double[] {lon - dLon, lat + dLat});
    }

    static Optional<String> check(List<double[]> points) {
        return Optional.ofNullable(problem(points));
    }
}
