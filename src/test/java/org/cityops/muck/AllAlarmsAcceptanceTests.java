package org.cityops.muck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.cityops.muck.alarm.EngineRunner;
import org.cityops.muck.engine.AlarmType;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.internal.TelemetryGateway;
import org.cityops.telemetry.sim.AllAlarmsScenario;
import org.cityops.telemetry.sim.ScenarioDriver;
import org.cityops.telemetry.sim.TruckScript;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The "done when": the simulator's all-alarms scenario, over real TCP to the gateway of the test context,
 * drives demo trucks so that every alarm type is raised; one alarm becomes a case that goes through the dispatch
 * flow and stays linked to the alarm. Position times are fixed (a past 09:00 city time), so the outcome does not
 * depend on the hour the test runs.
 */
@IntegrationTest
class AllAlarmsAcceptanceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TelemetryGateway gateway;

    @Autowired
    EngineRunner engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theAllAlarmsScenarioRaisesEveryAlarmTypeAndOneBecomesACaseThatIsDispatchedAndClosed() throws Exception {
        Instant start = AllAlarmsScenario.defaultStart(clock.instant());
        List<TruckScript> scripts = AllAlarmsScenario.scripts(start);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            List<ScenarioDriver.Outcome> outcomes = new ScenarioDriver(
                            group, "127.0.0.1", gateway.port(), Duration.ofSeconds(60), 0, line -> {})
                    .play(scripts);
            assertThat(outcomes)
                    .allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        engine.awaitIdle(Duration.ofSeconds(30));
        // the silent truck: the server's offline tick, as it would run offline-after (10 min) later
        engine.tickAt(clock.instant().plus(Duration.ofMinutes(11)));
        engine.awaitIdle(Duration.ofSeconds(30));

        Set<String> raised = new TreeSet<>();
        for (TruckScript s : scripts) {
            raised.addAll(typesOf(s.plate()));
        }
        Set<String> expected = new TreeSet<>();
        EnumSet.allOf(AlarmType.class).forEach(t -> expected.add(t.name()));
        assertThat(raised).as("alarm types raised by the scenario").containsAll(expected);
        assertThat(typesOf(AllAlarmsScenario.demoPlate(AllAlarmsScenario.GOES_OFFLINE)))
                .contains("OFFLINE");
        assertThat(typesOf(AllAlarmsScenario.demoPlate(AllAlarmsScenario.DEVIATOR_AND_DUMPER)))
                .contains("ROUTE_DEVIATION", "ILLEGAL_UNLOADING");
        assertThat(typesOf(AllAlarmsScenario.demoPlate(AllAlarmsScenario.LID_OPEN)))
                .contains("UNSEALED"); // and OFFLINE after the tick
        assertThat(typesOf(AllAlarmsScenario.demoPlate(AllAlarmsScenario.TERMINALS_BITS)))
                .contains("TERMINAL_EMERGENCY", "TERMINAL_POWER_CUT", "TERMINAL_ANTENNA_CUT", "TERMINAL_TAMPERING");

        // the speeding in 新北 (one click by default) becomes a case ...
        long alarmId = alarmOf(AllAlarmsScenario.demoPlate(AllAlarmsScenario.SPEEDER), "SPEEDING");
        mvc.perform(post("/api/v1/muck/alarms/" + alarmId + "/case")
                        .header("Authorization", Api.bearer(mvc, "muck1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"城区超速，请约谈运输企业\"}"))
                .andExpect(status().isAccepted());
        long caseId = awaitCaseOf(alarmId);
        assertThat(jdbc.sql("SELECT source_module, source_ref FROM city_case WHERE id = :id")
                        .param("id", caseId)
                        .query()
                        .singleRow())
                .containsEntry("source_module", "muck")
                .containsEntry("source_ref", String.valueOf(alarmId));

        // ... and goes through the dispatch flow
        Map<String, Object> kase = JsonPath.read(
                mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", Api.bearer(mvc, "dispatcher1")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.channel").value("ALERT"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$");
        String district = (String) kase.get("districtCode");
        assertThat(district).as("the case is placed in a district").isNotBlank();
        List<String> walked = new ArrayList<>();
        if ("PENDING_VERIFY".equals(kase.get("status"))) {
            walked.add(act("inspector1", caseId, "{\"action\":\"VERIFY\"}"));
        }
        walked.add(act("shiftlead1", caseId, "{\"action\":\"FILE\"}"));
        walked.add(
                act("dispatcher1", caseId, "{\"action\":\"DISPATCH\",\"departmentCode\":\"QCGJ-" + district + "\"}"));
        String handler = handlerOf(district);
        walked.add(act(handler, caseId, "{\"action\":\"ACCEPT\"}"));
        walked.add(act(handler, caseId, "{\"action\":\"REPORT_HANDLED\",\"note\":\"运输企业已约谈，驾驶员已处罚\"}"));
        walked.add(act("inspector1", caseId, "{\"action\":\"CHECK_PASS\"}"));
        walked.add(act("shiftlead1", caseId, "{\"action\":\"CLOSE\"}"));
        assertThat(walked).endsWith("FILED", "DISPATCHED", "ACCEPTED", "HANDLED", "CHECKED", "CLOSED");

        // the closed case is still the alarm's case
        String caseNumber = JsonPath.read(
                mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", Api.bearer(mvc, "dispatcher1")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.caseNumber");
        mvc.perform(get("/api/v1/muck/alarms/" + alarmId).header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseId").value(caseId))
                .andExpect(jsonPath("$.caseNumber").value(caseNumber))
                .andExpect(jsonPath("$.type").value("SPEEDING"));
    }

    Set<String> typesOf(String plate) throws Exception {
        String body = mvc.perform(get("/api/v1/muck/alarms")
                        .param("plate", plate)
                        .param("size", "500")
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> types = JsonPath.read(body, "$.items[*].type");
        return new TreeSet<>(types);
    }

    long alarmOf(String plate, String type) throws Exception {
        String body = mvc.perform(get("/api/v1/muck/alarms")
                        .param("plate", plate)
                        .param("type", type)
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.items[*].id");
        assertThat(ids).as(type + " of " + plate).isNotEmpty();
        return ids.get(0).longValue();
    }

    /** the alarm asks the cases module for a case; wait until it answers (a case, or why not) */
    long awaitCaseOf(long alarmId) {
        String body = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> mvc.perform(get("/api/v1/muck/alarms/" + alarmId)
                                        .header("Authorization", Api.bearer(mvc, "muck1")))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        b -> JsonPath.read(b, "$.caseId") != null || JsonPath.read(b, "$.caseFailure") != null);
        assertThat((String) JsonPath.read(body, "$.caseFailure"))
                .as("case refused")
                .isNull();
        return ((Number) JsonPath.read(body, "$.caseId")).longValue();
    }

    String act(String user, long caseId, String json) throws Exception {
        ResultActions r = mvc.perform(post("/api/v1/cases/" + caseId + "/transitions")
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
        String body = r.andReturn().getResponse().getContentAsString();
        assertThat(r.andReturn().getResponse().getStatus())
                .as(user + " " + json + " → " + body)
                .isEqualTo(200);
        return JsonPath.read(body, "$.status");
    }

    static String handlerOf(String district) {
        switch (district) {
            case "320402":
                return "handler-tianning";
            case "320404":
                return "handler-zhonglou";
            case "320411":
                return "handler-xinbei";
            case "320412":
                return "handler-wujin";
            case "320413":
                return "handler-jintan";
            case "320481":
                return "handler-liyang";
            default:
                return "handler-jingkai";
        }
    }
}
