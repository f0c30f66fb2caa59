package org.cityops.sanitation.demo;

import java.util.ArrayList;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.collection.CollectionRoutes;
import org.cityops.sanitation.collection.PointKind;
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
 * Demo garbage collection (demo profile, runs once, synthetic like the road network), through the module's own
 * service: four 地埋桶 at the starts of 天宁's demo road segments and one 转运站 at the end of one, and one route
 * over them for the demo 垃圾收运车 ({@code 苏D·H4006}), each stop with a half-hour window from 06:00.
 */
@Component
@Profile("demo")
@Order(76)
class DemoCollectionSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCollectionSeeder.class);
    /** the demo 垃圾收运车 (index of {@link DemoSanitationSeeder#TYPES}) */
    static final int COLLECTOR = 5;

    private final JdbcClient jdbc;
    private final CollectionRoutes routes;

    DemoCollectionSeeder(JdbcClient jdbc, CollectionRoutes routes) {
        this.jdbc = jdbc;
        this.routes = routes;
    }

    /** A demo point: code, name, kind, position. */
    public record DemoPoint(String code, String name, PointKind kind, double lat, double lon) {}

    /** The demo points: bins at the starts of 天宁's first four segments, a transfer station at the sixth's end. */
    public static List<DemoPoint> points() {
        List<DemoRoadNetwork.DemoSegment> tianning = DemoRoadNetwork.segments().stream()
                .filter(s -> s.districtCode().equals("320402"))
                .toList();
        List<DemoPoint> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DemoRoadNetwork.DemoSegment s = tianning.get(i);
            out.add(new DemoPoint(
                    "LJ-320402-" + (i + 1), s.name() + "地埋桶", PointKind.BIN, s.lat1() + 0.0001, s.lon1() + 0.0002));
        }
        DemoRoadNetwork.DemoSegment last = tianning.get(5);
        out.add(new DemoPoint("ZZ-320402-1", "天宁示例转运站", PointKind.TRANSFER_STATION, last.lat2() + 0.0001, last.lon2()));
        return out;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM san_point WHERE synthetic")
                                .query(Long.class)
                                .single()
                        > 0
                || jdbc.sql("SELECT COUNT(*) FROM san_vehicle WHERE terminal_phone = :t")
                                .param("t", DemoRoadNetwork.terminal(COLLECTOR))
                                .query(Long.class)
                                .single()
                        == 0) {
            return;
        }
        List<CollectionRoutes.StopDraft> stops = new ArrayList<>();
        int minute = 6 * 60;
        for (DemoPoint p : points()) {
            long id = routes.createPoint(p.code(), p.name(), p.kind(), p.lat(), p.lon(), StaffMember.SYSTEM, true)
                    .id();
            stops.add(new CollectionRoutes.StopDraft(id, hhmm(minute), hhmm(minute + 30)));
            minute += 30;
        }
        routes.createRoute("天宁示例收运线路", DemoRoadNetwork.terminal(COLLECTOR), stops, StaffMember.SYSTEM);
        log.info("Demo garbage collection (synthetic): {} points, 1 route", stops.size());
    }

    private static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
