package org.cityops.sanitation.attendance;

import org.cityops.platform.InvalidInputException;
import org.cityops.sanitation.coverage.LocalFrame;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A post's area (岗位范围): the polygon as entered (WKT, WGS-84, x = lon, y = lat), checked to be one simple polygon
 * with an area, and the same polygon in metres of the city's local frame for the attendance rules.
 */
final class PostArea {

    static final LocalFrame FRAME = LocalFrame.changzhou();
    private static final GeometryFactory GF = new GeometryFactory();

    private PostArea() {}

    /** The polygon of {@code wkt}; refused naming the field {@code wkt} when it is missing, not one or crosses itself. */
    static Polygon parse(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            throw new InvalidInputException("岗位范围必填（WKT POLYGON）area required", "wkt");
        }
        Geometry g;
        try {
            g = new WKTReader(GF).read(wkt);
        } catch (ParseException e) {
            throw new InvalidInputException("岗位范围须为 WKT POLYGON area must be a WKT POLYGON", "wkt");
        }
        if (!(g instanceof Polygon p) || p.isEmpty()) {
            throw new InvalidInputException("岗位范围须为 WKT POLYGON area must be a WKT POLYGON", "wkt");
        }
        if (!p.isValid() || p.getArea() <= 0) {
            throw new InvalidInputException("岗位范围自相交或面积为零 area crosses itself or is empty", "wkt");
        }
        return p;
    }

    /** The polygon in metres of the local frame. */
    static Polygon inMetres(Polygon wgs84) {
        Coordinate[] ring = wgs84.getExteriorRing().getCoordinates();
        Coordinate[] metres = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            metres[i] = FRAME.toMetres(ring[i].y, ring[i].x);
        }
        return GF.createPolygon(metres);
    }
}
