package org.cityops.streetfront.parking;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * Geometry of parking lines and no-parking zones, in metres rather than degrees: WGS-84 lon/lat is projected onto a
 * local plane (equirectangular about the shape's first point; the error over a few kilometres is far below a
 * bicycle's width), measured or buffered there, and projected back. Lengths are the sum of great-circle distances.
 * Plain Java (JTS only); a bad shape is a {@link Problem}, never an exception.
 */
public final class ParkingGeometry {

    /** Mean Earth radius (m), as in the haversine formula. */
    static final double EARTH_RADIUS_M = 6_371_008.8;

    public static final double MIN_LINE_M = 2;
    public static final double MAX_LINE_M = 2_000;
    public static final double MAX_ZONE_M2 = 1_000_000;
    static final int MAX_POINTS = 500;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** What is wrong with a shape, for a 400 on {@code field}. */
    public record Problem(String field, String message) {}

    /** A parsed shape or the problem with it. */
    public record Parsed<G>(G geometry, Problem problem) {}

    private ParkingGeometry() {}

    /** A LINESTRING in WKT (lon lat), 2..500 points, in WGS-84 range, 2–2,000 m long. */
    public static Parsed<LineString> line(String wkt, String field) {
        Geometry g = read(wkt);
        if (!(g instanceof LineString l) || l.getNumPoints() < 2) {
            return new Parsed<>(null, new Problem(field, "停放线须为 LINESTRING(经度 纬度, …) line must be a WKT LINESTRING"));
        }
        if (l.getNumPoints() > MAX_POINTS || !inRange(l.getCoordinates())) {
            return new Parsed<>(
                    null, new Problem(field, "停放线坐标无效或点数超过500 coordinates out of range or over 500 points"));
        }
        double m = lengthM(l);
        if (m < MIN_LINE_M || m > MAX_LINE_M) {
            return new Parsed<>(
                    null,
                    new Problem(field, "停放线长度须在2至2000米之间 line must be 2–2000 m long, is " + Math.round(m) + " m"));
        }
        return new Parsed<>(l, null);
    }

    /** A POLYGON in WKT (lon lat), valid (no self-intersection), at most 1 km². */
    public static Parsed<Polygon> polygon(String wkt, String field) {
        Geometry g = read(wkt);
        if (!(g instanceof Polygon p) || p.isEmpty()) {
            return new Parsed<>(null, new Problem(field, "禁停区须为 POLYGON((经度 纬度, …)) zone must be a WKT POLYGON"));
        }
        if (p.getNumPoints() > MAX_POINTS || !inRange(p.getCoordinates()) || !p.isValid()) {
            return new Parsed<>(null, new Problem(field, "禁停区图形无效（自相交或坐标越界） polygon is invalid"));
        }
        double a = areaM2(p);
        if (a <= 0 || a > MAX_ZONE_M2) {
            return new Parsed<>(null, new Problem(field, "禁停区面积须在0至1平方公里之间 zone must be 0–1 km²"));
        }
        return new Parsed<>(p, null);
    }

    /** Length in metres: the sum of the great-circle (haversine) distances of the segments. */
    public static double lengthM(LineString l) {
        Coordinate[] c = l.getCoordinates();
        double sum = 0;
        for (int i = 1; i < c.length; i++) {
            sum += distanceM(c[i - 1].y, c[i - 1].x, c[i].y, c[i].x);
        }
        return sum;
    }

    /** Great-circle distance in metres. */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Area in m² on the local plane. */
    public static double areaM2(Polygon p) {
        Coordinate o = p.getCoordinates()[0];
        return toPlane(p, o).getArea();
    }

    /**
     * The parking bay as a polygon: the line widened by {@code depthM} (half on each side, flat ends), as GBFS
     * zones are polygons.
     */
    public static Polygon bay(LineString l, double depthM) {
        Coordinate o = l.getCoordinateN(0);
        Geometry plane = toPlane(l, o);
        BufferParameters bp = new BufferParameters();
        bp.setEndCapStyle(BufferParameters.CAP_FLAT);
        bp.setJoinStyle(BufferParameters.JOIN_MITRE);
        Geometry buf = org.locationtech.jts.operation.buffer.BufferOp.bufferOp(plane, depthM / 2, bp);
        Geometry back = fromPlane(buf, o);
        return back instanceof Polygon p ? p : (Polygon) back.getGeometryN(0);
    }

    /** A line's midpoint along its length (lon, lat), where it is placed for data scope. */
    public static Coordinate midpoint(LineString l) {
        double half = lengthM(l) / 2;
        Coordinate[] c = l.getCoordinates();
        double run = 0;
        for (int i = 1; i < c.length; i++) {
            double seg = distanceM(c[i - 1].y, c[i - 1].x, c[i].y, c[i].x);
            if (run + seg >= half && seg > 0) {
                double f = (half - run) / seg;
                return new Coordinate(c[i - 1].x + f * (c[i].x - c[i - 1].x), c[i - 1].y + f * (c[i].y - c[i - 1].y));
            }
            run += seg;
        }
        return c[0];
    }

    /** WKT of a line from (lon, lat) pairs. */
    public static String lineWkt(List<double[]> lonLat) {
        Coordinate[] c = lonLat.stream().map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new);
        return FACTORY.createLineString(c).toText();
    }

    /** The rings of a polygon as GeoJSON coordinates ([[[lon, lat], …]]). */
    public static List<List<double[]>> rings(Polygon p) {
        List<List<double[]>> out = new ArrayList<>();
        out.add(ring(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            out.add(ring(p.getInteriorRingN(i).getCoordinates()));
        }
        return out;
    }

    private static List<double[]> ring(Coordinate[] cs) {
        List<double[]> r = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            r.add(new double[] {round7(c.x), round7(c.y)});
        }
        return r;
    }

    private static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    static Geometry read(String wkt) {
        if (wkt == null || wkt.isBlank() || wkt.length() > 8_000) {
            return null;
        }
        try {
            return new WKTReader(FACTORY).read(wkt.trim());
        } catch (ParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean inRange(Coordinate[] cs) {
        for (Coordinate c : cs) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                return false;
            }
        }
        return true;
    }

    private static double metresPerDegLat() {
        return Math.PI * EARTH_RADIUS_M / 180;
    }

    private static Geometry toPlane(Geometry g, Coordinate o) {
        double ky = metresPerDegLat();
        double kx = ky * Math.cos(Math.toRadians(o.y));
        Geometry copy = g.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = (c.x - o.x) * kx;
            c.y = (c.y - o.y) * ky;
        });
        copy.geometryChanged();
        return copy;
    }

    private static Geometry fromPlane(Geometry g, Coordinate o) {
        double ky = metresPerDegLat();
        double kx = ky * Math.cos(Math.toRadians(o.y));
        Geometry copy = g.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = o.x + c.x / kx;
            c.y = o.y + c.y / ky;
        });
        copy.geometryChanged();
        return copy;
    }
}
