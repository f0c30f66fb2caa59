package org.cityops.muck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cityops.muck.engine.EngineEvent.AlarmClosed;
import org.cityops.muck.engine.EngineEvent.AlarmOpened;
import org.cityops.muck.engine.EngineEvent.TripCompleted;
import org.cityops.telemetry.Position;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine fed synthetic positions. The world: a construction site at (31.800, 119.900), a disposal site at
 * (31.800, 120.000), an approved route along latitude 31.800 between them (corridor 50 m), a no-go zone south of
 * the route (07:00–19:00), a 40 km/h speed zone around (31.800, 119.950). Vehicle 1 has a night permit
 * (20:00–06:00), vehicle 2 none. 22:00 city time is 14:00 UTC.
 */
class AlarmEngineTests {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final String T1 = "13951230001";
    static final String T2 = "13951230002";
    static final long EMPTY = 0;
    static final long FULL = 0b11L << 8;
    static final long HALF = 0b01L << 8;
    static final Instant NIGHT = Instant.parse("2026-11-27T14:00:00Z"); // 22:00 in 常州
    static final Instant DAY = Instant.parse("2026-11-27T02:00:00Z"); // 10:00 in 常州

    LocalProjection proj = LocalProjection.changzhou();
    AlarmEngine engine;
    List<EngineEvent> events = new ArrayList<>();

