package org.cityops.bench.sanitation;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cityops.muck.engine.AlarmEngine;
import org.cityops.muck.engine.AlarmThresholds;
import org.cityops.muck.engine.DailyWindow;
import org.cityops.muck.engine.Fence;
import org.cityops.muck.engine.LocalProjection;
import org.cityops.muck.engine.MuckWorld;
import org.cityops.muck.engine.PermitRule;
import org.cityops.muck.engine.VehicleProfile;
import org.cityops.sanitation.coverage.CoverageEngine;
import org.cityops.sanitation.coverage.LocalFrame;
import org.cityops.sanitation.coverage.PlanRule;
import org.cityops.sanitation.coverage.RoadSegment;
import org.cityops.sanitation.coverage.Sample;
import org.cityops.sanitation.coverage.SegmentNetwork;
import org.cityops.sanitation.coverage.VehicleRule;
import org.cityops.telemetry.Position;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Issue 16's first number: the coverage engine keeps up with 20,000 sanitation positions a second alongside the muck
 * alarm engine. A plain main (no JMH, no Spring): one thread feeds a mixed fleet, per round one batch of 1,000
 * sanitation positions (500 sweepers on a 5,000-segment lattice, brush on, 8 km/h, σ 8 m, a report every 5 s, as
 * {@link CoverageEngineBenchmark}) to the coverage engine and {@code muckPerBatch} positions of 2,000 loaded, moving
 * muck trucks (permits, corridors, 270 fences: the alarm engine's expensive path) to the muck engine. Both engines
 * are built once and warmed; then fixed-length iterations report, per iteration, the sanitation positions per
 * second of wall time and per second of this thread's CPU time, and the garbage collections in it.
 *
 * <p>CPU time is the figure that survives a loaded machine: wall-clock throughput on the shared 2-core box swings
 * with other people's builds, the thread's CPU time per position does not. Usage (after {@code ./mvnw -o
 * test-compile}): {@code bench/sanitation/mixed.sh [warmups] [iterations] [seconds] [muckPerBatch]}.
 */
public final class MixedFleetHarness {

    static final int BATCH = 1_000;
    static final int SWEEPERS = 500;
    static final int TRUCKS = 2_000;
    static final double BLOCK = 200;
    static final int BLOCKS = 50;
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    final CoverageEngine coverage;
    final AlarmEngine muck;
    final LocalFrame frame = LocalFrame.changzhou();
    final double[] noise = new double[1 << 16];
    final Instant start = Instant.parse("2026-06-01T00:00:00Z");
    final String[] sweeperIds = new String[SWEEPERS];
    final String[] truckIds = new String[TRUCKS];
    long tick;
    int cursor;
    long muckSeconds;
    int nextTruck;

    MixedFleetHarness() {
        GeometryFactory gf = new GeometryFactory();
        List<RoadSegment> segs = new ArrayList<>();
        Map<Long, List<PlanRule>> plans = new HashMap<>();
        PlanRule plan =
                new PlanRule(1, List.of(new PlanRule.Window(LocalTime.of(0, 0), LocalTime.of(23, 59))), 3, 15, 1);
        long id = 1;
        for (int r = 0; r < BLOCKS; r++) {
            for (int c = 0; c < BLOCKS; c++) {
                double x = c * BLOCK;
                double y = r * BLOCK;
                segs.add(new RoadSegment(
                        id,
                        gf.createLineString(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + BLOCK, y)}),
                        false));
                plans.put(id++, List.of(plan));
                segs.add(new RoadSegment(
                        id,
                        gf.createLineString(new Coordinate[] {new Coordinate(x, y), new Coordinate(x, y + BLOCK)}),
                        false));
                plans.put(id++, List.of(plan));
            }
        }
        Map<String, VehicleRule> rules = new HashMap<>();
        for (int v = 0; v < SWEEPERS; v++) {
            sweeperIds[v] = "1395124" + String.format(Locale.ROOT, "%04d", v);
            rules.put(sweeperIds[v], new VehicleRule(sweeperIds[v], "P" + v, 20));
        }
        coverage = new CoverageEngine(CoverageEngine.Settings.defaults(), CITY);
        coverage.reload(new SegmentNetwork(segs, plans), rules);
        Random rnd = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rnd.nextGaussian() * 8;
        }
        muck = muckEngine();
        for (int v = 0; v < TRUCKS; v++) {
            truckIds[v] = String.valueOf(13951230001L + v);
        }
    }

    static String square(double lat, double lon, double half) {
        return String.format(
                Locale.ROOT,
                "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))",
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

    /** The muck world of {@code AlarmEngineBench}: 200 sites, 20 disposal sites, 50 zones, 2,000 permitted trucks. */
    static AlarmEngine muckEngine() {
        LocalProjection proj = LocalProjection.changzhou();
        List<Fence> fences = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fences.add(new Fence(
                    i,
                    "site" + i,
                    Fence.Kind.SITE,
                    proj.projectWkt(square(31.6 + (i % 20) * 0.02, 119.8 + (i / 20) * 0.03, 0.002)),
                    null,
                    null,
                    null));
        }
        for (int i = 0; i < 20; i++) {
            fences.add(new Fence(
                    1000 + i,
                    "d" + i,
                    Fence.Kind.DISPOSAL,
                    proj.projectWkt(square(31.65 + i * 0.015, 120.2, 0.003)),
                    null,
                    null,
                    null));
        }
        for (int i = 0; i < 50; i++) {
            fences.add(new Fence(
                    2000 + i,
                    "z" + i,
                    i % 2 == 0 ? Fence.Kind.NO_GO : Fence.Kind.SPEED,
                    proj.projectWkt(square(31.7 + (i % 10) * 0.02, 119.9 + (i / 10) * 0.04, 0.004)),
                    40,
                    DailyWindow.of("07:00", "19:00"),
                    null));
        }
        List<VehicleProfile> vehicles = new ArrayList<>();
        List<PermitRule> permits = new ArrayList<>();
        for (int v = 0; v < TRUCKS; v++) {
            vehicles.add(new VehicleProfile(v, String.valueOf(13951230001L + v), "P" + v, 1L, 18.0, "320411"));
            int site = v % 200;
            double lat = 31.6 + (site % 20) * 0.02;
            double lon = 119.8 + (site / 20) * 0.03;
            permits.add(new PermitRule(
                    v,
                    "HZ" + v,
                    Set.of((long) v),
                    site,
                    1000 + v % 20,
                    LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2026-12-31"),
                    DailyWindow.ALL_DAY,
                    proj.corridor(
                            String.format(
                                    Locale.ROOT,
                                    "LINESTRING(%f %f, 120.2 %f, 120.2 %f)",
                                    lon,
                                    lat,
                                    lat,
                                    31.65 + (v % 20) * 0.015),
                            50)));
        }
        return new AlarmEngine(
                new MuckWorld(proj, vehicles, permits, fences),
                AlarmThresholds.defaults(),
                CITY,
                Instant.parse("2026-06-01T00:00:00Z"));
    }

    /** One round: a batch of sanitation positions, then {@code muckPositions} muck positions. */
    long round(int muckPositions) {
        List<Sample> batch = new ArrayList<>(BATCH);
        long working = 0b11L | 1L << 20;
        double speed = 8 / 3.6;
        for (int i = 0; i < BATCH; i++) {
            int v = cursor++;
            if (cursor == SWEEPERS) {
                cursor = 0;
                tick++;
            }
            double x = (v * 37.0 + tick * 5 * speed) % (BLOCK * (BLOCKS - 1));
            double y = (v % BLOCKS) * BLOCK;
            double[] ll = frame.toDegrees(
                    x + noise[(int) ((tick * 31 + v * 2) & 0xFFFF)],
                    y + noise[(int) ((tick * 31 + v * 2 + 1) & 0xFFFF)]);
            batch.add(
                    new Sample(sweeperIds[v], start.plus(Duration.ofSeconds(tick * 5)), ll[0], ll[1], 8, 90, working));
        }
        long out = coverage.accept(batch, start).size();
        for (int i = 0; i < muckPositions; i++) {
            int v = nextTruck++ % TRUCKS;
            if (v == 0) {
                muckSeconds += 10;
            }
            Instant t = Instant.parse("2026-06-01T04:00:00Z").plusSeconds(muckSeconds);
            double lat = 31.6 + (v % 200 % 20) * 0.02 + (muckSeconds % 600) * 0.00001;
            double lon = 119.8 + (v % 200 / 20) * 0.03 + (muckSeconds % 600) * 0.0001;
            out += muck.accept(new Position(truckIds[v], t, lat, lon, 35, 90, 0, 0b11L << 8, null, null), t)
                    .size();
        }
        return out;
    }

    record Iteration(double wallRate, double cpuRate, long gcCount, long gcMillis, long rounds) {}

    Iteration iterate(Duration length, int muckPerBatch) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long gc0 = gcCount();
        long gcMs0 = gcMillis();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long end = wall0 + length.toNanos();
        long rounds = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += round(muckPerBatch);
            rounds++;
        }
        long wall = System.nanoTime() - wall0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        double positions = rounds * (double) BATCH;
        return new Iteration(
                positions / (wall / 1e9), positions / (cpu / 1e9), gcCount() - gc0, gcMillis() - gcMs0, rounds);
    }

    static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Duration length = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 5);
        int muckPerBatch = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        MixedFleetHarness h = new MixedFleetHarness();
        System.out.printf(
                Locale.ROOT,
                "mixed fleet: %d sweepers (5,000 segments) + %d muck trucks; per 1,000 sanitation positions %d muck"
                        + " positions; %d warm-up + %d × %d s%n",
                SWEEPERS,
                TRUCKS,
                muckPerBatch,
                warmups,
                iterations,
                length.toSeconds());
        for (int i = 0; i < warmups; i++) {
            Iteration it = h.iterate(length, muckPerBatch);
            System.out.printf(
                    Locale.ROOT,
                    "warm-up %d: %,.0f positions/s wall, %,.0f per CPU-s, %d GC (%d ms)%n",
                    i + 1,
                    it.wallRate(),
                    it.cpuRate(),
                    it.gcCount(),
                    it.gcMillis());
        }
        double[] wall = new double[iterations];
        double[] cpu = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            Iteration it = h.iterate(length, muckPerBatch);
            wall[i] = it.wallRate();
            cpu[i] = it.cpuRate();
            System.out.printf(
                    Locale.ROOT,
                    "iteration %d: %,.0f positions/s wall, %,.0f per CPU-s, %d GC (%d ms)%n",
                    i + 1,
                    it.wallRate(),
                    it.cpuRate(),
                    it.gcCount(),
                    it.gcMillis());
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "sanitation positions/s (with %d muck per 1,000): wall min %,.0f median %,.0f max %,.0f;"
                        + " per CPU-second min %,.0f median %,.0f max %,.0f%n",
                muckPerBatch,
                wall[0],
                wall[iterations / 2],
                wall[iterations - 1],
                cpu[0],
                cpu[iterations / 2],
                cpu[iterations - 1]);
    }
}
