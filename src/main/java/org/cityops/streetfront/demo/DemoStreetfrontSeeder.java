package org.cityops.streetfront.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.CreditCode;
import org.cityops.streetfront.signs.Facilities;
import org.cityops.streetfront.signs.FacilityDraft;
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
 * Demo street-front data (demo profile, runs once), made through {@link Facilities} as a user would: in each of
 * five districts, five shops with a sign each — a small attached 招牌 with a valid permit, a freestanding 广告牌
 * whose permit ends in 10 days, an LED screen whose permit has expired, a large 招牌 without a permit and a
 * 移动式 board — all marked synthetic, owners with generated but valid 统一社会信用代码.
 */
@Component
@Profile("demo")
@Order(76)
class DemoStreetfrontSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStreetfrontSeeder.class);

    /** The demo grid lattice (geo's DemoGrids, internal to geo), repeated so facilities lie inside grids. */
    static final double CELL_DLON = 0.00106;

    static final double CELL_DLAT = 0.0009;
    static final double NORTH = 31.84;
    static final double WEST = 119.87;

    /** District, its name, and the first lattice column and row of its first block. */
    record DemoDistrict(String code, String name, int col, int row) {}

    static final List<DemoDistrict> DISTRICTS = List.of(
            new DemoDistrict("320402", "天宁", 64, 36),
            new DemoDistrict("320404", "钟楼", 0, 36),
            new DemoDistrict("320411", "新北", 16, 0),
            new DemoDistrict("320412", "武进", 40, 72),
            new DemoDistrict("320491", "经开", 128, 36));

    private static final String[] SHOPS = {"味道面馆", "晨光文具", "金鼎大酒店", "百姓大药房", "阿明水果"};

    private final JdbcClient jdbc;
    private final Facilities facilities;
    private final Clock clock;

    DemoStreetfrontSeeder(JdbcClient jdbc, Facilities facilities, Clock clock) {
        this.jdbc = jdbc;
        this.facilities = facilities;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM sf_facility WHERE synthetic")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        LocalDate today = clock.instant().atZone(CityClock.ZONE).toLocalDate();
        int n = 0;
        for (DemoDistrict d : DISTRICTS) {
            for (int i = 0; i < SHOPS.length; i++) {
                facilities.create(draft(d, i, today), StaffMember.SYSTEM, true);
                n++;
            }
        }
        log.info("demo street front: {} facilities", n);
    }

    /** The i-th demo facility of a district (see the class comment for what each one is). */
    static FacilityDraft draft(DemoDistrict d, int i, LocalDate today) {
        String owner = "常州市" + d.name() + "区" + SHOPS[i];
        String credit17 = "92" + d.code() + String.format("MA1%06d", i + 1);
        String credit = credit17 + CreditCode.checkChar(credit17);
        double lat = NORTH - (d.row() + 2 + 3 * i + 0.5) * CELL_DLAT;
        double lon = WEST + (d.col() + 3 + 2 * i + 0.5) * CELL_DLON;
        String code = "GG-" + d.code() + "-" + String.format("%03d", i + 1);
        String address = d.name() + "区演示路" + (i * 2 + 1) + "号";
        return switch (i) {
            case 0 ->
                new FacilityDraft(
                        code,
                        SHOPS[i] + "店招",
                        "附属式",
                        "招牌",
                        owner,
                        credit,
                        address,
                        lat,
                        lon,
                        4.0,
                        0.8,
                        "XK-" + d.code() + "-001",
                        today.minusMonths(6),
                        today.plusMonths(18),
                        "限高4米，夜间亮化至22时");
            case 1 ->
                new FacilityDraft(
                        code,
                        "楼顶广告牌",
                        "独立式",
                        "广告牌",
                        owner,
                        credit,
                        address,
                        lat,
                        lon,
                        12.0,
                        6.0,
                        "XK-" + d.code() + "-002",
                        today.minusYears(1),
                        today.plusDays(10),
                        "每季度提交结构安全检测报告");
            case 2 ->
                new FacilityDraft(
                        code,
                        "外墙LED显示屏",
                        "附属式",
                        "LED显示屏",
                        owner,
                        credit,
                        address,
                        lat,
                        lon,
                        8.0,
                        4.5,
                        "XK-" + d.code() + "-003",
                        today.minusYears(2),
                        today.minusDays(5),
                        "亮度不超过夜间限值");
            case 3 ->
                new FacilityDraft(
                        code,
                        SHOPS[i] + "大型招牌",
                        "附属式",
                        "招牌",
                        owner,
                        credit,
                        address,
                        lat,
                        lon,
                        6.0,
                        2.0,
                        null,
                        null,
                        null,
                        null);
            default ->
                new FacilityDraft(
                        code,
                        "门前移动展板",
                        "移动式",
                        "广告牌",
                        owner,
                        credit,
                        address,
                        lat,
                        lon,
                        0.8,
                        1.6,
                        "XK-" + d.code() + "-005",
                        today.minusDays(20),
                        today.plusDays(40),
                        "仅限营业时间摆放，不得占用盲道");
        };
    }
}
