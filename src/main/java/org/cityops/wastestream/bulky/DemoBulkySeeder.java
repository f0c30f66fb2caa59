package org.cityops.wastestream.bulky;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.StaffMember;
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
 * The seed's seven bulky-waste sorting centres (demo profile, once, through {@link BulkyWaste}). Only 溧阳's capacity
 * (5 t/day) is in the seed; the others are SYNTHETIC and marked so. Three days of intake weighing and two citizen
 * bookings for tomorrow.
 */
@Component
@Profile("demo")
@Order(77)
class DemoBulkySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBulkySeeder.class);
    static final double CELL_DLON = 0.00106;
    static final double CELL_DLAT = 0.0009;

    /** A centre of the seed at the centre of a demo grid cell (the demo lattice of geo.demo, repeated here). */
    record Seeded(
            String name,
            double north,
            double west,
            int col,
            int row,
            String capacity,
            boolean synthetic,
            String materials) {
        double lat() {
            return north - (row + 0.5) * CELL_DLAT;
        }

        double lon() {
            return west + (col + 0.5) * CELL_DLON;
        }
    }

    static final String ALL = "木质家具、金属、塑料、玻璃、织物（床垫、沙发）";
    static final List<Seeded> CENTRES = List.of(
            new Seeded("溧阳市大件垃圾分拣中心", 31.45, 119.46, 1, 1, "5", false, ALL),
            new Seeded("金坛区大件垃圾分拣中心", 31.75, 119.54, 1, 1, "8", true, ALL + "；设拆解区、修复品展示区"),
            new Seeded("武进区大件垃圾分拣站", 31.84, 119.87, 41, 73, "20", true, ALL + "；破碎设备"),
            new Seeded("常州经开区大件垃圾分拣中心", 31.84, 119.87, 129, 37, "10", true, ALL),
            new Seeded("新北区大件垃圾分拣中心", 31.84, 119.87, 17, 1, "10", true, "乡镇街道环卫自行运送的大件垃圾；金属、木材"),
            new Seeded("天宁区大件垃圾分拣中心", 31.84, 119.87, 65, 37, "10", true, ALL + "；可修复家具供困难家庭领用"),
            new Seeded("钟楼区大件垃圾处理中心", 31.84, 119.87, 1, 37, "40", true, ALL + "；机械化破碎"));

    private final JdbcClient jdbc;
    private final BulkyWaste bulky;

    DemoBulkySeeder(JdbcClient jdbc, BulkyWaste bulky) {
        this.jdbc = jdbc;
        this.bulky = bulky;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM wsb_centre").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = bulky.today();
        long first = 0;
        int i = 0;
        for (Seeded s : CENTRES) {
            Centre c = bulky.createCentre(
                    new BulkyWaste.CentreDraft(
                            s.name(),
                            s.lat(),
                            s.lon(),
                            null,
                            new BigDecimal(s.capacity()),
                            s.synthetic(),
                            s.materials(),
                            10),
                    StaffMember.SYSTEM);
            if (i == 0) {
                first = c.id();
            }
            for (int d = 1; d <= 3; d++) {
                int k = 0;
                for (StorageArea a : StorageArea.values()) {
                    BigDecimal kg = new BigDecimal(200 + 40 * ((i + d + k++) % 7));
                    bulky.weigh(c.id(), a.name(), kg, today.minusDays(d), null, StaffMember.SYSTEM);
                }
            }
            i++;
        }
        // 溧阳 over its 5 t/day yesterday: a clearance drive
        bulky.weigh(first, "WOOD", new BigDecimal("3200"), today.minusDays(1), null, StaffMember.SYSTEM);
        bulky.book(new BulkyWaste.BookingDraft(
                first, "溧阳市示例路1号3幢201室", "旧沙发1张、床垫1个", today.plusDays(1), "AM", "13800000001"));
        bulky.book(new BulkyWaste.BookingDraft(first, "溧阳市示例路8号", "衣柜1个", today.plusDays(1), "PM", "13800000002"));
        log.info("demo bulky waste: {} centres, intake for 3 days, 2 bookings", CENTRES.size());
    }
}
