package org.cityops.bench.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cityops.geo.GridLocation;
import org.cityops.geo.internal.GridGeometry;
import org.cityops.geo.internal.GridIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * A benchmark layer: {@code side × side} irregular quadrilateral grids (≈ 100 m) around Changzhou. The corner
 * lattice is jittered deterministically, and neighbours share their jittered corners, so the layer is seamless
 * and free of overlaps like a real one, without every cell being an axis-aligned rectangle.
 */
public final class SyntheticGridLayer {

    static final double WEST = 119.80;
    static final double NORTH = 31.90;
    static final double DLON = 0.00106;
    static final double DLAT = 0.0009;

    final int side;
    final List<GridIndex.Entry> entries;

    public SyntheticGridLayer(int side) {
        this.side = side;
        Coordinate[][] corners = new Coordinate[side + 1][side + 1];
        SplittableRandom jitter = new SplittableRandom(42);
        for (int r = 0; r <= side; r++) {
            for (int c = 0; c <= side; c++) {
                boolean edge = r == 0 || c == 0 || r == side || c == side;
                double jx = edge ? 0 : (jitter.nextDouble() - 0.5) * 0.3 * DLON;
                double jy = edge ? 0 : (jitter.nextDouble() - 0.5) * 0.3 * DLAT;
                corners[r][c] = new Coordinate(WEST + c * DLON + jx, NORTH - r * DLAT + jy);
            }
        }
        entries = new ArrayList<>(side * side);
        int n = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                Polygon cell = GridGeometry.FACTORY.createPolygon(new Coordinate[] {
                    corners[r][c], corners[r][c + 1], corners[r + 1][c + 1], corners[r + 1][c], corners[r][c]
                });
                // 15-digit codes: 999 grids per community, communities numbered within one district.
                int community = n / 999 + 1;
                int seq = n % 999 + 1;
                String communityCode = String.format("320402%03d%03d", community / 999 + 1, community % 999 + 1);
                String code = communityCode + String.format("%03d", seq);
                entries.add(GridIndex.Entry.of(
                        cell,
                        new GridLocation(
                                code,
                                communityCode,
                                "社区" + community,
                                communityCode.substring(0, 9),
                                "街道",
                                "320402",
                                "天宁区")));
                n++;
            }
        }
    }

    /**
     * The index, with every PreparedGeometry's point locator built (JTS builds it lazily on first use), so a
     * benchmark measures steady-state lookups rather than 40,000 one-off index builds.
     */
    public GridIndex index() {
        for (GridIndex.Entry e : entries) {
            e.prepared().intersects(e.geometry().getInteriorPoint());
        }
        return new GridIndex(entries);
    }

    /** Random query points over the layer's box plus a 5 % margin outside it. */
    public double[][] points(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double width = side * DLON;
        double height = side * DLAT;
        double[][] pts = new double[count][2];
        for (int i = 0; i < count; i++) {
            pts[i][0] = NORTH - height * 1.05 + random.nextDouble() * height * 1.1; // lat
            pts[i][1] = WEST - width * 0.05 + random.nextDouble() * width * 1.1; // lon
        }
        return pts;
    }
}
