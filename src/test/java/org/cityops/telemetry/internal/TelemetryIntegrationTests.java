package org.cityops.telemetry.internal;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.TerminalDirectory;
import org.cityops.telemetry.jt808.GatewaySettings;
import org.cityops.telemetry.jt808.GeneralResponse;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.Jt808Server;
import org.cityops.telemetry.pipeline.InMemoryAuthCodes;
import org.cityops.telemetry.pipeline.TerminalRegistrar;
import org.cityops.telemetry.sim.BlockingTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The gateway of the application context (ephemeral port) and its durable writer on the test database, driven
 * by the simulator's TCP client. Terminals are known through a directory of this test (the context's own
 * directory, if any, belongs to another module).
 */
@IntegrationTest
class TelemetryIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(10);
    static EventLoopGroup clients;

    @Autowired
    TelemetryGateway gateway;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void clients() {
        clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopClients() {
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static String uniqueTerminal() {
        return "19" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    private Jt808Server serverOnTheContextsWriter() {
        TerminalDirectory directory = t -> Optional.of(new TerminalDirectory.KnownTerminal(t, null, 2));
        Jt808Server server = new Jt808Server(
                GatewaySettings.defaults(0),
                new TerminalRegistrar(() -> directory, new InMemoryAuthCodes(), false),
                gateway,
                fault -> {},
                Clock.systemUTC(),
                Duration.ofDays(180));
        server.start();
        return server;
    }

    static Position at(String terminal, Instant t, int i) {
        return new Position(
                terminal,
                t.truncatedTo(ChronoUnit.SECONDS),
                (31_780_000 + i * 100) / 1_000_000.0,
                (119_950_000 + i * 100) / 1_000_000.0,
                40 + i % 10,
                i % 360,
                i % 3 == 0 ? 1L << 23 : 0,
                0x3 | (3 << 8),
                1000.0 + i,
                8);
    }

    @Test
    void theContextsGatewayListensOnAnEphemeralPortAndRefusesUnknownTerminals() {
        assertThat(gateway.port()).isPositive().isNotEqualTo(7808);
        String phone = "18" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        try (BlockingTerminal t = new BlockingTerminal(clients, "127.0.0.1", gateway.port(), phone, false)) {
            var r = t.awaitRegistration(t.client().register("苏D0000"), WAIT);
            assertThat(r.result()).isIn(Jt808.TERMINAL_NOT_IN_DB, Jt808.VEHICLE_NOT_IN_DB);
            int serial = t.client().location(at(phone, Instant.now(), 1), true);
            assertThat(t.awaitResponse(serial, Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void everyAcknowledgedPositionIsInTheDatabaseAtAckTimeAndAfterARestart() throws Exception {
        String phone = uniqueTerminal();
        Jt808Server server = serverOnTheContextsWriter();
        List<Position> acked = new ArrayList<>();
        try (BlockingTerminal t = new BlockingTerminal(clients, "127.0.0.1", server.port(), phone, true)) {
            assertThat(t.login("苏D12345", WAIT)).isNotNull();
            Instant base = Instant.now().minusSeconds(7200);
            for (int i = 0; i < 20; i++) {
                Position p = at(phone, base.plusSeconds(i), i);
                GeneralResponse ack = t.awaitResponse(t.client().location(p, true), WAIT);
                assertThat(ack.result()).isEqualTo(Jt808.OK);
                assertThat(gateway.store().track(phone, p.time(), p.time().plusSeconds(1), 1))
                        .as("stored when acknowledged")
                        .containsExactly(p);
                acked.add(p);
            }
            // a burst, then the gateway stops while positions are in flight
            List<Integer> serials = new ArrayList<>();
            List<Position> burst = new ArrayList<>();
            for (int i = 20; i < 520; i++) {
                Position p = at(phone, base.plusSeconds(i), i);
                burst.add(p);
                serials.add(t.client().location(p, i % 25 == 0));
            }
            t.client().flush();
            // stop only once the gateway has taken in part of the burst (else nothing is in flight to test)
            GeneralResponse firstOfBurst = t.awaitResponse(serials.get(0), WAIT);
            gateway.stop();
            if (firstOfBurst != null && firstOfBurst.result() == Jt808.OK) {
                acked.add(burst.get(0));
            }
            for (int i = 1; i < burst.size(); i++) {
                GeneralResponse ack = t.awaitResponse(serials.get(i), Duration.ofMillis(50));
                if (ack != null && ack.result() == Jt808.OK) {
                    acked.add(burst.get(i));
                }
            }
        } finally {
            server.stop();
            if (!gateway.isRunning()) {
                gateway.start();
            }
        }
        List<Position> stored =
                gateway.store().track(phone, Instant.EPOCH, Instant.now().plusSeconds(60), 50_000);
        assertThat(stored).containsAll(acked);
        assertThat(acked.size()).isGreaterThan(20);
        assertThat(gateway.latest(phone)).isEqualTo(stored.get(stored.size() - 1));
        assertThat(gateway.port()).isPositive();
    }

    @Test
    void theTrackApiGivesTheLastPositionAndAWindowOfPositions() throws Exception {
        String phone = uniqueTerminal();
        Jt808Server server = serverOnTheContextsWriter();
        Instant base = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        try (BlockingTerminal t = new BlockingTerminal(clients, "127.0.0.1", server.port(), phone, false)) {
            t.login("苏D54321", WAIT);
            for (int i = 0; i < 5; i++) {
                assertThat(t.awaitResponse(t.client().location(at(phone, base.plusSeconds(i * 10), i), true), WAIT)
                                .result())
                        .isEqualTo(Jt808.OK);
            }
        } finally {
            server.stop();
        }
        String token = Api.bearer(mvc, "muck1");
        mvc.perform(get("/api/v1/telemetry/terminals/0" + phone + "/last").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.terminal").value(phone))
                .andExpect(jsonPath("$.time").value(base.plusSeconds(40).toString()))
                .andExpect(jsonPath("$.alarmBits").value(0))
                .andExpect(jsonPath("$.speedKmh").value(44.0));
        mvc.perform(get("/api/v1/telemetry/terminals/" + phone + "/positions")
                        .header("Authorization", token)
                        .param("from", base.plusSeconds(10).toString())
                        .param("to", base.plusSeconds(40).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].mileageKm").value(1001.0))
                .andExpect(jsonPath("$[2].alarmBits").value(1 << 23));
        mvc.perform(get("/api/v1/telemetry/terminals/19999999999999/last").header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/telemetry/terminals/" + phone + "/last")
                        .header("Authorization", Api.bearer(mvc, "handler-tianning")))
                .andExpect(status().isForbidden());
    }

    @Test
    void forwardedPositionsAreStoredOnceBeforeTheResponse() throws Exception {
        String phone = org.cityops.support.RegisteredVehicles.terminalIn(mvc, "320402");
        String time =
                Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = "[{\"terminal\":\"" + phone + "\",\"time\":\"" + time + "\",\"lat\":31.78,\"lon\":119.95,"
                + "\"speedKmh\":12.5,\"direction\":180,\"alarmBits\":0,\"statusBits\":3,\"mileageKm\":5.5}]";
        String token = Api.bearer(mvc, "muck1");
        mvc.perform(post("/api/v1/telemetry/positions")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(1));
        assertThat(gateway.store().count(phone)).isEqualTo(1);
        mvc.perform(post("/api/v1/telemetry/positions")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.duplicates").value(1));
        mvc.perform(post("/api/v1/telemetry/positions")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("31.78", "91.5")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/telemetry/positions")
                        .header("Authorization", Api.bearer(mvc, "dispatcher1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
    }

    @Test
    void retentionRemovesOnlyOldPositions() {
        String phone = uniqueTerminal();
        Instant old = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
        Instant recent = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        gateway.store().append(List.of(at(phone, old, 1), at(phone, recent, 2)));
        gateway.store().purgeBefore(Instant.now().minus(Duration.ofDays(180)));
        assertThat(gateway.store().track(phone, Instant.EPOCH, Instant.now().plusSeconds(5), 10))
                .extracting(Position::time)
                .containsExactly(recent);
    }
}
