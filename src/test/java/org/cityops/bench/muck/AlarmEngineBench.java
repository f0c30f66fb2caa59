package org.cityops.bench.muck;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cityops.muck.engine.AlarmEngine;
import org.cityops.muck.engine.AlarmThresholds;
import org.cityops.muck.engine.DailyWindow;
import org.cityops.muck.engine.Fence;
import org.cityops.muck.engine.LocalProjection;
import org.cityops.muck.engine.MuckWorld;
import org.cityops.muck.engine.PermitRule;
import org.cityops.muck.engine.VehicleProfile;
import org.cityops.telemetry.Position;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Alarm engine throughput: 2,000 vehicles with permits and corridors, 200 construction sites, 20 disposal sites,
 * 50 zones; every call feeds one loaded, moving position (the expensive path: corridor, fences, zones).
 * Run: java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main AlarmEngineBench
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AlarmEngineBench {

    static final int VEHICLES = 2_000;
    AlarmEngine engine;
    long seconds;
    int next;

    static String square(double lat, double lon, double half) {
        return String.format(
                java.util.Locale.ROOT,
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

    @Setup
    public void setUp() {
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
        for (int v = 0; v < VEHICLES; v++) {
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
                                    java.util.Locale.ROOT,
                                    "LINESTRING(%f %f, 120.2 %f, 120.2 %f)",
                                    lon,
                                    lat,
                                    lat,
                                    31.65 + (v % 20) * 0.015),
                            50)));
        }
        engine = new AlarmEngine(
                new MuckWorld(proj, vehicles, permits, fences),
                AlarmThresholds.defaults(),
                ZoneId.of("Asia/Shanghai"),
                Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Benchmark
    public int loadedPosition() {
        int v = next++ % VEHICLES;
        if (v == 0) {
            seconds += 10;
        }
        Instant t = Instant.parse("2026-06-01T12:00:00Z").plusSeconds(seconds);
        double lat = 31.6 + (v % 200 % 20) * 0.02 + (seconds % 600) * 0.00001;
        double lon = 119.8 + (v % 200 / 20) * 0.03 + (seconds % 600) * 0.0001;
        return engine.accept(
                        new Position(String.valueOf(13951230001L + v), t, lat, lon, 35, 90, 0, 0b11L << 8, null, null),
                        t)
                .size();
    }
}
