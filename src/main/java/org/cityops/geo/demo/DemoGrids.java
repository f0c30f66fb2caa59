package org.cityops.geo.demo;

import java.util.List;

/**
 * The SYNTHETIC demo grid layer (demo profile) of Changzhou (常州): where it lies and a known point per district,
 * for other modules' tests and demo data. The layer is generated in code (see docs/geo.md): cells of
 * {@link #CELL_DLON} × {@link #CELL_DLAT} degrees (≈ 100 m × 100 m), one rectangular block of cells per
 * community, communities in code order laid out west → east, north → south in each district's patch, grids in a
 * community numbered west → east, north → south from 001. The boundaries are invented, not survey data.
 */
public final class DemoGrids {

    /** Cell width in degrees of longitude (≈ 100.3 m at 31.8° N). */
    public static final double CELL_DLON = 0.00106;
    /** Cell height in degrees of latitude (≈ 99.5 m). */
    public static final double CELL_DLAT = 0.0009;

    /** North-west corner of the lattice of the five central districts. */
    public static final double CENTRAL_NORTH = 31.84;

    public static final double CENTRAL_WEST = 119.87;

    /**
     * Where one district's communities are laid out: the district's north-west corner is cell ({@code col},
     * {@code row}) of the lattice whose north-west corner is ({@code north}, {@code west}); each community is a
     * block of {@code blockCols} × {@code blockRows} cells, {@code blocksPerRow} blocks side by side.
     */
    public record Patch(
            String districtCode,
            double north,
            double west,
            int col,
            int row,
            int blockCols,
            int blockRows,
            int blocksPerRow) {

        /** West edge of lattice column {@code c} (computed the same way for every cell, so neighbours share edges). */
        public double lonOf(int c) {
            return west + c * CELL_DLON;
        }

        /** North edge of lattice row {@code r}. */
        public double latOf(int r) {
            return north - r * CELL_DLAT;
        }
    }

    public static final List<Patch> PATCHES = List.of(
            new Patch("320411", CENTRAL_NORTH, CENTRAL_WEST, 16, 0, 16, 18, 3), // 新北区, north
            new Patch("320404", CENTRAL_NORTH, CENTRAL_WEST, 0, 36, 16, 18, 4), // 钟楼区, west centre
            new Patch("320402", CENTRAL_NORTH, CENTRAL_WEST, 64, 36, 16, 18, 4), // 天宁区, east centre
            new Patch("320491", CENTRAL_NORTH, CENTRAL_WEST, 128, 36, 16, 18, 2), // 常州经开区, east
            new Patch("320412", CENTRAL_NORTH, CENTRAL_WEST, 40, 72, 16, 18, 3), // 武进区, south
            new Patch("320413", 31.75, 119.54, 0, 0, 10, 10, 2), // 金坛区, west patch
            new Patch("320481", 31.45, 119.46, 0, 0, 10, 10, 2)); // 溧阳市, south-west patch

    /** A point inside a known demo grid. */
    public record KnownPoint(String districtCode, String gridCode, double lat, double lon) {}

    /** Centre of grid 001 of the district's first community (street 001, community 001). */
    public static KnownPoint knownPoint(String districtCode) {
        for (Patch p : PATCHES) {
            if (p.districtCode().equals(districtCode)) {
                double lat = (p.latOf(p.row()) + p.latOf(p.row() + 1)) / 2;
                double lon = (p.lonOf(p.col()) + p.lonOf(p.col() + 1)) / 2;
                return new KnownPoint(districtCode, districtCode + "001001001", lat, lon);
            }
        }
        throw new IllegalArgumentException("no demo patch for district " + districtCode);
    }

    public static final KnownPoint TIANNING = knownPoint("320402"); // 天宁区
    public static final KnownPoint ZHONGLOU = knownPoint("320404"); // 钟楼区
    public static final KnownPoint XINBEI = knownPoint("320411"); // 新北区
    public static final KnownPoint WUJIN = knownPoint("320412"); // 武进区
    public static final KnownPoint JINTAN = knownPoint("320413"); // 金坛区
    public static final KnownPoint LIYANG = knownPoint("320481"); // 溧阳市
    public static final KnownPoint JINGKAI = knownPoint("320491"); // 常州经开区

    public static final List<KnownPoint> KNOWN_POINTS =
            List.of(TIANNING, ZHONGLOU, XINBEI, WUJIN, JINTAN, LIYANG, JINGKAI);

    /** A point outside the city (Shanghai, People's Square): no grid. */
    public static final double OUTSIDE_LAT = 31.2304;

    public static final double OUTSIDE_LON = 121.4737;

    private DemoGrids() {}
}
