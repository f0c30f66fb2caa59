package org.cityops.sanitation.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.sanitation.attendance.ShiftDays;
import org.cityops.sanitation.attendance.Shifts;
import org.cityops.sanitation.attendance.WorkerPositions;
import org.cityops.sanitation.attendance.WorkerPosts;
import org.cityops.sanitation.attendance.Workers;
import org.cityops.sanitation.ledger.Segment;
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
 * Demo worker posts and attendance (demo profile, runs once, SYNTHETIC), through the module's own service: three
 * posts around 天宁长江路 1–3 (a strip 30 m either side of the segment), 早班 05:00–11:00 and 午班 13:00–19:00 every
 * day, five workers with devices 13951260001–005, and positions for yesterday and today (up to now) so the sheet
 * shows each status: 在岗 (walks the post), 离岗 (40 minutes 170 m away), 滞留 (stands 45 minutes), 无定位 (none),
 * and one 午班 worker on post.
 */
@Component
@Profile("demo")
@Order(78)
class DemoAttendanceSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAttendanceSeeder.class);
    /** half the width of a post's strip, in degrees of latitude (≈ 30 m) */
    static final double HALF = 0.00027;

    private final JdbcClient jdbc;
    private final WorkerPosts posts;
    private final Shifts shifts;
    private final Workers workers;
    private final WorkerPositions positions;
    private final Segments segments;
    private final Clock clock;

    DemoAttendanceSeeder(
            JdbcClient jdbc,
            WorkerPosts posts,
            Shifts shifts,
            Workers workers,
            WorkerPositions positions,
            Segments segments,
            Clock clock) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.shifts = shifts;
        this.workers = workers;
        this.positions = positions;
        this.segments = segments;
        this.clock = clock;
    }

    /** A demo worker: what the positions make of the shift. */
    enum Behaviour {
        ON_POST,
        OFF_POST,
        STILL,
        NO_POSITION
    }

    /** The demo workers: name, phone, terminal, post index, shift (0 早班, 1 午班), behaviour. */
    record DemoWorker(String name, String phone, String terminal, int post, int shift, Behaviour behaviour) {}

    static List<DemoWorker> workers() {
        return List.of(
                new DemoWorker("张桂英", "13812340001", terminal(0), 0, 0, Behaviour.ON_POST),
                new DemoWorker("李建国", "13812340002", terminal(1), 1, 0, Behaviour.OFF_POST),
                new DemoWorker("王秀兰", "13812340003", terminal(2), 2, 0, Behaviour.STILL),
                new DemoWorker("赵志强", "13812340004", terminal(3), 0, 0, Behaviour.NO_POSITION),
                new DemoWorker("陈美华", "13812340005", terminal(4), 1, 1, Behaviour.ON_POST));
    }

    static String terminal(int i) {
        return String.format(Locale.ROOT, "1395126%04d", i + 1);
    }

    static String strip(DemoRoadNetwork.DemoSegment s) {
        double w = Math.min(s.lon1(), s.lon2());
        double e = Math.max(s.lon1(), s.lon2());
        double lat = s.lat1();
        return String.format(
                Locale.ROOT,
                "POLYGON ((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))",
                w,
                lat - HALF,
                e,
                lat - HALF,
                e,
                lat + HALF,
                w,
                lat + HALF,
                w,
                lat - HALF);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM san_post WHERE synthetic")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        List<DemoRoadNetwork.DemoSegment> roads = DemoRoadNetwork.segments().stream()
                .filter(s -> s.code().startsWith("DL-320402-EW1-"))
                .toList();
        if (roads.size() < 3) {
            return;
        }
        List<Segment> ledger = segments.all();
        List<Long> postIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DemoRoadNetwork.DemoSegment road = roads.get(i);
            List<Long> kept = ledger.stream()
                    .filter(s -> s.code().equals(road.code()))
                    .map(Segment::id)
                    .toList();
            postIds.add(posts.createPost(
                            new WorkerPosts.PostDraft(
                                    "GW-320402-" + (i + 1),
                                    road.name().replace("（", "").replace("）", "") + "保洁岗",
                                    strip(road),
                                    road.section(),
                                    road.company(),
                                    kept),
                            StaffMember.SYSTEM,
                            true)
                    .id());
        }
        long early = shifts.createShift("早班", "05:00", "11:00", ShiftDays.EVERY_DAY, StaffMember.SYSTEM)
                .id();
        long late = shifts.createShift("午班", "13:00", "19:00", ShiftDays.EVERY_DAY, StaffMember.SYSTEM)
                .id();
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        Instant now = clock.instant();
        int fixes = 0;
        for (DemoWorker w : workers()) {
            workers.createWorker(
                    w.name(),
                    w.phone(),
                    w.terminal(),
                    postIds.get(w.post()),
                    w.shift() == 0 ? early : late,
                    StaffMember.SYSTEM,
                    true);
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                List<WorkerPositions.Fix> track = track(w, roads.get(w.post()), day).stream()
                        .filter(f -> f.time().isBefore(now))
                        .toList();
                fixes += positions.record(track);
            }
        }
        log.info(
                "Demo worker attendance (synthetic): 3 posts, 2 shifts, {} workers, {} positions",
                workers().size(),
                fixes);
    }

    /** A shift's positions, one a minute: walking the strip to and fro, with the behaviour's stretch in the middle. */
    static List<WorkerPositions.Fix> track(DemoWorker w, DemoRoadNetwork.DemoSegment road, LocalDate day) {
        List<WorkerPositions.Fix> out = new ArrayList<>();
        if (w.behaviour() == Behaviour.NO_POSITION) {
            return out;
        }
        LocalTime start = w.shift() == 0 ? LocalTime.of(5, 0) : LocalTime.of(13, 0);
        Instant from = day.atTime(start).atZone(CityClock.ZONE).toInstant();
        int minutes = 6 * 60;
        for (int m = 0; m < minutes; m++) {
            double phase = (m % 40) / 20.0; // 40 minutes there and back
            double frac = phase <= 1 ? phase : 2 - phase;
            double lon = road.lon1() + (road.lon2() - road.lon1()) * (0.05 + 0.9 * frac);
            double lat = road.lat1() + ((m % 3) - 1) * 0.00005;
            if (w.behaviour() == Behaviour.OFF_POST && m >= 120 && m < 160) {
                lat = road.lat1() + 0.0015; // ≈ 170 m north, outside the strip
            }
            if (w.behaviour() == Behaviour.STILL && m >= 180 && m < 225) {
                lon = road.lon1() + (road.lon2() - road.lon1()) * 0.5;
                lat = road.lat1();
            }
            out.add(new WorkerPositions.Fix(w.terminal(), from.plusSeconds(60L * m), lat, lon));
        }
        return out;
    }
}
