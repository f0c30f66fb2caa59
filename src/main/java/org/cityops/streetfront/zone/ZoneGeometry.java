package org.cityops.streetfront.zone;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A zone's polygon (WGS-84, WKT {@code POLYGON((lon lat, …))}): parsing and checks, its area in m² and the
 * overlap with another zone in m², both measured on a local plane around the zone (equirectangular, good to well
 * under 1 % at a street's size). No Spring, no SQL.
 */
public final class ZoneGeometry {

    /** A 门前三包 zone is a frontage, not a district: at most this many m². */
    public static final double MAX_AREA_M2 = 100_000;

    /**
     * A zone's box spans at most this many degrees each way (≈ 2.2 km north–south, 1.9 km east–west here): a frontage
     * is a strip along one shop or unit. The map's bounding-box query relies on it to bound its index range.
     */
    public static final double MAX_SPAN_DEG = 0.02;

    /** Less shared area than this (m²) is a shared edge drawn twice, not an overlap. */
    public static final double OVERLAP_TOLERANCE_M2 = 1.0;

    private static final double M_PER_DEG_LAT = 110_540;
    private static final double M_PER_DEG_LON_EQUATOR = 111_320;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Polygon polygon;

    private ZoneGeometry(Polygon polygon) {
        this.polygon = polygon;
    }

    /** Parses and checks a polygon; the message says what is wrong (the caller names the field). */
    public static ZoneGeometry parse(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            throw new IllegalArgumentException("范围必填 polygon required (WKT POLYGON((lon lat, …)))");
        }
        Geometry g;
        try {
            g = new WKTReader(FACTORY).read(wkt.trim());
        } catch (ParseException e) {
            throw new IllegalArgumentException("范围不是有效的WKT polygon is not valid WKT");
        }
        if (!(g instanceof Polygon p) || p.isEmpty()) {
            throw new IllegalArgumentException("范围须为一个多边形 polygon must be one POLYGON");
        }
        for (Coordinate c : p.getCoordinates()) {
            if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                throw new IllegalArgumentException("坐标须为经度 纬度 coordinates must be lon lat (WGS-84)");
            }
        }
        if (!p.isValid()) {
            throw new IllegalArgumentException("多边形自相交或无效 polygon is self-intersecting or invalid");
        }
        ZoneGeometry z = new ZoneGeometry(p);
        double area = z.areaM2();
        if (area < 1) {
            throw new IllegalArgumentException("范围面积过小 polygon area under 1 m²");
        }
        if (area > MAX_AREA_M2) {
            throw new IllegalArgumentException("范围面积超过10万平方米 polygon larger than 100,000 m²");
        }
        org.locationtech.jts.geom.Envelope box = p.getEnvelopeInternal();
        if (box.getWidth() > MAX_SPAN_DEG || box.getHeight() > MAX_SPAN_DEG) {
            throw new IllegalArgumentException("范围跨度超过0.02度（约2公里） polygon spans more than 0.02° (≈ 2 km)");
        }
        return z;
    }

    public String wkt() {
        return polygon.toText();
    }

    public Envelope envelope() {
        return polygon.getEnvelopeInternal();
    }

    /** A point inside the polygon (places the zone in a grid). */
    public Point interiorPoint() {
        return polygon.getInteriorPoint();
    }

    public double areaM2() {
        return planar(polygon, polygon.getCentroid().getY());
    }

    /** The area (m²) this zone shares with another; 0 when they only touch. */
    public double overlapM2(ZoneGeometry other) {
        if (!polygon.getEnvelopeInternal().intersects(other.polygon.getEnvelopeInternal())) {
            return 0;
        }
        Geometry shared = polygon.intersection(other.polygon);
        return shared.isEmpty() ? 0 : planar(shared, polygon.getCentroid().getY());
    }

    /** True when the shared area is more than {@link #OVERLAP_TOLERANCE_M2}. */
    public boolean overlaps(ZoneGeometry other) {
        return overlapM2(other) > OVERLAP_TOLERANCE_M2;
    }

    /** The codes of the zones among {@code others} that this zone overlaps. */
    public List<String> overlapping(List<Coded> others) {
        List<String> codes = new ArrayList<>();
        for (Coded o : others) {
            if (overlaps(o.geometry())) {
                codes.add(o.code());
            }
        }
        return codes;
    }

    /** A zone's code with its geometry. */
    public record Coded(String code, ZoneGeometry geometry) {}

    private static double planar(Geometry g, double lat0) {
        double kx = M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(lat0));
        Geometry copy = g.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = c.x * kx;
            c.y = c.y * M_PER_DEG_LAT;
        });
        copy.geometryChanged();
        return copy.getArea();
    }
}
