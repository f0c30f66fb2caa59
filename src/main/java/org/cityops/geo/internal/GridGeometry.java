package org.cityops.geo.internal;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/** Geometry helpers: WGS-84 (EPSG:4326) lon/lat geometries, WKT, and areas in square metres. */
public final class GridGeometry {

    /** x = longitude, y = latitude, double precision. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    /** Metres per degree of latitude (mean). */
    static final double M_PER_DEG_LAT = 110_574.0;
    /** Metres per degree of longitude at the equator. */
    static final double M_PER_DEG_LON_EQUATOR = 111_320.0;

    private GridGeometry() {}

    /**
     * Area in m², from the area in square degrees scaled at the geometry's mean latitude (local equirectangular
     * approximation; well under 0.1 % off for grid-sized polygons).
     */
    public static double areaM2(Geometry g) {
        return g.getArea() * squareMetresPerSquareDegree(g.getEnvelopeInternal());
    }

    static double squareMetresPerSquareDegree(Envelope env) {
        double midLat = (env.getMinY() + env.getMaxY()) / 2;
        return M_PER_DEG_LAT * M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(midLat));
    }

    /** WKT with full double precision (shortest round-trip text of each ordinate). */
    public static String toWkt(Geometry g) {
        StringBuilder sb = new StringBuilder(64 + g.getNumPoints() * 40);
        if (g instanceof Polygon) {
            sb.append("POLYGON ");
            polygon(sb, (Polygon) g);
        } else if (g instanceof MultiPolygon) {
            sb.append("MULTIPOLYGON (");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                polygon(sb, (Polygon) g.getGeometryN(i));
            }
            sb.append(')');
        } else {
            return new WKTWriter().write(g);
        }
        return sb.toString();
    }

    private static void polygon(StringBuilder sb, Polygon p) {
        sb.append('(');
        ring(sb, p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(", ");
            ring(sb, p.getInteriorRingN(i).getCoordinateSequence());
        }
        sb.append(')');
    }

    private static void ring(StringBuilder sb, CoordinateSequence cs) {
        sb.append('(');
        for (int i = 0; i < cs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(cs.getX(i)).append(' ').append(cs.getY(i));
        }
        sb.append(')');
    }

    public static Geometry fromWkt(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("stored grid geometry is not valid WKT", e);
        }
    }
}
