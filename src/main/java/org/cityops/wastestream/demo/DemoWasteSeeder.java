package org.cityops.wastestream.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.CreditCode;
import org.cityops.wastestream.balance.Balances;
import org.cityops.wastestream.balance.ReceiptDraft;
import org.cityops.wastestream.collection.CollectionDraft;
import org.cityops.wastestream.collection.Collections;
import org.cityops.wastestream.collection.WasteFleet;
import org.cityops.wastestream.ledger.ProducerDraft;
import org.cityops.wastestream.ledger.Producers;
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
 * Demo kitchen-waste data (demo profile, runs once, SYNTHETIC), made through the module's services: 12 producers in
 * four districts with a bin each, 3 vehicles, seven days of pickups and weighbridge receipts up to yesterday. What a
 * supervisor should find: 苏D·C0002's last trip short by about 30 %, one pickup 350 m from its producer, and the
 * twelfth producer not collected for three days (漏收).
 */
@Component
@Profile("demo")
@Order(76)
class DemoWasteSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWasteSeeder.class);
    static final int PRODUCERS = 12;
    static final int VEHICLES = 3;
    static final int DAYS = 7;
    static final String[] CATEGORIES = {"餐饮", "单位食堂", "餐饮", "农贸市场"};
    static final double METRE_LAT = 1 / 111_195.0;

    /*
     * The demo grid lattice of the central districts (geo.demo.DemoGrids, internal to geo), repeated here so that the
     * producers lie inside the demo grids: cells of 0.00106° × 0.0009° from 31.84° N, 119.87° E.
     */
    static final double CELL_DLON = 0.00106;
    static final double CELL_DLAT = 0.0009;

    record Place(String districtCode, int col, int row) {
        double lat() {
            return 31.84 - (row + 0.5) * CELL_DLAT;
        }

        double lon() {
            return 119.87 + (col + 0.5) * CELL_DLON;
        }
    }

    /** The north-west cell of 天宁, 钟楼, 新北 and 武进. */
    static final List<Place> PLACES = List.of(
            new Place("320402", 64, 36),
            new Place("320404", 0, 36),
            new Place("320411", 16, 0),
            new Place("320412", 40, 72));

    private final JdbcClient jdbc;
    private final Producers producers;
    private final WasteFleet fleet;
    private final Collections collections;
    private final Balances balances;
    private final Clock clock;

    DemoWasteSeeder(
            JdbcClient jdbc,
            Producers producers,
            WasteFleet fleet,
            Collections collections,
            Balances balances,
            Clock clock) {
        this.jdbc = jdbc;
        this.producers = producers;
        this.fleet = fleet;
        this.collections = collections;
        this.balances = balances;
        this.clock = clock;
    }

    static String creditCode(int i) {
        String first = "91320400MC%07d".formatted(i + 1);
        return first + CreditCode.checkChar(first);
    }

    static String plate(int v) {
        return "苏D·C%04d".formatted(v + 1);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM wst_producer WHERE credit_code = :c")
                        .param("c", creditCode(0))
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), CityClock.ZONE);
        List<Place> where = PLACES;
        double[][] at = new double[PRODUCERS][];
        for (int i = 0; i < PRODUCERS; i++) {
            Place k = where.get(i % where.size());
            double lat = k.lat() - (i / where.size()) * 2 * CELL_DLAT;
            double lon = k.lon() + (i / where.size()) * 2 * CELL_DLON;
            at[i] = new double[] {lat, lon};
            long id = producers
                    .create(
                            new ProducerDraft(
                                    creditCode(i),
                                    "示例餐厨产生单位" + (i + 1),
                                    "JY13204000%06d".formatted(i + 1),
                                    "常州市示例街" + (i + 1) + "号",
                                    lat,
                                    lon,
                                    CATEGORIES[i % CATEGORIES.length],
                                    BigDecimal.valueOf(40 + 10L * (i % 8)),
                                    "常州市餐厨废弃物收运有限公司",
                                    today.minusDays(365),
                                    today.plusDays(365)),
                            StaffMember.SYSTEM)
                    .id();
            producers.addContainer(id, "DEMO-BIN-%03d".formatted(i + 1), 240, StaffMember.SYSTEM);
        }
        for (int v = 0; v < VEHICLES; v++) {
            fleet.register(
                    plate(v),
                    2,
                    "1395125%04d".formatted(v + 1),
                    new BigDecimal("3000"),
                    "常州市餐厨废弃物收运有限公司",
                    where.get(v).districtCode(),
                    StaffMember.SYSTEM);
        }
        List<CollectionDraft> pickups = new ArrayList<>();
        List<ReceiptDraft> receipts = new ArrayList<>();
        for (int d = DAYS; d >= 1; d--) {
            LocalDate day = today.minusDays(d);
            Map<Integer, BigDecimal> load = new HashMap<>();
            for (int i = 0; i < PRODUCERS; i++) {
                if (i == PRODUCERS - 1 && d <= 3) {
                    continue; // 漏收: the last producer is skipped on the last three days
                }
                int v = i % VEHICLES;
                BigDecimal net = BigDecimal.valueOf(40 + (i * 7 + d * 3) % 60);
                boolean far = i == 4 && d == 1;
                Instant t = day.atTime(8, 0)
                        .plusMinutes(20L * i)
                        .atZone(CityClock.ZONE)
                        .toInstant();
                pickups.add(new CollectionDraft(
                        "DEMO-%s-%02d".formatted(day, i + 1),
                        creditCode(i),
                        "DEMO-BIN-%03d".formatted(i + 1),
                        t,
                        null,
                        null,
                        net,
                        false,
                        plate(v),
                        "收运员" + (v + 1),
                        null,
                        at[i][0] + (far ? 350 : 15) * METRE_LAT,
                        at[i][1]));
                load.merge(v, net, BigDecimal::add);
            }
            for (int v = 0; v < VEHICLES; v++) {
                BigDecimal collected = load.getOrDefault(v, BigDecimal.ZERO);
                BigDecimal factor =
                        v == 1 && d == 1 ? new BigDecimal("0.70") : new BigDecimal(v == 0 ? "1.02" : "0.98");
                BigDecimal net = collected.multiply(factor).setScale(0, RoundingMode.HALF_UP);
                BigDecimal tare = new BigDecimal("9000");
                Instant in = day.atTime(17, 0)
                        .plusMinutes(10L * v)
                        .atZone(CityClock.ZONE)
                        .toInstant();
                receipts.add(new ReceiptDraft(
                        "DEMO-WB-%s-%d".formatted(day, v + 1),
                        plate(v),
                        in,
                        in.plusSeconds(420),
                        tare.add(net),
                        tare,
                        net));
            }
        }
        collections.submit(pickups, "DEMO", StaffMember.SYSTEM);
        balances.submitReceipts(receipts, StaffMember.SYSTEM);
        log.info(
                "Demo kitchen waste (synthetic): {} producers, {} vehicles, {} pickups, {} weighbridge receipts",
                PRODUCERS,
                VEHICLES,
                pickups.size(),
                receipts.size());
    }
}
