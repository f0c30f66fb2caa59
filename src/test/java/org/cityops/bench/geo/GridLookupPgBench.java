package org.cityops.bench.geo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.cityops.geo.internal.GridGeometry;
import org.cityops.geo.internal.GridIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The same point → grid lookup done by PostgreSQL (no PostGIS), against the in-memory index, single thread.
 * Two SQL variants over the same 40,000 grids:
 * <ol>
 * <li>{@code bbox+jts}: the geo_grid approach: B-tree index on (min_lon, max_lon, min_lat, max_lat), the query
 * returns the candidates whose box holds the point, with their WKT, and the client runs the JTS point-in-polygon
 * test (one round trip per lookup);</li>
 * <li>{@code native polygon}: a built-in {@code polygon} column with a GiST index, {@code WHERE poly @> point(lon, lat)}
 * — the whole test in the database.</li>
 * </ol>
 * Arguments: JDBC URL of a scratch database (default jdbc:postgresql://127.0.0.1:5432/postgres), user, seconds
 * per variant. Creates and drops its own table {@code geo_bench_grid}.
 */
public final class GridLookupPgBench {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 1 ? args[1] : "postgres";
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        SyntheticGridLayer layer = new SyntheticGridLayer(200);
        GridIndex index = layer.index();
        double[][] points = layer.points(1 << 16, 7);

        double tree = inMemory(index, points, seconds, false);
        double scan = inMemory(index, points, Math.min(seconds, 3), true);
        try (Connection c =
                DriverManager.getConnection(url, user, System.getenv().getOrDefault("PGPASSWORD", ""))) {
            load(c, layer);
            System.out.println("bbox B-tree + JTS client:");
            double bbox = bboxThenJts(c, points, seconds, index);
            System.out.println("native polygon @> point:");
            double nativePolygon = nativePolygon(c, points, seconds, index);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE geo_bench_grid");
            }
            System.out.printf(
                    "grids: %d, query points: %d (≈5%% outside the layer), one thread%n", index.size(), points.length);
            System.out.printf("in-memory STRtree+PreparedGeometry : %,12.0f lookups/s%n", tree);
            System.out.printf(
                    "in-memory brute-force scan         : %,12.0f lookups/s  (STRtree is %,.0f× faster)%n",
                    scan, tree / scan);
            System.out.printf(
                    "PostgreSQL bbox B-tree + JTS client: %,12.0f lookups/s  (STRtree is %,.0f× faster)%n",
                    bbox, tree / bbox);
            System.out.printf(
                    "PostgreSQL polygon @> point (GiST) : %,12.0f lookups/s  (STRtree is %,.0f× faster)%n",
                    nativePolygon, tree / nativePolygon);
        }
    }

    private static double inMemory(GridIndex index, double[][] points, double seconds, boolean scan) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long warm = System.nanoTime() + (long) (Math.min(1, seconds / 3) * 1e9);
        long n = 0;
        long hits = 0;
        long start = 0;
        boolean measuring = false;
        for (int i = 0; ; i = (i + 1) & (points.length - 1)) {
            double[] p = points[i];
            if ((scan ? index.locateByScan(p[0], p[1]) : index.locateOrNull(p[0], p[1])) != null) {
                hits++;
            }
            if (scan || (i & 255) == 0) {
                long now = System.nanoTime();
                if (!measuring && now > warm) {
                    measuring = true;
                    start = now;
                    n = 0;
                }
                if (now > deadline) {
                    break;
                }
            }
            n++;
        }
        if (hits < 0) {
            System.out.println(hits);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void load(Connection c, SyntheticGridLayer layer) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS geo_bench_grid");
            s.execute("CREATE TABLE geo_bench_grid (code VARCHAR(15) PRIMARY KEY, geometry_wkt VARCHAR NOT NULL,"
                    + " min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION,"
                    + " max_lat DOUBLE PRECISION, poly POLYGON)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO geo_bench_grid VALUES (?, ?, ?, ?, ?, ?, ?::polygon)")) {
            int n = 0;
            for (GridIndex.Entry e : layer.entries) {
                var env = e.geometry().getEnvelopeInternal();
                StringBuilder poly = new StringBuilder("(");
                Coordinate[] cs = e.geometry().getCoordinates();
                for (int i = 0; i < cs.length - 1; i++) {
                    poly.append(i == 0 ? "" : ",")
                            .append('(')
                            .append(cs[i].x)
                            .append(',')
                            .append(cs[i].y)
                            .append(')');
                }
                ps.setString(1, e.code());
                ps.setString(2, GridGeometry.toWkt(e.geometry()));
                ps.setDouble(3, env.getMinX());
                ps.setDouble(4, env.getMinY());
                ps.setDouble(5, env.getMaxX());
                ps.setDouble(6, env.getMaxY());
                ps.setString(7, poly.append(')').toString());
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX geo_bench_bbox_idx ON geo_bench_grid (min_lon, max_lon, min_lat, max_lat)");
            s.execute("CREATE INDEX geo_bench_poly_idx ON geo_bench_grid USING gist (poly)");
            s.execute("ANALYZE geo_bench_grid");
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static double bboxThenJts(Connection c, double[][] points, double seconds, GridIndex index)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT code, geometry_wkt FROM geo_bench_grid"
                + " WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ? ORDER BY code")) {
            return timed(points, seconds, index, p -> {
                ps.setDouble(1, p[1]);
                ps.setDouble(2, p[1]);
                ps.setDouble(3, p[0]);
                ps.setDouble(4, p[0]);
                Point pt = GridGeometry.FACTORY.createPoint(new Coordinate(p[1], p[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Geometry g = GridGeometry.fromWkt(rs.getString(2));
                        if (g.intersects(pt)) {
                            return rs.getString(1);
                        }
                    }
                }
                return null;
            });
        }
    }

    private static double nativePolygon(Connection c, double[][] points, double seconds, GridIndex index)
            throws Exception {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT code FROM geo_bench_grid WHERE poly @> point(?, ?) ORDER BY code LIMIT 1")) {
            return timed(points, seconds, index, p -> {
                ps.setDouble(1, p[1]);
                ps.setDouble(2, p[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
        }
    }

    interface Lookup {
        String find(double[] p) throws Exception;
    }

    /** Runs lookups for the given time; checks every answer against the in-memory index. */
    private static double timed(double[][] points, double seconds, GridIndex index, Lookup lookup) throws Exception {
        for (int i = 0; i < 500; i++) {
            lookup.find(points[i]);
        }
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long n = 0;
        int mismatches = 0;
        for (int i = 0; System.nanoTime() < deadline; i = (i + 1) & (points.length - 1)) {
            String got = lookup.find(points[i]);
            var expected = index.locateOrNull(points[i][0], points[i][1]);
            String want = expected == null ? null : expected.gridCode();
            if (got == null ? want != null : !got.equals(want)) {
                mismatches++;
            }
            n++;
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        if (mismatches > 0) {
            System.out.printf("  %d of %d answers differed from the in-memory index%n", mismatches, n);
        }
        return rate;
    }
}
