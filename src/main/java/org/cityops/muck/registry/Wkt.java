package org.cityops.muck.registry;

import org.cityops.platform.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Checks geometries given as WGS-84 WKT ({@code lon lat}) and keeps them in a normal form. */
final class Wkt {

    private Wkt() {}

    static String polygon(String wkt, String field) {
        Geometry g = read(wkt, field);
        if (!(g instanceof Polygon || g instanceof MultiPolygon) || !g.isValid() || g.getArea() <= 0) {
            throw new InvalidInputException("需要有效的多边形 a valid POLYGON is required (WKT, lon lat)", field);
        }
        return g.toText();
    }

    static String line(String wkt, String field) {
        if (wkt == null || wkt.isBlank()) {
            return null;
        }
        Geometry g = read(wkt, field);
        if (!(g instanceof LineString) || g.getNumPoints() < 2) {
            throw new InvalidInputException("需要线 a LINESTRING is required (WKT, lon lat)", field);
        }
        return g.toText();
    }

    static String points(String wkt, String field) {
        if (wkt == null || wkt.isBlank()) {
            return null;
        }
        Geometry g = read(wkt, field);
        if (!(g instanceof MultiPoint || g instanceof Point)) {
            throw new InvalidInputException("需要点 a POINT or MULTIPOINT is required (WKT, lon lat)", field);
        }
        return g.toText();
    }

    private static Geometry read(String wkt, String field) {
        if (wkt == null || wkt.isBlank()) {
            throw new InvalidInputException("缺少几何图形 geometry is required", field);
        }
        if (wkt.length() > 200_000) {
            throw new InvalidInputException("几何图形过大 geometry too large", field);
        }
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidInputException("不是合法的 WKT not valid WKT: " + e.getMessage(), field);
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                throw new InvalidInputException("坐标超出范围 coordinates out of range (lon lat order)", field);
            }
        }
        return g;
    }
}