    static String square(double lat, double lon, double half) {
        return String.format(
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

    static MuckWorld world(LocalProjection proj) {
        List<Fence> fences = List.of(
                new Fence(
                        11,
                        "工地A",
                        Fence.Kind.SITE,
                        proj.projectWkt(square(31.800, 119.900, 0.002)),
                        null,
                        null,
                        "320411"),
                new Fence(
                        21,
                        "消纳场B",
                        Fence.Kind.DISPOSAL,
                        proj.projectWkt(square(31.800, 120.000, 0.002)),
                        null,
                        null,
                        "320402"),
                new Fence(
                        22,
                        "消纳场C",
                        Fence.Kind.DISPOSAL,
                        proj.projectWkt(square(31.760, 120.000, 0.002)),
                        null,
                        null,
                        "320402"),
                new Fence(
                        31,
                        "学校禁行区",
                        Fence.Kind.NO_GO,
                        proj.projectWkt(square(31.770, 119.950, 0.003)),
                        null,
                        DailyWindow.of("07:00", "19:00"),
                        "320402"),
                new Fence(
                        41,
                        "城区限速区",
                        Fence.Kind.SPEED,
                        proj.projectWkt(square(31.800, 119.950, 0.005)),
                        40,
                        null,
                        "320402"));
        PermitRule permit = new PermitRule(
                51,
                "HZ-001",
                Set.of(1L),
                11,
                21,
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-12-31"),
                DailyWindow.of("20:00", "06:00"),
                proj.corridor("LINESTRING(119.900 31.800, 120.000 31.800)", 50));
        return new MuckWorld(
                proj,
                List.of(
                        new VehicleProfile(1, T1, "苏D·M3601", 7L, 18.0, "320411"),
                        new VehicleProfile(2, T2, "苏D·M3602", 7L, 18.0, "320411")),
                List.of(permit),
                fences);
    }

    @BeforeEach
    void setUp() {
        engine = new AlarmEngine(world(proj), AlarmThresholds.defaults(), CITY, NIGHT.minusSeconds(3600));
    }

    List<EngineEvent> feed(String terminal, Instant t, double lat, double lon, double speed, long status, long alarm) {
        List<EngineEvent> e =
                engine.accept(new Position(terminal, t, lat, lon, speed, 90, alarm, status, null, null), t);
        events.addAll(e);
        return e;
    }

    List<EngineEvent> feed(String terminal, Instant t, double lat, double lon, double speed, long status) {
        return feed(terminal, t, lat, lon, speed, status, 0);
    }

    long opened(AlarmType type) {
        return events.stream()
                .filter(e -> e instanceof AlarmOpened o && o.type() == type)
                .count();
    }

    long closed(AlarmType type) {
        return events.stream()
                .filter(e -> e instanceof AlarmClosed c && c.type() == type)
                .count();
    }

    List<AlarmType> openTypes(String terminal) {
        return engine.snapshot(terminal).orElseThrow().open().stream()
                .map(OpenAlarm::type)
                .toList();
    }

    @Test
    void terminalNumbersAreComparedWithoutLeadingZeros() {
        assertThat(Terminals.normalize("013951230001")).isEqualTo("13951230001");
        assertThat(Terminals.normalize("00000000013951230001")).isEqualTo("13951230001");
        assertThat(Terminals.normalize(" 13951230001 ")).isEqualTo("13951230001");
        assertThat(Terminals.normalize("139x")).isNull();
        assertThat(Terminals.normalize("0000")).isNull();
        assertThat(Terminals.normalize("")).isNull();
        assertThat(Terminals.normalize("123456789012345678901")).isNull();
    }

    @Test
    void loadStateComesFromStatusBits8And9() {
        assertThat(LoadState.fromStatus(0)).isEqualTo(LoadState.EMPTY);
        assertThat(LoadState.fromStatus(HALF | 0b11)).isEqualTo(LoadState.HALF);
        assertThat(LoadState.fromStatus(FULL)).isEqualTo(LoadState.FULL);
        assertThat(LoadState.fromStatus(0b10L << 8)).isEqualTo(LoadState.FULL);
    }

    @Test
    void theProjectionMeasuresMetres() {
        // 0.001° of latitude is about 111 m; of longitude at 31.8° about 94.5 m
        double dy = proj.toMetres(31.801, 119.95).y - proj.toMetres(31.800, 119.95).y;
        double dx = proj.toMetres(31.80, 119.951).x - proj.toMetres(31.80, 119.950).x;
        assertThat(dy).isBetween(110.5, 111.7);
        assertThat(dx).isBetween(94.0, 95.0);
        double[] back = proj.toDegrees(proj.toMetres(31.7, 120.1));
        assertThat(back[0]).isCloseTo(31.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(back[1]).isCloseTo(120.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anEmergencyBitOpensOneAlarmWhileItPersistsAndClosesWhenCleared() {
        feed(T1, NIGHT, 31.8, 119.93, 30, EMPTY);
        feed(T1, NIGHT.plusSeconds(10), 31.8, 119.931, 30, EMPTY, 1);
        feed(T1, NIGHT.plusSeconds(20), 31.8, 119.932, 30, EMPTY, 1);
        feed(T1, NIGHT.plusSeconds(30), 31.8, 119.933, 30, EMPTY, 1);
        assertThat(opened(AlarmType.TERMINAL_EMERGENCY)).isEqualTo(1);
        OpenAlarm open = engine.snapshot(T1).orElseThrow().open().get(0);
        assertThat(open.lastSeen()).isEqualTo(NIGHT.plusSeconds(30));
        assertThat(open.evidence()).hasSize(4); // the one before, the start, and the two after
        feed(T1, NIGHT.plusSeconds(40), 31.8, 119.934, 30, EMPTY, 0);
        assertThat(closed(AlarmType.TERMINAL_EMERGENCY)).isEqualTo(1);
        assertThat(openTypes(T1)).isEmpty();
    }

    @Test
    void powerCutAntennaCutAndTamperingBitsRaiseTheirOwnAlarms() {
        feed(T1, NIGHT, 31.8, 119.93, 30, EMPTY, 1L << 8);
        feed(T1, NIGHT.plusSeconds(10), 31.8, 119.931, 30, EMPTY, (1L << 8) | (1L << 5));
        feed(T1, NIGHT.plusSeconds(20), 31.8, 119.932, 30, EMPTY, 1L << 4);
        assertThat(opened(AlarmType.TERMINAL_POWER_CUT)).isEqualTo(1);
        assertThat(opened(AlarmType.TERMINAL_ANTENNA_CUT)).isEqualTo(1);
        assertThat(opened(AlarmType.TERMINAL_TAMPERING)).isEqualTo(1);
        assertThat(closed(AlarmType.TERMINAL_POWER_CUT)).isEqualTo(1);
        assertThat(openTypes(T1)).containsExactly(AlarmType.TERMINAL_TAMPERING);
    }

    @Test
    void enteringANoGoZoneDuringItsWindowIsAnAlarmButNotAtNight() {
        feed(T2, DAY, 31.770, 119.950, 20, EMPTY);
        feed(T2, DAY.plusSeconds(30), 31.771, 119.950, 20, EMPTY);
        assertThat(opened(AlarmType.FORBIDDEN_ZONE)).isEqualTo(1);
        AlarmOpened o = (AlarmOpened) events.stream()
                .filter(e -> e instanceof AlarmOpened)
                .findFirst()
                .orElseThrow();
        assertThat(o.refKind()).isEqualTo("ZONE");
        assertThat(o.refId()).isEqualTo(31L);
        feed(T2, DAY.plusSeconds(60), 31.780, 119.950, 20, EMPTY);
        assertThat(closed(AlarmType.FORBIDDEN_ZONE)).isEqualTo(1);

        feed(T1, NIGHT, 31.770, 119.950, 20, EMPTY);
        assertThat(opened(AlarmType.FORBIDDEN_ZONE)).isEqualTo(1);
    }

    @Test
    void speedingNeedsToLastAndUsesTheZoneLimit() {
        // 45 km/h in the 40 zone: a single report is not enough, 15 s later it is
        feed(T1, NIGHT, 31.800, 119.948, 45, EMPTY);
        assertThat(opened(AlarmType.SPEEDING)).isZero();
        feed(T1, NIGHT.plusSeconds(10), 31.800, 119.949, 35, EMPTY);
        feed(T1, NIGHT.plusSeconds(20), 31.800, 119.950, 45, EMPTY);
        feed(T1, NIGHT.plusSeconds(30), 31.800, 119.951, 45, EMPTY);
        assertThat(opened(AlarmType.SPEEDING)).isZero();
        feed(T1, NIGHT.plusSeconds(40), 31.800, 119.952, 46, EMPTY);
        assertThat(opened(AlarmType.SPEEDING)).isEqualTo(1);
        // 55 km/h outside the zone is under the default 60
        feed(T1, NIGHT.plusSeconds(60), 31.800, 119.970, 55, EMPTY);
        assertThat(closed(AlarmType.SPEEDING)).isEqualTo(1);
        feed(T1, NIGHT.plusSeconds(80), 31.800, 119.975, 55, EMPTY);
        assertThat(opened(AlarmType.SPEEDING)).isEqualTo(1);
    }

    @Test
    void leavingTheCorridorLoadedForLongerThanAllowedIsARouteDeviation() {
        feed(T1, NIGHT, 31.800, 119.920, 30, FULL);
        // 30 m off the route line: still inside the 50 m corridor
        feed(T1, NIGHT.plusSeconds(60), 31.80027, 119.930, 30, FULL);
        // about 200 m off, for 1 minute: not yet
        feed(T1, NIGHT.plusSeconds(120), 31.8018, 119.940, 30, FULL);
        feed(T1, NIGHT.plusSeconds(180), 31.8018, 119.945, 30, FULL);
        assertThat(opened(AlarmType.ROUTE_DEVIATION)).isZero();
        feed(T1, NIGHT.plusSeconds(240), 31.8018, 119.950, 30, FULL);
        feed(T1, NIGHT.plusSeconds(300), 31.8018, 119.955, 30, FULL);
        assertThat(opened(AlarmType.ROUTE_DEVIATION)).isEqualTo(1);
        AlarmOpened o = events.stream()
                .filter(e -> e instanceof AlarmOpened a && a.type() == AlarmType.ROUTE_DEVIATION)
                .map(AlarmOpened.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(o.at()).isEqualTo(NIGHT.plusSeconds(240));
        assertThat(o.detail()).contains("HZ-001");
        assertThat(o.evidence()).isNotEmpty();
        feed(T1, NIGHT.plusSeconds(360), 31.800, 119.960, 30, FULL);
        assertThat(closed(AlarmType.ROUTE_DEVIATION)).isEqualTo(1);
    }

    @Test
    void anEmptyTruckOffTheRouteIsNoDeviation() {
        feed(T1, NIGHT, 31.81, 119.92, 30, EMPTY);
        feed(T1, NIGHT.plusSeconds(600), 31.81, 119.95, 30, EMPTY);
        assertThat(opened(AlarmType.ROUTE_DEVIATION)).isZero();
    }

    @Test
    void movingLoadedOutsideThePermitWindowIsAForbiddenTimeAlarm() {
        feed(T1, DAY, 31.800, 119.920, 30, FULL);
        assertThat(opened(AlarmType.FORBIDDEN_TIME)).isEqualTo(1);
        feed(T1, DAY.plusSeconds(60), 31.800, 119.925, 30, EMPTY);
        assertThat(closed(AlarmType.FORBIDDEN_TIME)).isEqualTo(1);
        feed(T1, NIGHT, 31.800, 119.930, 30, FULL);
        assertThat(opened(AlarmType.FORBIDDEN_TIME)).isEqualTo(1);
    }

    @Test
    void aLoadedTripWithoutAValidPermitIsAnAlarm() {
        feed(T2, NIGHT, 31.800, 119.920, 2, FULL);
        assertThat(opened(AlarmType.NO_PERMIT)).isZero(); // standing, not yet a trip
        feed(T2, NIGHT.plusSeconds(30), 31.800, 119.921, 25, FULL);
        feed(T2, NIGHT.plusSeconds(60), 31.800, 119.922, 25, HALF);
        assertThat(opened(AlarmType.NO_PERMIT)).isEqualTo(1);
        feed(T2, NIGHT.plusSeconds(90), 31.800, 120.000, 0, EMPTY);
        assertThat(closed(AlarmType.NO_PERMIT)).isEqualTo(1);
    }

    @Test
    void aPermitOutsideItsValidDatesDoesNotCount() {
        Instant january = Instant.parse("2027-01-05T14:00:00Z");
        feed(T1, january, 31.800, 119.920, 30, FULL);
        assertThat(opened(AlarmType.NO_PERMIT)).isEqualTo(1);
    }

    @Test
    void aTripFromTheSiteToTheApprovedDisposalSiteIsCountedWithoutAlarms() {
        feed(T1, NIGHT, 31.800, 119.900, 0, EMPTY);
        feed(T1, NIGHT.plusSeconds(300), 31.8005, 119.9005, 0, FULL); // loaded in 工地A
        for (int i = 1; i <= 9; i++) {
            feed(T1, NIGHT.plusSeconds(300 + i * 60), 31.800, 119.900 + i * 0.01, 35, FULL);
        }
        feed(T1, NIGHT.plusSeconds(1000), 31.8003, 119.9995, 0, FULL);
        feed(T1, NIGHT.plusSeconds(1200), 31.8003, 119.9996, 0, EMPTY); // emptied in 消纳场B
        List<TripCompleted> trips = events.stream()
                .filter(e -> e instanceof TripCompleted)
                .map(TripCompleted.class::cast)
                .toList();
        assertThat(trips).hasSize(1);
        assertThat(trips.get(0).siteId()).isEqualTo(11L);
        assertThat(trips.get(0).disposalSiteId()).isEqualTo(21L);
        assertThat(trips.get(0).loadedAt()).isEqualTo(NIGHT.plusSeconds(300));
        assertThat(trips.get(0).load()).isEqualTo(LoadState.FULL);
        assertThat(events).noneMatch(e -> e instanceof AlarmOpened);
    }

    @Test
    void emptyingOutsideADisposalSiteIsIllegalUnloadingUntilTheTruckMovesOn() {
        feed(T1, NIGHT, 31.8005, 119.9005, 0, FULL);
        feed(T1, NIGHT.plusSeconds(60), 31.800, 119.930, 30, FULL);
        feed(T1, NIGHT.plusSeconds(120), 31.800, 119.940, 0, EMPTY);
        assertThat(opened(AlarmType.ILLEGAL_UNLOADING)).isEqualTo(1);
        assertThat(events).anyMatch(e -> e instanceof TripCompleted t && t.disposalSiteId() == null);
        feed(T1, NIGHT.plusSeconds(180), 31.800, 119.940, 1, EMPTY);
        assertThat(closed(AlarmType.ILLEGAL_UNLOADING)).isZero();
        feed(T1, NIGHT.plusSeconds(240), 31.800, 119.945, 30, EMPTY);
        assertThat(closed(AlarmType.ILLEGAL_UNLOADING)).isEqualTo(1);
    }

    @Test
    void emptyingInAnotherDisposalSiteThanThePermitNamesIsIllegalToo() {
        feed(T1, NIGHT, 31.760, 120.000, 0, FULL);
        feed(T1, NIGHT.plusSeconds(60), 31.760, 120.0001, 0, EMPTY);
        assertThat(opened(AlarmType.ILLEGAL_UNLOADING)).isEqualTo(1);
        AlarmOpened o = events.stream()
                .filter(e -> e instanceof AlarmOpened)
                .map(AlarmOpened.class::cast)
                .filter(a -> a.type() == AlarmType.ILLEGAL_UNLOADING)
                .findFirst()
                .orElseThrow();
        assertThat(o.refKind()).isEqualTo("DISPOSAL");
        assertThat(o.refId()).isEqualTo(22L);
    }

    @Test
    void aLongLoadedStopOutsideTheFencesIsSuspectedUnloading() {
        feed(T1, NIGHT, 31.800, 119.930, 0, FULL);
        feed(T1, NIGHT.plusSeconds(600), 31.800, 119.930, 0, FULL);
        assertThat(opened(AlarmType.ILLEGAL_UNLOADING)).isZero();
        feed(T1, NIGHT.plus(Duration.ofMinutes(16)), 31.800, 119.930, 0, FULL);
        assertThat(opened(AlarmType.ILLEGAL_UNLOADING)).isEqualTo(1);
        // waiting in the site is fine
        feed(T2, NIGHT, 31.800, 119.900, 0, FULL);
        feed(T2, NIGHT.plus(Duration.ofMinutes(30)), 31.800, 119.900, 0, FULL);
        assertThat(opened(AlarmType.ILLEGAL_UNLOADING)).isEqualTo(1);
    }

    @Test
    void aSilentVehicleWithAnActivePermitGoesOfflineAndComesBack() {
        feed(T1, NIGHT, 31.800, 119.930, 30, EMPTY);
        assertThat(engine.tick(NIGHT.plus(Duration.ofMinutes(9)))).isEmpty();
        List<EngineEvent> tick = engine.tick(NIGHT.plus(Duration.ofMinutes(11)));
        events.addAll(tick);
        assertThat(tick).hasSize(1);
        AlarmOpened o = (AlarmOpened) tick.get(0);
        assertThat(o.type()).isEqualTo(AlarmType.OFFLINE);
        assertThat(o.terminal()).isEqualTo(T1);
        assertThat(o.lat()).isEqualTo(31.8);
        assertThat(engine.tick(NIGHT.plus(Duration.ofMinutes(12)))).isEmpty(); // deduplicated
        feed(T1, NIGHT.plus(Duration.ofMinutes(13)), 31.800, 119.931, 30, EMPTY);
        assertThat(closed(AlarmType.OFFLINE)).isEqualTo(1);
    }

    @Test
    void aNodeRaisesOfflineAlarmsOnlyForTheVehiclesWhosePositionsComeToIt() {
        feed(T1, NIGHT, 31.800, 119.930, 30, EMPTY);
        // several telemetry nodes: T1's partition is another node's, which alone may find it silent
        assertThat(engine.tick(NIGHT.plus(Duration.ofMinutes(11)), t -> !t.equals(T1)))
                .isEmpty();
        assertThat(engine.tick(NIGHT.plus(Duration.ofMinutes(11)), T1::equals))
                .singleElement()
                .isInstanceOf(AlarmOpened.class);
    }

    @Test
    void noOfflineAlarmOutsideThePermitWindowOrForVehiclesWithoutPermit() {
        feed(T1, DAY, 31.800, 119.930, 30, EMPTY);
        feed(T2, DAY, 31.800, 119.930, 30, EMPTY);
        assertThat(engine.tick(DAY.plus(Duration.ofMinutes(60)))).isEmpty();
    }

    @Test
    void anOfflineAlarmEndsWithThePermitWindow() {
        feed(T1, NIGHT, 31.800, 119.930, 30, EMPTY);
        assertThat(engine.tick(NIGHT.plus(Duration.ofMinutes(30)))).hasSize(1);
        List<EngineEvent> morning = engine.tick(NIGHT.plus(Duration.ofHours(9))); // 07:00
        assertThat(morning).singleElement().isInstanceOf(AlarmClosed.class);
    }

    @Test
    void olderPositionsThanTheLastAreIgnored() {
        feed(T2, NIGHT.plusSeconds(60), 31.800, 119.930, 30, EMPTY);
        assertThat(feed(T2, NIGHT, 31.770, 119.950, 30, FULL)).isEmpty();
        assertThat(feed(T2, NIGHT.plusSeconds(60), 31.770, 119.950, 30, FULL)).isEmpty();
        TrackerState s = engine.snapshot(T2).orElseThrow();
        assertThat(s.lastTime()).isEqualTo(NIGHT.plusSeconds(60));
        assertThat(s.load()).isEqualTo(LoadState.EMPTY);
        assertThat(s.lat()).isEqualTo(31.8);
    }

    @Test
    void unknownTerminalsAreIgnored() {
        assertThat(feed("13900000000", NIGHT, 31.770, 119.950, 90, FULL, 1)).isEmpty();
        assertThat(engine.snapshot("13900000000")).isEmpty();
    }

    @Test
    void aRestoredEngineResumesItsTimersAndDoesNotReopenAlarms() {
        feed(T1, NIGHT, 31.800, 119.920, 30, FULL, 1);
        feed(T1, NIGHT.plusSeconds(60), 31.8018, 119.940, 30, FULL, 1); // off route from here
        assertThat(opened(AlarmType.TERMINAL_EMERGENCY)).isEqualTo(1);
        List<TrackerState> saved = engine.snapshots();

        AlarmEngine restarted = new AlarmEngine(world(proj), AlarmThresholds.defaults(), CITY, NIGHT.plusSeconds(90));
        restarted.restore(saved);
        List<EngineEvent> after = new ArrayList<>();
        Position old = new Position(T1, NIGHT.plusSeconds(30), 31.8, 119.93, 30, 90, 1, FULL, null, null);
        assertThat(restarted.accept(old, NIGHT.plusSeconds(100))).isEmpty();
        after.addAll(restarted.accept(
                new Position(T1, NIGHT.plusSeconds(200), 31.8018, 119.950, 30, 90, 1, FULL, null, null),
                NIGHT.plusSeconds(200)));
        // the emergency stays the same alarm; the deviation timer started before the restart
        assertThat(after).noneMatch(e -> e instanceof AlarmOpened a && a.type() == AlarmType.TERMINAL_EMERGENCY);
        assertThat(after).anyMatch(e -> e instanceof AlarmOpened a && a.type() == AlarmType.ROUTE_DEVIATION);
    }

    static final long LID_OPEN = 1L << 17;

    void withLidSensorOnBit17() {
        engine = new AlarmEngine(
                world(proj), AlarmThresholds.defaults().withLidOpenStatusBit(17), CITY, NIGHT.minusSeconds(3600));
    }

    @Test
    void movingLoadedWithTheLidOpenIsUnsealedUntilTheLidCloses() {
        withLidSensorOnBit17();
        feed(T1, NIGHT, 31.800, 119.901, 0, FULL | LID_OPEN); // loading in the site, lid open: no alarm yet
        assertThat(opened(AlarmType.UNSEALED)).isZero();
        feed(T1, NIGHT.plusSeconds(30), 31.800, 119.910, 30, FULL | LID_OPEN);
        feed(T1, NIGHT.plusSeconds(60), 31.800, 119.920, 30, FULL | LID_OPEN);
        assertThat(opened(AlarmType.UNSEALED)).isEqualTo(1);
        assertThat(openTypes(T1)).containsExactly(AlarmType.UNSEALED);
        feed(T1, NIGHT.plusSeconds(90), 31.800, 119.930, 30, FULL);
        assertThat(closed(AlarmType.UNSEALED)).isEqualTo(1);
    }

    @Test
    void anOpenLidOnAnEmptyTruckOrWithoutALidSensorIsNoAlarm() {
        withLidSensorOnBit17();
        feed(T1, NIGHT, 31.800, 119.910, 30, EMPTY | LID_OPEN);
        feed(T1, NIGHT.plusSeconds(30), 31.800, 119.920, 30, HALF); // half loaded, lid shut
        assertThat(opened(AlarmType.UNSEALED)).isZero();
        feed(T1, NIGHT.plusSeconds(60), 31.800, 119.930, 30, HALF | LID_OPEN); // half loaded counts as loaded
        assertThat(opened(AlarmType.UNSEALED)).isEqualTo(1);
        feed(T1, NIGHT.plusSeconds(90), 31.800, 119.940, 30, EMPTY | LID_OPEN);
        assertThat(closed(AlarmType.UNSEALED)).isEqualTo(1);

        setUp(); // the default thresholds: terminals without a lid sensor
        events.clear();
        feed(T1, NIGHT, 31.800, 119.910, 30, FULL | LID_OPEN);
        feed(T1, NIGHT.plusSeconds(30), 31.800, 119.920, 30, FULL | LID_OPEN);
        assertThat(opened(AlarmType.UNSEALED)).isZero();
    }
}
