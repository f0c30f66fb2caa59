package org.cityops.sanitation.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SYNTHETIC demo road network (demo profile) over the five central districts of the demo city: in the first
 * community block of each district, two east–west roads of three segments (≈ 400 m each) and two north–south roads
 * of two segments (≈ 700 m each), laid on the demo grid lattice. Invented, not survey data; the simulator's
 * {@code --scenario sanitation} drives on it.
 */
public final class DemoRoadNetwork {

    /** One demo segment: code, name, district, WGS-84 end points (a straight line). */
    public record DemoSegment(
            String code,
            String name,
            String districtCode,
            String section,
            String company,
            String grade,
            double widthM,
            double lat1,
            double lon1,
            double lat2,
            double lon2) {

        public String wkt() {
            return String.format(Locale.ROOT, "LINESTRING (%.7f %.7f, %.7f %.7f)", lon1, lat1, lon2, lat2);
        }
    }

    static final String[] DISTRICTS = {"320402", "320404", "320411", "320412", "320491"};
    static final String[] DISTRICT_NAMES = {"天宁", "钟楼", "新北", "武进", "经开"};
    static final String[] COMPANIES = {"常州洁城环境服务有限公司", "常州绿净环卫作业有限公司", "常州清源市容服务有限公司"};
    static final String[] EW = {"长江路", "和平路"};
    static final String[] NS = {"通江大道", "劳动路"};

    private DemoRoadNetwork() {}

    public static List<DemoSegment> segments() {
        List<DemoSegment> out = new ArrayList<>();
        for (int d = 0; d < DISTRICTS.length; d++) {
            Patch p = patch(DISTRICTS[d]);
            String prefix = DISTRICT_NAMES[d];
            String section = prefix + "第一标段";
            String company = COMPANIES[d % COMPANIES.length];
            for (int r = 0; r < 2; r++) {
                double lat = p.latOf(p.row() + 4 + 8 * r);
                for (int s = 0; s < 3; s++) {
                    out.add(new DemoSegment(
                            String.format("DL-%s-EW%d-%d", DISTRICTS[d], r + 1, s + 1),
                            prefix + EW[r] + "（" + (s + 1) + "段）",
                            DISTRICTS[d],
                            section,
                            company,
                            r == 0 ? "GRADE_1" : "GRADE_2",
                            r == 0 ? 16 : 12,
                            lat,
                            p.lonOf(p.col() + 2 + 4 * s),
                            lat,
                            p.lonOf(p.col() + 6 + 4 * s)));
                }
            }
            for (int c = 0; c < 2; c++) {
                double lon = p.lonOf(p.col() + 4 + 6 * c);
                for (int s = 0; s < 2; s++) {
                    out.add(new DemoSegment(
                            String.format("DL-%s-NS%d-%d", DISTRICTS[d], c + 1, s + 1),
                            prefix + NS[c] + "（" + (s + 1) + "段）",
                            DISTRICTS[d],
                            section,
                            company,
                            "GRADE_3",
                            9,
                            p.latOf(p.row() + 2 + 7 * s),
                            lon,
                            p.latOf(p.row() + 9 + 7 * s),
                            lon));
                }
            }
        }
        return out;
    }

    /** The demo segment with this code. */
    public static DemoSegment segment(String code) {
        return segments().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo segment " + code));
    }

    /**
     * Where a district's first community block lies on the demo grid lattice: the same numbers as geo's demo layer
     * ({@code geo.demo.DemoGrids}, internal to geo), repeated here so that the network lies inside the demo grids.
     */
    record Patch(String districtCode, int col, int row) {
        static final double CELL_DLON = 0.00106;
        static final double CELL_DLAT = 0.0009;
        static final double NORTH = 31.84;
        static final double WEST = 119.87;

        double lonOf(int c) {
            return WEST + c * CELL_DLON;
        }

        double latOf(int r) {
            return NORTH - r * CELL_DLAT;
        }
    }

    static final List<Patch> PATCHES = List.of(
            new Patch("320402", 64, 36),
            new Patch("320404", 0, 36),
            new Patch("320411", 16, 0),
            new Patch("320412", 40, 72),
            new Patch("320491", 128, 36));

    private static Patch patch(String district) {
        return PATCHES.stream()
                .filter(x -> x.districtCode().equals(district))
                .findFirst()
                .orElseThrow();
    }

    /** Demo sanitation vehicles: terminals 13951240001.., plates 苏D·H4001.. */
    public static final String FIRST_TERMINAL = "13951240001";

    public static final int VEHICLES = 6;
    /** The JT/T 808 status bit the demo sanitation terminals set while the brush or spray is on. */
    public static final int WORK_BIT = 20;

    public static String plate(int i) {
        return "苏D·H" + (4001 + i);
    }

    public static String terminal(int i) {
        return String.valueOf(Long.parseLong(FIRST_TERMINAL) + i);
    }
}
