package org.cityops.geo;

/**
 * WGS-84 ↔ GCJ-02 (国测局坐标). GCJ-02 shifts a point by a few hundred metres with a published, deterministic formula
 * (Krasovsky ellipsoid constants and a sum of sines of the offset from 105° E, 35° N); points outside mainland China's
 * rough bounding box are not shifted. The inverse has no closed form: {@link #toWgs84} iterates the forward transform
 * until the round trip is below 1e-9° (≈ 0.1 mm).
 */
public final class ChinaCoordinates {

    /** A point as longitude, latitude in degrees. */
    public record LonLat(double lon, double lat) {}

    private static final double A = 6378245.0; // Krasovsky 1940 semi-major axis
    private static final double EE = 0.00669342162296594323; // its first eccentricity squared

    private ChinaCoordinates() {}

    /** True when GCJ-02 leaves the point alone (outside the box that roughly encloses mainland China). */
    public static boolean outsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static LonLat toGcj02(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double[] d = delta(lon, lat);
        return new LonLat(lon + d[0], lat + d[1]);
    }

    public static LonLat toWgs84(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < 30; i++) {
            LonLat g = toGcj02(wLon, wLat);
            double eLon = g.lon() - lon;
            double eLat = g.lat() - lat;
            wLon -= eLon;
            wLat -= eLat;
            if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) {
                break;
            }
        }
        return new LonLat(wLon, wLat);
    }

    /** Converts from one system to the other (identity when they are the same). */
    public static LonLat convert(double lon, double lat, CoordinateSystem from, CoordinateSystem to) {
        if (from == to) {
            return new LonLat(lon, lat);
        }
        return to == CoordinateSystem.GCJ02 ? toGcj02(lon, lat) : toWgs84(lon, lat);
    }

    private static double[] delta(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = shiftLat(x, y);
        double dLon = shiftLon(x, y);
        double radLat = Math.toRadians(lat);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = dLat * 180.0 / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double shiftLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double shiftLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
