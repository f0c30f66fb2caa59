package org.cityops.sanitation.demo;

import java.util.ArrayList;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.VehicleType;
import org.cityops.sanitation.ledger.SegmentDraft;
import org.cityops.sanitation.ledger.Segments;
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
 * Demo sanitation data (demo profile, runs once), created through the module's own services: the synthetic road
 * network ({@link DemoRoadNetwork}, marked synthetic), six vehicles and one daily plan over every segment.
 */
@Component
@Profile("demo")
@Order(75)
class DemoSanitationSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSanitationSeeder.class);
    static final VehicleType[] TYPES = {
        VehicleType.SWEEPER, VehicleType.WASHER_SWEEPER, VehicleType.SWEEPER,
        VehicleType.SPRINKLER, VehicleType.CLEANER, VehicleType.COLLECTOR
    };
    private final JdbcClient jdbc;
    private final Segments segments;
    private final Fleet fleet;

    DemoSanitationSeeder(JdbcClient jdbc, Segments segments, Fleet fleet) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.fleet = fleet;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM san_segment WHERE synthetic")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (DemoRoadNetwork.DemoSegment s : DemoRoadNetwork.segments()) {
            ids.add(segments.create(
                            new SegmentDraft(
                                    s.code(),
                                    s.name(),
                                    s.grade(),
                                    s.widthM(),
                                    false,
                                    s.section(),
                                    s.company(),
                                    s.wkt()),
                            StaffMember.SYSTEM,
                            true)
                    .id());
        }
        for (int i = 0; i < DemoRoadNetwork.VEHICLES; i++) {
            fleet.register(
                    DemoRoadNetwork.plate(i),
                    2, // yellow plates (large vehicles), as the simulator registers them
                    DemoRoadNetwork.terminal(i),
                    TYPES[i],
                    DemoRoadNetwork.WORK_BIT,
                    DemoRoadNetwork.COMPANIES[i % DemoRoadNetwork.COMPANIES.length],
                    DemoRoadNetwork.DISTRICTS[i % DemoRoadNetwork.DISTRICTS.length],
                    StaffMember.SYSTEM);
        }
        fleet.createPlan("主次干道日常机械化清扫", 1, "05:00-11:00;13:00-19:00", 3, 15, ids, StaffMember.SYSTEM);
        log.info(
                "Demo sanitation (synthetic): {} road segments, {} vehicles, 1 plan",
                ids.size(),
                DemoRoadNetwork.VEHICLES);
    }
}
