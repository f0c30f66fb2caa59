package org.cityops.wastestream.classification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
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
 * Demo classification units (demo profile, once, SYNTHETIC, through {@link ClassificationUnits}): in each of the
 * seven districts five units of different kinds, one without a 有害垃圾 bin (not covered), and in 天宁 two inspections
 * (one 混投, one finding the 其他垃圾 bin gone, which uncovers that unit). 溧阳 has one 农村 unit.
 */
@Component
@Profile("demo")
@Order(78)
class DemoClassificationSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClassificationSeeder.class);
    static final double CELL_DLON = 0.00106;
    static final double CELL_DLAT = 0.0009;

    record Place(String district, double north, double west, int col, int row) {}

    static final List<Place> PLACES = List.of(
            new Place("320402", 31.84, 119.87, 66, 38),
            new Place("320404", 31.84, 119.87, 2, 38),
            new Place("320411", 31.84, 119.87, 18, 2),
            new Place("320412", 31.84, 119.87, 42, 74),
            new Place("320491", 31.84, 119.87, 130, 38),
            new Place("320413", 31.75, 119.54, 2, 2),
            new Place("320481", 31.45, 119.46, 2, 2));

    static final String[] KINDS = {"小区", "单位", "学校", "医院", "银行网点", "公共机构"};

    private final JdbcClient jdbc;
    private final ClassificationUnits units;
    private final Clock clock;

    DemoClassificationSeeder(JdbcClient jdbc, ClassificationUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM wsc_unit").query(Long.class).single() > 0) {
            return;
        }
        int n = 0;
        long tianning = 0;
        long tianning2 = 0;
        for (Place p : PLACES) {
            for (int i = 0; i < 5; i++) {
                double lat = p.north() - (p.row() + i + 0.5) * CELL_DLAT;
                double lon = p.west() + (p.col() + i + 0.5) * CELL_DLON;
                boolean noHazardous = i == 4;
                ClassificationUnit u = units.create(
                        new UnitDraft(
                                "FL-%s-%02d".formatted(p.district(), i + 1),
                                "示例分类" + KINDS[(n + i) % KINDS.length] + (n + i + 1),
                                KINDS[(n + i) % KINDS.length],
                                "常州市示例路" + (n + i + 1) + "号",
                                lat,
                                lon,
                                4,
                                noHazardous ? 0 : 1,
                                2,
                                4,
                                p.district().equals("320481") && i == 3),
                        StaffMember.SYSTEM);
                if (p.district().equals("320402") && i == 0) {
                    tianning = u.id();
                }
                if (p.district().equals("320402") && i == 1) {
                    tianning2 = u.id();
                }
            }
            n += 5;
        }
        LocalDate yesterday =
                LocalDate.ofInstant(clock.instant(), CityClock.ZONE).minusDays(1);
        units.inspect(
                tianning,
                yesterday,
                Map.of(
                        WasteClass.RECYCLABLE, Finding.OK,
                        WasteClass.HAZARDOUS, Finding.OK,
                        WasteClass.KITCHEN, Finding.MIXED,
                        WasteClass.OTHER, Finding.OK),
                "厨余垃圾桶内混有塑料袋",
                StaffMember.SYSTEM);
        units.inspect(
                tianning2,
                yesterday,
                Map.of(
                        WasteClass.RECYCLABLE, Finding.OK,
                        WasteClass.HAZARDOUS, Finding.OK,
                        WasteClass.KITCHEN, Finding.OK,
                        WasteClass.OTHER, Finding.ABSENT),
                "其他垃圾桶已撤走",
                StaffMember.SYSTEM);
        log.info("demo classification: {} units, 2 inspections", n);
    }
}
