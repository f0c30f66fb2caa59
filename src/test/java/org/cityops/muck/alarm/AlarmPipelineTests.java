package org.cityops.muck.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.cityops.muck.engine.AlarmEngine;
import org.cityops.muck.engine.AlarmThresholds;
import org.cityops.muck.engine.EngineEvent;
import org.cityops.muck.engine.LocalProjection;
import org.cityops.muck.engine.MuckWorld;
import org.cityops.platform.CityClock;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.Position;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Positions in through telemetry's observer interface, alarms out: stored with evidence, deduplicated, closed, sent
 * as cases by rule or by click, linked back when the case opens, and resumed after a restart.
 */
@IntegrationTest
class AlarmPipelineTests {

    static final long FULL = 0b11L << 8;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EngineRunner observer; // the muck alarm engine's position observer (sanitation has its own)

    @Autowired
    EngineRunner runner;

    @Autowired
    AlarmStore store;

    @Autowired
    WorldLoader worldLoader;

    @Autowired
    Clock clock;

    String withPermit;
    String withoutPermit;
    long permittedVehicle;
    Instant t0;

    long created(String path, String json) throws Exception {
        String body = mvc.perform(post(path)
                        .header("Authorization", Api.bearer(mvc, "muck1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    static String terminal() {
        return "177" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @BeforeEach
    void registry() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        long site = created("/api/v1/muck/sites", """
                {"code": "TS-%s", "name": "管线测试工地", "districtCode": "320411",
                 "polygon": "POLYGON((119.898 31.798, 119.902 31.798, 119.902 31.802, 119.898 31.802, 119.898 31.798))"}""".formatted(suffix));
        long disposal = created("/api/v1/muck/disposal-sites", """
                {"code": "TD-%s", "name": "管线测试消纳场", "districtCode": "320411", "capacityM3": 1000,
                 "polygon": "POLYGON((119.998 31.798, 120.002 31.798, 120.002 31.802, 119.998 31.802, 119.998 31.798))"}""".formatted(suffix));
        withPermit = terminal();
        withoutPermit = terminal();
        permittedVehicle = created("/api/v1/muck/vehicles", """
                {"plate": "苏D·W%s", "plateColor": 2, "terminalPhone": "%s", "districtCode": "320411", "ratedVolumeM3": 18}""".formatted(withPermit.substring(6), withPermit));
        created("/api/v1/muck/vehicles", """
                {"plate": "苏D·N%s", "plateColor": 2, "terminalPhone": "%s", "districtCode": "320411"}""".formatted(withoutPermit.substring(6), withoutPermit));
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        created("/api/v1/muck/permits", """
                {"permitNo": "TP-%s", "siteId": %d, "disposalSiteId": %d, "validFrom": "%s", "validTo": "%s",
                 "route": "LINESTRING(119.900 31.800, 120.000 31.800)", "vehicleIds": [%d]}""".formatted(
                        suffix, site, disposal, today.minusDays(1), today.plusDays(1), permittedVehicle));
        t0 = clock.instant().minus(Duration.ofMinutes(30));
    }

    Position pos(String terminal, int seconds, double lat, double lon, double speed, long status, long alarm) {
        return new Position("0" + terminal, t0.plusSeconds(seconds), lat, lon, speed, 90, alarm, status, null, null);
    }

    void feed(Position... batch) {
        observer.onPositions(List.of(batch));
        runner.awaitIdle(Duration.ofSeconds(20));
    }

    List<Map<String, Object>> alarms(String terminal) {
        return jdbc.sql("SELECT * FROM muck_alarm WHERE terminal_phone = :t AND type <> 'OFFLINE' ORDER BY id")
                .param("t", terminal)
                .query()
                .listOfRows();
    }

    @Test
    void aLoadedTripWithoutPermitIsStoredWithEvidenceAndSentAsACaseByRule() throws Exception {
        feed(
                pos(withoutPermit, 0, 31.80, 119.95, 30, FULL, 0),
                pos(withoutPermit, 10, 31.80, 119.951, 30, FULL, 0),
                pos(withoutPermit, 20, 31.80, 119.952, 30, FULL, 0));
        List<Map<String, Object>> rows = alarms(withoutPermit);
        assertThat(rows).hasSize(1);
        Map<String, Object> a = rows.get(0);
        assertThat(a.get("type")).isEqualTo("NO_PERMIT");
        assertThat(a.get("status")).isEqualTo("OPEN");
        assertThat((String) a.get("evidence_json")).contains("119.952");
        assertThat(a.get("case_requested_at")).isNotNull();
        assertThat(a.get("case_category")).isEqualTo(CaseRules.ILLEGAL_TRANSPORT);
        long id = ((Number) a.get("id")).longValue();
        assertThat(CaseRequestedProbe.SEEN)
                .filteredOn(e -> e.sourceRef().equals(String.valueOf(id)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.sourceModule()).isEqualTo("muck");
                    assertThat(e.categoryCode()).isEqualTo(CaseRules.ILLEGAL_TRANSPORT);
                    assertThat(e.lat()).isEqualTo(31.80);
                    assertThat(e.description()).contains("无核准运输");
                    assertThat(e.evidence()).contains("119.95");
                });

        // the cases module opens the case and answers with CaseOpened: the case is linked back to the alarm
        Object caseId = await("case linked back to the alarm")
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("SELECT case_id FROM muck_alarm WHERE id = :id")
                                .param("id", id)
                                .query()
                                .singleRow()
                                .get("case_id"),
                        Objects::nonNull);
        String body = mvc.perform(get("/api/v1/cases/" + ((Number) caseId).longValue())
                        .header("Authorization", Api.bearer(mvc, "dispatcher1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("ALERT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String caseNumber = com.jayway.jsonpath.JsonPath.read(body, "$.caseNumber");
        mvc.perform(get("/api/v1/muck/alarms/" + id).header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value(caseNumber))
                .andExpect(jsonPath("$.evidence.length()").value(3));

        // emptied again: the alarm closes and stays one alarm
        feed(pos(withoutPermit, 30, 31.80, 119.953, 0, 0, 0), pos(withoutPermit, 40, 31.80, 119.953, 20, 0, 0));
        rows = alarms(withoutPermit);
        assertThat(rows)
                .extracting(r -> r.get("type") + "/" + r.get("status"))
                .contains("NO_PERMIT/CLOSED", "ILLEGAL_UNLOADING/CLOSED");
    }

    @Test
    void aTerminalAlarmIsSentAsACaseByAClickOnce() throws Exception {
        feed(
                pos(withPermit, 0, 31.80, 119.93, 30, 0, 1),
                pos(withPermit, 10, 31.80, 119.931, 30, 0, 1),
                pos(withPermit, 20, 31.80, 119.932, 30, 0, 1));
        List<Map<String, Object>> rows = alarms(withPermit);
        assertThat(rows).hasSize(1);
        Map<String, Object> a = rows.get(0);
        assertThat(a.get("type")).isEqualTo("TERMINAL_EMERGENCY");
        assertThat(a.get("case_requested_at")).isNull(); // manual by default
        long id = ((Number) a.get("id")).longValue();
        mvc.perform(post("/api/v1/muck/alarms/" + id + "/case")
                        .header("Authorization", Api.bearer(mvc, "dispatcher1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/muck/alarms/" + id + "/case")
                        .header("Authorization", Api.bearer(mvc, "muck1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"请执法队核查\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.caseCategory").value(CaseRules.ILLEGAL_TRANSPORT));
        mvc.perform(post("/api/v1/muck/alarms/" + id + "/case")
                        .header("Authorization", Api.bearer(mvc, "muck1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/muck/alarms?type=TERMINAL_EMERGENCY&plate=" + withPermit.substring(6))
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/muck/alarms?type=NOPE").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("type"));
        mvc.perform(get("/api/v1/muck/alarms")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/muck/alarms/export.xlsx").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).startsWith(0x50, 0x4B));
    }

    @Test
    void theCaseNumberLinksToTheCaseOnlyForThoseWhoMayOpenItAndTheChosenCategoryIsKept() throws Exception {
        feed(pos(withPermit, 0, 31.80, 119.93, 30, 0, 1), pos(withPermit, 10, 31.80, 119.931, 30, 0, 1));
        long id = ((Number) alarms(withPermit).get(0).get("id")).longValue();
        // the dialog's category picker: another category than the rule's
        mvc.perform(post("/api/v1/muck/alarms/" + id + "/case")
                        .header("Authorization", Api.bearer(mvc, "muck1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categoryCode\": \"" + CaseRules.SPILL + "\", \"note\": \"请核查\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.caseCategory").value(CaseRules.SPILL));
        long caseId = ((Number) await("case linked back to the alarm")
                        .atMost(Duration.ofSeconds(20))
                        .until(
                                () -> jdbc.sql("SELECT case_id FROM muck_alarm WHERE id = :id")
                                        .param("id", id)
                                        .query()
                                        .singleRow()
                                        .get("case_id"),
                                Objects::nonNull))
                .longValue();
        String caseNumber = jdbc.sql("SELECT case_number FROM muck_alarm WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        String page = "/muck/alarms?plate=" + withPermit.substring(6);
        String link = "href=\"/cases/" + caseId + "\"";

        // a muck supervisor has no case role: /cases/{id} would be a 403, so the number is shown without a link
        String supervisor = mvc.perform(get(page).session(login("muck1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(supervisor).contains(caseNumber).doesNotContain(link).contains("data-case-links=\"false\"");
        mvc.perform(get("/cases/" + caseId).session(login("muck1"))).andExpect(status().isForbidden());

        // the administrator may open the case: the number is a link to it
        String admin = mvc.perform(get(page).session(login("admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(admin).contains(link).contains("data-case-links=\"true\"");
    }

    org.springframework.mock.web.MockHttpSession login(String user) throws Exception {
        return (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                        "/login")
                                .user(user)
                                .password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void aTripToTheApprovedDisposalSiteIsCountedAndShownLive() throws Exception {
        List<Position> trip = new ArrayList<>();
        trip.add(pos(withPermit, 0, 31.800, 119.900, 0, 0, 0));
        trip.add(pos(withPermit, 60, 31.800, 119.9005, 0, FULL, 0));
        for (int i = 1; i <= 9; i++) {
            trip.add(pos(withPermit, 60 + i * 60, 31.800, 119.900 + i * 0.01, 35, FULL, 0));
        }
        trip.add(pos(withPermit, 700, 31.800, 119.9995, 0, FULL, 0));
        trip.add(pos(withPermit, 760, 31.800, 119.9995, 0, 0, 0));
        feed(trip.toArray(new Position[0]));
        assertThat(alarms(withPermit)).isEmpty();
        Map<String, Object> t = jdbc.sql("SELECT * FROM muck_trip WHERE terminal_phone = :t")
                .param("t", withPermit)
                .query()
                .singleRow();
        assertThat(t.get("site_id")).isNotNull();
        assertThat(t.get("disposal_site_id")).isNotNull();
        assertThat(((Number) t.get("volume_m3")).doubleValue()).isEqualTo(18.0);
        assertThat(((Number) jdbc.sql("SELECT remaining_m3 FROM muck_disposal_site WHERE id = :id")
                                .param("id", t.get("disposal_site_id"))
                                .query()
                                .singleValue())
                        .doubleValue())
                .isEqualTo(982.0);
        mvc.perform(get("/api/v1/muck/vehicles/live").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.terminal == '" + withPermit + "')].load")
                        .value("EMPTY"))
                .andExpect(
                        jsonPath("$[?(@.terminal == '" + withPermit + "')].lon").value(119.9995));
        mvc.perform(get("/api/v1/muck/stats").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trips").isNumber());
    }

    @Test
    void positionsIngestedByTelemetryReachTheAlarmEngine() throws Exception {
        // whole seconds, as terminals report them (telemetry's PostgreSQL path rounds sub-microsecond times)
        Instant t = clock.instant().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String json = """
                [{"terminal": "0%s", "time": "%s", "lat": 31.80, "lon": 119.95, "speedKmh": 30, "statusBits": 768},
                 {"terminal": "0%s", "time": "%s", "lat": 31.80, "lon": 119.951, "speedKmh": 30, "statusBits": 768}]""".formatted(withoutPermit, t, withoutPermit, t.plusSeconds(10));
        mvc.perform(post("/api/v1/telemetry/positions")
                        .header("Authorization", Api.bearer(mvc, "muck1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is2xxSuccessful());
        // telemetry stores the positions, then hands them to the alarm engine's runner: wait for the alarm
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            runner.awaitIdle(Duration.ofSeconds(10));
            assertThat(alarms(withoutPermit)).extracting(r -> r.get("type")).containsExactly("NO_PERMIT");
        });
    }

    @Test
    void theDefaultCaseCategoriesExistInTheCatalogue(
            @Autowired org.cityops.catalog.Catalog catalog, @Autowired CaseRules rules) {
        for (CaseRules.Rule r : rules.all()) {
            assertThat(catalog.resolve(r.categoryCode()))
                    .as(r.type() + " → " + r.categoryCode())
                    .isPresent();
        }
        assertThat(catalog.resolve(CaseRules.UNSEALED)).isPresent();
    }

    @Test
    void aVehicleThatMovesWithoutAlarmsHasItsStateWrittenByIntervalNotPerPosition() {
        AlarmEngine engine = new AlarmEngine(
                MuckWorld.empty(LocalProjection.changzhou()),
                AlarmThresholds.defaults(),
                CityClock.ZONE,
                clock.instant());
        engine.setWorld(worldLoader.load(LocalProjection.changzhou()));
        EngineRunner hourly = new EngineRunner(engine, store, worldLoader, jdbc, clock, Duration.ofHours(1));
        try {
            hourly.ensureStarted();
            hourly.process(List.of(pos(withPermit, 0, 31.80, 119.93, 30, 0, 0)));
            hourly.process(List.of(pos(withPermit, 10, 31.80, 119.931, 30, 0, 0)));
            assertThat(engine.snapshot(withPermit))
                    .get()
                    .satisfies(s -> assertThat(s.open()).isEmpty());
            assertThat(storedLastTime(withPermit)).isEmpty();

            hourly.flushStates();

            assertThat(storedLastTime(withPermit))
                    .contains(t0.plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        } finally {
            hourly.stop();
        }
    }

    EngineRunner hourlyRunner() {
        AlarmEngine engine = new AlarmEngine(
                MuckWorld.empty(LocalProjection.changzhou()),
                AlarmThresholds.defaults(),
                CityClock.ZONE,
                clock.instant());
        engine.setWorld(worldLoader.load(LocalProjection.changzhou()));
        return new EngineRunner(engine, store, worldLoader, jdbc, clock, Duration.ofHours(1));
    }

    @Test
    void aBatchIsConfirmedObservedOnlyOnceTheStateOfEveryVehicleItMovedIsWritten() {
        EngineRunner hourly = hourlyRunner();
        java.util.concurrent.atomic.AtomicInteger confirmed = new java.util.concurrent.atomic.AtomicInteger();
        try {
            hourly.ensureStarted();
            hourly.process(List.of(pos(withPermit, 0, 31.80, 119.93, 30, 0, 0)), confirmed::incrementAndGet);
            hourly.process(List.of(pos(withPermit, 10, 31.80, 119.931, 30, 0, 0)), confirmed::incrementAndGet);
            assertThat(storedLastTime(withPermit)).isEmpty();
            assertThat(confirmed).hasValue(0); // a node killed now leaves both batches to be evaluated again

            hourly.flushStates();

            assertThat(storedLastTime(withPermit)).isPresent();
            assertThat(confirmed).hasValue(2);
        } finally {
            hourly.stop();
        }
    }

    @Test
    void positionsHandedAgainAfterATakeoverRaiseNoAlarmTwice() {
        EngineRunner died = hourlyRunner();
        died.ensureStarted();
        died.process(
                List.of(pos(withPermit, 0, 31.80, 119.93, 30, 0, 1), pos(withPermit, 10, 31.80, 119.931, 30, 0, 1)));
        died.process(List.of(pos(withPermit, 20, 31.80, 119.932, 30, 0, 1)), () -> {}); // never confirmed: "killed"
        assertThat(alarms(withPermit)).hasSize(1);

        EngineRunner next = hourlyRunner(); // the node that takes the partition over
        next.ensureStarted();
        String phone = "0" + withPermit;
        next.reload(t -> t.equals(withPermit) || t.equals(phone));
        next.process(
                List.of(pos(withPermit, 0, 31.80, 119.93, 30, 0, 1), pos(withPermit, 10, 31.80, 119.931, 30, 0, 1)));
        next.process(List.of(pos(withPermit, 20, 31.80, 119.932, 30, 0, 1)));
        next.process(List.of(pos(withPermit, 30, 31.80, 119.933, 30, 0, 0)));

        List<Map<String, Object>> after = alarms(withPermit);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("status")).isEqualTo("CLOSED");
    }

    java.util.Optional<Instant> storedLastTime(String terminal) {
        return jdbc.sql("SELECT last_time FROM muck_vehicle_state WHERE terminal_phone = :t")
                .param("t", terminal)
                .query(java.time.OffsetDateTime.class)
                .optional()
                .map(java.time.OffsetDateTime::toInstant);
    }

    @Test
    void afterARestartTheEngineResumesWithoutDuplicatingOpenAlarms() {
        feed(pos(withPermit, 0, 31.80, 119.93, 30, 0, 1), pos(withPermit, 10, 31.80, 119.931, 30, 0, 1));
        assertThat(alarms(withPermit)).hasSize(1);
        runner.flushStates(); // what a clean stop does

        // a new engine, as after a restart: world from the registry, vehicle states from the database
        AlarmEngine restarted = new AlarmEngine(
                MuckWorld.empty(LocalProjection.changzhou()),
                AlarmThresholds.defaults(),
                CityClock.ZONE,
                clock.instant());
        restarted.setWorld(worldLoader.load(LocalProjection.changzhou()));
        restarted.restore(store.loadStates());
        assertThat(restarted.snapshot(withPermit)).get().satisfies(s -> {
            assertThat(s.lastTime()).isEqualTo(t0.plusSeconds(10));
            assertThat(s.open()).hasSize(1);
        });
        // the same position again (telemetry re-delivers) is ignored; the alarm persists without a new one
        assertThat(restarted.accept(pos(withPermit, 10, 31.80, 119.931, 30, 0, 1), clock.instant()))
                .isEmpty();
        List<EngineEvent> next = restarted.accept(pos(withPermit, 20, 31.80, 119.932, 30, 0, 1), clock.instant());
        assertThat(next).isEmpty();
        next = restarted.accept(pos(withPermit, 30, 31.80, 119.933, 30, 0, 0), clock.instant());
        assertThat(next).singleElement().isInstanceOf(EngineEvent.AlarmClosed.class);
    }
}
