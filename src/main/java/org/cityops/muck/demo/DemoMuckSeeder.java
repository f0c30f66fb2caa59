package org.cityops.muck.demo;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cityops.muck.registry.RegistryChangeListener;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo construction-waste registry around 常州 (demo profile, runs once): 3 transport companies, 30 trucks with
 * terminals 13951230001–13951230030 (plates 苏D·M3601–M3630), 5 construction sites, 2 disposal sites, one permit per
 * site with a route corridor (vehicles 1–25; 26–30 have none), a no-go zone around a school and a 40 km/h zone in
 * the centre. Synthetic data: names are plausible, places approximate.
 */
@Component
@Profile("demo")
@Order(70)
class DemoMuckSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMuckSeeder.class);
    static final String FIRST_TERMINAL = "13951230001";
    static final int VEHICLES = 30;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<RegistryChangeListener> listeners;

    DemoMuckSeeder(JdbcClient jdbc, Clock clock, List<RegistryChangeListener> listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listeners = listeners;
    }

    record Place(String code, String name, String district, double lat, double lon, String address) {}

    static final List<Place> SITES = List.of(
            new Place("GD-XB-001", "新北区万达广场二期工地", "320411", 31.830, 119.960, "新北区通江中路"),
            new Place("GD-TN-001", "天宁区青龙东路地块工地", "320402", 31.800, 119.990, "天宁区青龙东路"),
            new Place("GD-ZL-001", "钟楼区五星公园改造工程", "320404", 31.775, 119.915, "钟楼区怀德南路"),
            new Place("GD-WJ-001", "武进区科教城地块工地", "320412", 31.700, 119.955, "武进区常武中路"),
            new Place("GD-JK-001", "经开区戚墅堰站前工地", "320491", 31.760, 120.060, "经开区东方东路"));
    static final List<Place> DISPOSALS = List.of(
            new Place("XN-XB-001", "新北区建筑垃圾消纳场", "320411", 31.880, 119.930, "新北区春江镇"),
            new Place("XN-WJ-001", "武进区牛塘建筑垃圾消纳场", "320412", 31.720, 119.900, "武进区牛塘镇"));
    /** site index → disposal index */
    static final int[] ROUTE_TO = {0, 0, 1, 1, 0};

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM muck_company WHERE code = 'YS-DEMO-1'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        long[] companies = {
            company("YS-DEMO-1", "常州通达渣土运输有限公司", "320411", "道路运输经营许可证 苏常字320400001"),
            company("YS-DEMO-2", "常州安顺建筑垃圾清运有限公司", "320412", "道路运输经营许可证 苏常字320400002"),
            company("YS-DEMO-3", "常州永固土方运输有限公司", "320402", "道路运输经营许可证 苏常字320400003")
        };
        String[] districts = {"320411", "320412", "320402"};
        List<Long> vehicles = new ArrayList<>();
        long base = Long.parseLong(FIRST_TERMINAL);
        for (int i = 0; i < VEHICLES; i++) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO muck_vehicle (plate, plate_color, terminal_phone, company_id, rated_load_t, rated_volume_m3,
                      body_type, district_code, status, created_at)
                    VALUES (:plate, 2, :terminal, :company, 31, 18, 'SEALED_LID', :district, 'ACTIVE', :now)""")
                    .param("plate", "苏D·M" + (3601 + i))
                    .param("terminal", String.valueOf(base + i))
                    .param("company", companies[i % 3])
                    .param("district", districts[i % 3])
                    .param("now", DbTime.toDb(clock.instant()))
                    .update(keys, "id");
            vehicles.add(keys.getKey().longValue());
        }
        String[] surnames = {"张", "王", "李", "赵", "陈", "刘", "周", "吴", "徐", "孙"};
        for (int i = 0; i < 10; i++) {
            jdbc.sql("""
                    INSERT INTO muck_driver (company_id, name, license_no, phone, vehicle_id, license_until)
                    VALUES (:c, :n, :l, :p, :v, :until)""")
                    .param("c", companies[i % 3])
                    .param("n", surnames[i] + "师傅")
                    .param("l", "3204001980010" + String.format(java.util.Locale.ROOT, "%05d", i))
                    .param("p", "1390519" + String.format(java.util.Locale.ROOT, "%04d", i))
                    .param("v", vehicles.get(i))
                    .param("until", Date.valueOf(demoLicenseUntil(i)))
                    .update();
        }
        List<Long> sites = new ArrayList<>();
        for (Place p : SITES) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO muck_site (code, name, district_code, address, polygon_wkt, gates_wkt, developer, contractor,
                      declared_volume_m3, waste_plan_no, waste_plan_filed_on, status)
                    VALUES (:code, :name, :district, :address, :polygon, :gates, :dev, :con, :vol, :plan, :filed, 'ACTIVE')""")
                    .param("code", p.code())
                    .param("name", p.name())
                    .param("district", p.district())
                    .param("address", p.address())
                    .param("polygon", square(p.lat(), p.lon(), 0.002))
                    .param(
                            "gates",
                            String.format(java.util.Locale.ROOT, "MULTIPOINT((%.4f %.4f))", p.lon() + 0.002, p.lat()))
                    .param("dev", "常州城建置业有限公司")
                    .param("con", "江苏常建建设工程有限公司")
                    .param("vol", 20000 + sites.size() * 15000)
                    .param("plan", "常建垃备字〔2026〕" + (101 + sites.size()) + "号")
                    .param("filed", Date.valueOf(today().minusDays(40)))
                    .update(keys, "id");
            sites.add(keys.getKey().longValue());
        }
        List<Long> disposals = new ArrayList<>();
        for (Place p : DISPOSALS) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO muck_disposal_site (code, name, district_code, address, polygon_wkt, capacity_m3,
                      remaining_m3, accepted_types, status)
                    VALUES (:code, :name, :district, :address, :polygon, :cap, :rem, '工程渣土,拆除垃圾', 'ACTIVE')""")
                    .param("code", p.code())
                    .param("name", p.name())
                    .param("district", p.district())
                    .param("address", p.address())
                    .param("polygon", square(p.lat(), p.lon(), 0.003))
                    .param("cap", 500000 - disposals.size() * 200000)
                    .param("rem", 380000 - disposals.size() * 150000)
                    .update(keys, "id");
            disposals.add(keys.getKey().longValue());
        }
        LocalDate today = today();
        for (int s = 0; s < SITES.size(); s++) {
            Place from = SITES.get(s);
            Place to = DISPOSALS.get(ROUTE_TO[s]);
            // an L-shaped route: along the latitude first, then the longitude (roads are rarely diagonal)
            String route = String.format(
                    java.util.Locale.ROOT,
                    "LINESTRING(%.5f %.5f, %.5f %.5f, %.5f %.5f)",
                    from.lon(),
                    from.lat(),
                    to.lon(),
                    from.lat(),
                    to.lon(),
                    to.lat());
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO muck_permit (permit_no, company_id, site_id, disposal_site_id, route_wkt, corridor_m,
                      valid_from, valid_to, daily_start, daily_end, status)
                    VALUES (:no, :company, :site, :disposal, :route, 50, :from, :to, :start, :end, 'ACTIVE')""")
                    .param("no", "常城渣核〔2026〕" + (201 + s) + "号")
                    .param("company", companies[s % 3])
                    .param("site", sites.get(s))
                    .param("disposal", disposals.get(ROUTE_TO[s]))
                    .param("route", route)
                    .param("from", Date.valueOf(today.minusDays(30)))
                    .param("to", Date.valueOf(today.plusDays(60)))
                    .param("start", s == 3 ? null : "20:00")
                    .param("end", s == 3 ? null : "06:00")
                    .update(keys, "id");
            long permit = keys.getKey().longValue();
            for (int v = s; v < 25; v += 5) {
                jdbc.sql("INSERT INTO muck_permit_vehicle (permit_id, vehicle_id) VALUES (:p, :v)")
                        .param("p", permit)
                        .param("v", vehicles.get(v))
                        .update();
            }
        }
        jdbc.sql("""
                INSERT INTO muck_zone (name, kind, polygon_wkt, speed_limit_kmh, window_start, window_end, district_code)
                VALUES ('局前街小学周边禁行区', 'NO_GO', :p, NULL, '07:00', '19:00', '320402')""").param("p", square(31.785, 119.955, 0.004)).update();
        jdbc.sql("""
                INSERT INTO muck_zone (name, kind, polygon_wkt, speed_limit_kmh, window_start, window_end, district_code)
                VALUES ('老城区限速区', 'SPEED', :p, 40, NULL, NULL, '320402')""").param("p", square(31.780, 119.950, 0.02)).update();
        String[][] records = {
            {"DOCUMENT", "建筑垃圾处理方案备案回执", "方案已备案，出土量 20000 m³"},
            {"DUTY", "夜间出土值守", "街道值守人员到岗，车辆冲洗到位"},
            {"INSPECTION", "区城管局执法检查", "出入口路面有少量带泥，已责令整改"}
        };
        for (String[] r : records) {
            jdbc.sql("""
                    INSERT INTO muck_site_record (site_id, kind, recorded_at, person, title, note, created_by)
                    VALUES (:s, :k, :at, '值守员 王五', :t, :n, 'system')""")
                    .param("s", sites.get(0))
                    .param("k", r[0])
                    .param("at", DbTime.toDb(clock.instant()))
                    .param("t", r[1])
                    .param("n", r[2])
                    .update();
        }
        listeners.forEach(RegistryChangeListener::registryChanged);
        log.info(
                "Demo construction-waste registry created: {} vehicles with terminals {}..{}",
                VEHICLES,
                FIRST_TERMINAL,
                base + VEHICLES - 1);
    }

    private long company(String code, String name, String district, String license) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_company (code, name, license_no, qualification, qualification_until, contact, phone,
                  district_code, status)
                VALUES (:code, :name, :license, '建筑垃圾运输企业核准', :until, '调度室', '0519-8888' || :suffix, :district,
                  'ACTIVE')""")
                .param("code", code)
                .param("name", name)
                .param("license", license)
                .param("until", Date.valueOf(today().plusYears(2)))
                .param("suffix", code.substring(code.length() - 1) + "000")
                .param("district", district)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** 驾驶证有效期至: the first driver's licence lapses in 12 days, the second's lapsed 5 days ago (即将到期 shows both). */
    private LocalDate demoLicenseUntil(int i) {
        if (i == 0) {
            return today().plusDays(12);
        }
        if (i == 1) {
            return today().minusDays(5);
        }
        return today().plusYears(1 + i % 5);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    static String square(double lat, double lon, double half) {
        return String.format(
                java.util.Locale.ROOT,
                "POLYGON((%.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f))",
                lon - half,
                lat - half,
                lon + half,
                lat - half,
                lon + half,
                lat + half,
                lon - half,
                lat + half,
                lon - half,
                lat - half);
    }
}
