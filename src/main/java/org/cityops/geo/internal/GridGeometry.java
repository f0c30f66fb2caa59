package org.cityops.geo.internal;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
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

    private GridGeometry() {
    }

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

    public static String toWkt(Geometry g) {
        return new WKTWriter().write(g);
    }

    public static Geometry fromWkt(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("stored grid geometry is not valid WKT", e);
        }
    }
}
