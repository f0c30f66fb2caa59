package org.cityops.bench.sanitation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cityops.sanitation.coverage.CoverageEngine;
import org.cityops.sanitation.coverage.LocalFrame;
import org.cityops.sanitation.coverage.PlanRule;
import org.cityops.sanitation.coverage.RoadSegment;
import org.cityops.sanitation.coverage.Sample;
import org.cityops.sanitation.coverage.SegmentNetwork;
import org.cityops.sanitation.coverage.VehicleRule;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The coverage engine alone (issue 16: keeps up with 20,000 sanitation positions a second): a 5,000-segment street
 * lattice (50 × 50 blocks of 200 m, every segment in a plan), {@code vehicles} sweepers driving along the rows with
 * the brush on at 8 km/h, GPS noise σ 8 m, a report every 5 s. One operation = one batch of {@link #BATCH} positions
 * (as the telemetry pipeline hands them over), generated inside the operation (so the figure is a lower bound);
 * positions per second = operations per second × {@link #BATCH}. One thread, as the engine runs on one worker.
 * Run with {@code bench/sanitation/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class CoverageEngineBenchmark {

    static final int BATCH = 1_000;
    static final double BLOCK = 200;
    static final int BLOCKS = 50;
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Param({"500"})
    int vehicles;

    CoverageEngine engine;
    final LocalFrame frame = LocalFrame.changzhou();
    final double[] noise = new double[1 << 16];
    long tick;
    int cursor;
    Instant start;

    @Setup(Level.Trial) // built once: a rebuild per iteration started every iteration on a cold engine
    public void setUp() {
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
        for (int v = 0; v < vehicles; v++) {
            rules.put("T" + v, new VehicleRule("T" + v, "P" + v, 20));
        }
        engine = new CoverageEngine(CoverageEngine.Settings.defaults(), CITY);
        engine.reload(new SegmentNetwork(segs, plans), rules);
        Random rnd = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rnd.nextGaussian() * 8;
        }
        start = Instant.parse("2026-03-02T00:00:00Z");
        tick = 0;
        cursor = 0;
    }

    @Benchmark
    public void accept(Blackhole bh) {
        List<Sample> batch = new ArrayList<>(BATCH);
        long working = 0b11L | 1L << 20;
        double speed = 8 / 3.6;
        for (int i = 0; i < BATCH; i++) {
            int v = cursor++;
            if (cursor == vehicles) {
                cursor = 0;
                tick++;
            }
            double x = (v * 37.0 + tick * 5 * speed) % (BLOCK * (BLOCKS - 1));
            double y = (v % BLOCKS) * BLOCK;
            double[] ll = frame.toDegrees(
                    x + noise[(int) ((tick * 31 + v * 2) & 0xFFFF)],
                    y + noise[(int) ((tick * 31 + v * 2 + 1) & 0xFFFF)]);
            batch.add(new Sample("T" + v, start.plus(Duration.ofSeconds(tick * 5)), ll[0], ll[1], 8, 90, working));
        }
        bh.consume(engine.accept(batch, start));
    }
}
