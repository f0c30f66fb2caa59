package org.cityops.streetfront.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cityops.geo.GridLocator;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.CreditCode;
import org.cityops.streetfront.parking.ParkingArea;
import org.cityops.streetfront.parking.ParkingAreas;
import org.cityops.streetfront.parking.ParkingCounts;
import org.cityops.streetfront.parking.ParkingGeometry;
import org.cityops.streetfront.parking.ParkingOperator;
import org.cityops.streetfront.parking.ParkingOperators;
import org.cityops.streetfront.parking.TowRecord;
import org.cityops.streetfront.parking.Tows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo 非机动车停放 (demo profile, runs once), made through the parking services as users would: in each of the five
 * districts of {@link DemoStreetfrontSeeder#DISTRICTS}, 220 painted parking lines of about 90 m (one per lattice
 * cell, 11 rows × 20 columns: about 99,000 m in all, the shape of the seed's "more than 100,000 m of parking lines";
 * synthetic, not survey data) and two no-parking zones; three synthetic operators with fleet caps and the demo keys;
 * a few counts (one area of 天宁 overflowing) and tows (released with and without a fee).
 */
@Component
@Profile("demo")
@Order(77)
class DemoParkingSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoParkingSeeder.class);

    static final int ROWS = 11;
    static final int COLS = 20;

    /** The same strings as org's DemoSecrets.PARKING_KEYS (the production guard refuses them). */
    static final List<String> KEYS =
            List.of("cityops-demo-parking-a", "cityops-demo-parking-b", "cityops-demo-parking-c");

    private final JdbcClient jdbc;
    private final ParkingAreas areas;
    private final ParkingOperators operators;
    private final ParkingCounts counts;
    private final Tows tows;
    private final GridLocator grids;

    DemoParkingSeeder(
            JdbcClient jdbc,
            ParkingAreas areas,
            ParkingOperators operators,
            ParkingCounts counts,
            Tows tows,
            GridLocator grids) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.operators = operators;
        this.counts = counts;
        this.tows = tows;
        this.grids = grids;
    }

    /** The code of the demo area of a district's cell (c, r). */
    static String code(String district, int c, int r) {
        return "TC-" + district + "-" + String.format("%02d%02d", r, c);
    }

    /** The painted line of cell (c, r) of a district: west → east across 90 % of the cell, 70 % down. */
    static String line(DemoStreetfrontSeeder.DemoDistrict d, int c, int r) {
        double lat = DemoStreetfrontSeeder.NORTH - (d.row() + r + 0.7) * DemoStreetfrontSeeder.CELL_DLAT;
        double west = DemoStreetfrontSeeder.WEST + (d.col() + c + 0.05) * DemoStreetfrontSeeder.CELL_DLON;
        double east = DemoStreetfrontSeeder.WEST + (d.col() + c + 0.95) * DemoStreetfrontSeeder.CELL_DLON;
        return ParkingGeometry.lineWkt(List.of(new double[] {west, lat}, new double[] {east, lat}));
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM sf_park_area WHERE synthetic")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        int made = 0;
        double metres = 0;
        for (DemoStreetfrontSeeder.DemoDistrict d : DemoStreetfrontSeeder.DISTRICTS) {
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLS; c++) {
                    double lat = DemoStreetfrontSeeder.NORTH - (d.row() + r + 0.7) * DemoStreetfrontSeeder.CELL_DLAT;
                    double lon = DemoStreetfrontSeeder.WEST + (d.col() + c + 0.5) * DemoStreetfrontSeeder.CELL_DLON;
                    if (grids.locate(lat, lon).isEmpty()) {
                        continue;
                    }
                    ParkingArea a = areas.create(
                            new ParkingAreas.AreaDraft(
                                    code(d.code(), c, r),
                                    d.name() + "区演示路" + (r + 1) + "段停放区" + (c + 1),
                                    line(d, c, r),
                                    2.0,
                                    null),
                            StaffMember.SYSTEM,
                            true);
                    made++;
                    metres += a.lengthM();
                }
            }
            for (int z = 0; z < 2; z++) {
                int c = COLS + 1 + 2 * z;
                int r = 2 + 4 * z;
                double n = DemoStreetfrontSeeder.NORTH - (d.row() + r + 0.2) * DemoStreetfrontSeeder.CELL_DLAT;
                double s = DemoStreetfrontSeeder.NORTH - (d.row() + r + 0.8) * DemoStreetfrontSeeder.CELL_DLAT;
                double w = DemoStreetfrontSeeder.WEST + (d.col() + c + 0.2) * DemoStreetfrontSeeder.CELL_DLON;
                double e = DemoStreetfrontSeeder.WEST + (d.col() + c + 0.8) * DemoStreetfrontSeeder.CELL_DLON;
                if (grids.locate((n + s) / 2, (w + e) / 2).isEmpty()) {
                    continue;
                }
                String wkt = String.format(
                        java.util.Locale.ROOT,
                        "POLYGON((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))",
                        w,
                        n,
                        e,
                        n,
                        e,
                        s,
                        w,
                        s,
                        w,
                        n);
                areas.createZone(
                        "JT-" + d.code() + "-" + (z + 1),
                        d.name() + (z == 0 ? "区地铁站出入口禁停区（演示）" : "区医院门前禁停区（演示）"),
                        wkt,
                        StaffMember.SYSTEM,
                        true);
            }
        }
        List<ParkingOperator> ops = new ArrayList<>();
        String[][] defs = {
            {"DEMO-A", "演示单车甲（合成）", "30000"}, {"DEMO-B", "演示单车乙（合成）", "20000"}, {"DEMO-C", "演示单车丙（合成）", "8000"}
        };
        for (int i = 0; i < defs.length; i++) {
            String credit17 = "91320400MA1PK000" + (i + 1);
            ParkingOperator o = operators.create(
                    defs[i][0],
                    defs[i][1],
                    credit17 + CreditCode.checkChar(credit17),
                    Integer.parseInt(defs[i][2]),
                    StaffMember.SYSTEM,
                    true);
            operators.registerKey(o.id(), KEYS.get(i));
            ops.add(o);
        }
        // 天宁 cell (0,0) overflows (two operators' bicycles above its capacity); 钟楼 (0,0) is counted by an inspector
        String tn = code("320402", 0, 0);
        counts.byOperator(ops.get(0), tn, 120);
        counts.byOperator(ops.get(1), tn, 60);
        counts.byOperator(ops.get(2), code("320402", 1, 0), 20);
        StaffMember inspector =
                new StaffMember(0, "inspector1", "监督员一", Set.of(Role.INSPECTOR), DataScope.CITY, null, null, null);
        jdbc.sql("SELECT id FROM sf_park_area WHERE code = :c")
                .param("c", code("320404", 0, 0))
                .query(Long.class)
                .optional()
                .ifPresent(id -> counts.byInspector(id, 80, inspector));
        // tows: operator C (smallest fleet) has the most per 1,000 bicycles → 黑榜; A the fewest → 红榜
        int[] perOperator = {1, 2, 3};
        int k = 0;
        for (int i = 0; i < ops.size(); i++) {
            for (int j = 0; j < perOperator[i]; j++) {
                DemoStreetfrontSeeder.DemoDistrict d =
                        DemoStreetfrontSeeder.DISTRICTS.get(k % DemoStreetfrontSeeder.DISTRICTS.size());
                double lat = DemoStreetfrontSeeder.NORTH - (d.row() + 12 + j + 0.5) * DemoStreetfrontSeeder.CELL_DLAT;
                double lon = DemoStreetfrontSeeder.WEST + (d.col() + 2 + i + 0.5) * DemoStreetfrontSeeder.CELL_DLON;
                TowRecord t = tows.tow(
                        new Tows.TowDraft(
                                "SHARED_BIKE",
                                "BK" + (8800100 + k),
                                ops.get(i).id(),
                                lat,
                                lon,
                                d.name() + "区演示路" + (k + 1) + "号（盲道上）",
                                d.name() + "区非机动车停放保管场"),
                        inspector,
                        true);
                if (k % 3 == 0) {
                    tows.release(t.id(), ops.get(i).name() + "调度员", new BigDecimal("20"), null, inspector);
                } else if (k % 3 == 1) {
                    tows.release(t.id(), ops.get(i).name() + "调度员", BigDecimal.ZERO, "首次违停，教育后免费放行", inspector);
                }
                k++;
            }
        }
        log.info(
                "demo parking: {} areas, {} m of parking lines (synthetic), {} operators, {} tows",
                made,
                Math.round(metres),
                ops.size(),
                k);
    }
}
