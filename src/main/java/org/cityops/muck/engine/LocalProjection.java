package org.cityops.muck.engine;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * A local equirectangular projection around the city centre: x = R·Δλ·cos φ0, y = R·Δφ (metres, R = mean earth
 * radius). Within 60 km of the centre the scale error stays below 0.3 % (the cos φ variation over ±0.5°), i.e.
 * under 15 cm on a 50 m corridor: good enough for fences and corridors, and far cheaper than a UTM transform.
 * Input and output geometries use JTS's x = longitude, y = latitude convention for WGS-84.
 */
public final class LocalProjection {

    private static final double R = 6_371_008.8;
    private final double lat0;
    private final double lon0;
    private final double cosLat0;
    private final GeometryFactory factory = new GeometryFactory();

    public LocalProjection(double lat0, double lon0) {
        this.lat0 = lat0;
        this.lon0 = lon0;
        this.cosLat0 = Math.cos(Math.toRadians(lat0));
    }

    /** Changzhou (常州), the demo city. */
    public static LocalProjection changzhou() {
        return new LocalProjection(31.78, 119.95);
    }

    public Coordinate toMetres(double lat, double lon) {
        return new Coordinate(R * Math.toRadians(lon - lon0) * cosLat0, R * Math.toRadians(lat - lat0));
    }

    public Point point(double lat, double lon) {
        return factory.createPoint(toMetres(lat, lon));
    }

    /** {lat, lon} of a projected coordinate. */
    public double[] toDegrees(Coordinate c) {
        return new double[] {lat0 + Math.toDegrees(c.y / R), lon0 + Math.toDegrees(c.x / (R * cosLat0))};
    }

    /** A copy of a WGS-84 geometry (x = lon, y = lat) in metres. */
    public Geometry project(Geometry wgs84) {
        Geometry copy = wgs84.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateSequenceFilter) new Projector());
        copy.geometryChanged();
        return copy;
    }

    private final class Projector implements org.locationtech.jts.geom.CoordinateSequenceFilter {
        @Override
        public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
            Coordinate m = toMetres(seq.getY(i), seq.getX(i));
            seq.setOrdinate(i, 0, m.x);
            seq.setOrdinate(i, 1, m.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }

    /** Parses WGS-84 WKT (lon lat) and projects it to metres. */
    public Geometry projectWkt(String wkt) {
        try {
            return project(new org.locationtech.jts.io.WKTReader(factory).read(wkt));
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException("not WKT: " + e.getMessage(), e);
        }
    }

    /** The approved route (LINESTRING, WGS-84 WKT) buffered by {@code widthMetres} on each side, in metres. */
    public Geometry corridor(String routeWkt, double widthMetres) {
        return projectWkt(routeWkt).buffer(widthMetres, 8);
    }

    public GeometryFactory factory() {
        return factory;
    }
}
