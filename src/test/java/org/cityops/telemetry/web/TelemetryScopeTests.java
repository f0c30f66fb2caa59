package org.cityops.telemetry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cityops.audit.AuditEntry;
import org.cityops.audit.AuditLog;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.support.RegisteredVehicles;
import org.cityops.telemetry.internal.TelemetryGateway;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.sim.BlockingTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The telemetry API under the vehicle registry's data scope, as a district-scoped muck supervisor (新北区 320411)
 * sees it: tracks and latest positions of the vehicles of their district only, ingest only for terminals fitted to
 * registered vehicles in their district (a forwarding platform's key: registered vehicles anywhere), and the
 * release (解绑) of a terminal's registration likewise.
 */
@IntegrationTest
class TelemetryScopeTests {

    static final String XINBEI = "320411";
    static final String TIANNING = "320402";
    static EventLoopGroup clients;
    static String districtUser;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    TelemetryGateway gateway;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @BeforeAll
    static void clients() {
        clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopClients() {
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    String xinbeiSupervisor() throws Exception {
        if (districtUser == null) {
            String user = "muck-xb-tel-" + Long.toString(System.nanoTime(), 36);
            mvc.perform(post("/api/v1/org/users")
                            .header("Authorization", Api.bearer(mvc, "admin"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                            {"username": "%s", "password": "%s", "displayName": "新北渣土监管员",
                             "roles": ["MUCK_SUPERVISOR"], "scope": "DISTRICT", "orgUnitCode": "%s"}""".formatted(user, Api.DEMO_PASSWORD, XINBEI)))
                    .andExpect(status().isCreated());
            districtUser = user;
        }
        return Api.bearer(mvc, districtUser);
    }

    String position(String terminal, int secondsAgo) {
        return """
                {"terminal": "%s", "time": "%s", "lat": 31.80, "lon": 119.95, "speedKmh": 20}""".formatted(terminal, clock.instant().minusSeconds(secondsAgo).truncatedTo(ChronoUnit.SECONDS));
    }

    ResultActions ingest(String auth, String header, String... items) throws Exception {
        return mvc.perform(post("/api/v1/telemetry/positions")
                .header(header, auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("[" + String.join(",", items) + "]"));
    }

    @Test
    void aDistrictSupervisorReadsTracksOnlyOfVehiclesInTheirDistrict() throws Exception {
        String ours = RegisteredVehicles.terminalIn(mvc, XINBEI);
        String theirs = RegisteredVehicles.terminalIn(mvc, TIANNING);
        String admin = Api.bearer(mvc, "admin");
        ingest(admin, "Authorization", position(ours, 60)).andExpect(status().isOk());
        ingest(admin, "Authorization", position(theirs, 60)).andExpect(status().isOk());
        String me = xinbeiSupervisor();
        String from = clock.instant().minusSeconds(600).toString();
        String to = clock.instant().plusSeconds(5).toString();

        mvc.perform(get("/api/v1/telemetry/terminals/" + ours + "/last").header("Authorization", me))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.terminal").value(ours));
        mvc.perform(get("/api/v1/telemetry/terminals/" + ours + "/positions")
                        .header("Authorization", me)
                        .param("from", from)
                        .param("to", to))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));

        mvc.perform(get("/api/v1/telemetry/terminals/" + theirs + "/last").header("Authorization", me))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("该终端的车辆不在您的数据范围内")));
        mvc.perform(get("/api/v1/telemetry/terminals/" + theirs + "/positions")
                        .header("Authorization", me)
                        .param("from", from)
                        .param("to", to))
                .andExpect(status().isForbidden());
        // a city-wide supervisor sees both
        mvc.perform(get("/api/v1/telemetry/terminals/" + theirs + "/last")
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk());
    }

    @Test
    void aTerminalFittedToNoVehicleIsVisibleOnlyCityWide() throws Exception {
        String loose = "175" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        gateway.store()
                .append(java.util.List.of(new org.cityops.telemetry.Position(
                        loose,
                        clock.instant().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS),
                        31.8,
                        119.95,
                        0,
                        0,
                        0,
                        3,
                        null,
                        null)));
        mvc.perform(get("/api/v1/telemetry/terminals/" + loose + "/positions")
                        .header("Authorization", xinbeiSupervisor())
                        .param("from", clock.instant().minusSeconds(600).toString())
                        .param("to", clock.instant().toString()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/telemetry/terminals/" + loose + "/positions")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .param("from", clock.instant().minusSeconds(600).toString())
                        .param("to", clock.instant().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aDistrictSupervisorFeedsOnlyRegisteredTerminalsOfTheirDistrictAndAMixedBatchStoresNothing() throws Exception {
        String ours = RegisteredVehicles.terminalIn(mvc, XINBEI);
        String theirs = RegisteredVehicles.terminalIn(mvc, TIANNING);
        String loose = "175" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String me = xinbeiSupervisor();

        ingest(me, "Authorization", position(ours, 50))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(1));
        ingest(me, "Authorization", position(ours, 40), position(theirs, 40))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.field").value("positions[1].terminal"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("终端不在车辆登记中或不在您的数据范围内")));
        ingest(me, "Authorization", position(loose, 40)).andExpect(status().isForbidden());
        assertThat(gateway.store().count(ours)).isEqualTo(1); // the mixed batch stored nothing
        assertThat(gateway.store().count(theirs)).isZero();
        assertThat(gateway.store().count(loose)).isZero();
    }

    @Test
    void theForwardingPlatformsKeyFeedsRegisteredVehiclesInServiceAnywhereButNoUnknownTerminal() throws Exception {
        String theirs = RegisteredVehicles.terminalIn(mvc, TIANNING);
        String loose = "175" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String key = "cityops-demo-telemetry-key";
        ingest(key, "X-Api-Key", position(theirs, 30)).andExpect(status().isOk());
        ingest(key, "X-Api-Key", position(loose, 30))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.field").value("positions[0].terminal"));
        jdbc.sql("UPDATE muck_vehicle SET status = 'RETIRED' WHERE terminal_phone = :t")
                .param("t", theirs)
                .update();
        ingest(key, "X-Api-Key", position(theirs, 20)).andExpect(status().isForbidden());
        assertThat(gateway.store().count(theirs)).isEqualTo(1);
    }

    @Test
    void aSupervisorReleasesARegistrationInTheirDistrictAndTheTerminalMayRegisterOnceMore() throws Exception {
        String ours = RegisteredVehicles.terminalIn(mvc, XINBEI);
        String theirs = RegisteredVehicles.terminalIn(mvc, TIANNING);
        String plate = RegisteredVehicles.plate(ours);
        String me = xinbeiSupervisor();
        String first;
        try (BlockingTerminal t = new BlockingTerminal(clients, "127.0.0.1", gateway.port(), ours, false)) {
            first = t.login(plate, Duration.ofSeconds(10));
            assertThat(first).isNotNull();
            try (BlockingTerminal thief = new BlockingTerminal(clients, "127.0.0.1", gateway.port(), ours, true)) {
                var again = thief.awaitRegistration(thief.client().register(plate), Duration.ofSeconds(10));
                assertThat(again.result()).isEqualTo(Jt808.TERMINAL_ALREADY_REGISTERED);
                assertThat(again.authCode()).isNull();
            }
            mvc.perform(post("/api/v1/telemetry/terminals/" + theirs + "/release")
                            .header("Authorization", me))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/telemetry/terminals/" + ours + "/release")
                            .header("Authorization", Api.bearer(mvc, "dispatcher1")))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/telemetry/terminals/0" + ours + "/release")
                            .header("Authorization", me))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.released").value(true));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !t.client().isOpen()); // its session ends
        }
        mvc.perform(post("/api/v1/telemetry/terminals/" + ours + "/release").header("Authorization", me))
                .andExpect(status().isNotFound());
        var entries = audit.find("TERMINAL", ours, null, 10, 0);
        assertThat(entries).extracting(AuditEntry::action).contains("REGISTER", "RELEASE");
        assertThat(entries)
                .filteredOn(e -> e.action().equals("RELEASE"))
                .extracting(AuditEntry::username)
                .containsExactly(districtUser);
        try (BlockingTerminal t = new BlockingTerminal(clients, "127.0.0.1", gateway.port(), ours, false)) {
            var fresh = t.awaitRegistration(t.client().register(plate), Duration.ofSeconds(10));
            assertThat(fresh.result()).isEqualTo(Jt808.REGISTERED);
            assertThat(fresh.authCode()).isNotEqualTo(first);
            assertThat(t.awaitRegistration(t.client().register(plate), Duration.ofSeconds(10))
                            .result())
                    .isEqualTo(Jt808.TERMINAL_ALREADY_REGISTERED);
        }
    }
}
