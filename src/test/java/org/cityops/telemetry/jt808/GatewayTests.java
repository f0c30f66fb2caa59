package org.cityops.telemetry.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.TerminalDirectory;
import org.cityops.telemetry.pipeline.InMemoryAuthCodes;
import org.cityops.telemetry.pipeline.MemoryTrackStore;
import org.cityops.telemetry.pipeline.PositionWriter;
import org.cityops.telemetry.pipeline.TerminalRegistrar;
import org.cityops.telemetry.sim.BlockingTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway wired by hand (no Spring) on an ephemeral port, driven by the simulator's client over TCP. */
class GatewayTests {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String KNOWN = "13900000001";
    static final String KNOWN_2 = "13900000002";
    static final String PLATE = "苏D00001";

    private final MemoryTrackStore store = new MemoryTrackStore();
    private final CountingFaults faults = new CountingFaults();
    private final List<Position> observed = new CopyOnWriteArrayList<>();
    private final TerminalDirectory directory = terminal -> terminal.startsWith("139")
            ? Optional.of(new TerminalDirectory.KnownTerminal(terminal, "苏D" + terminal.substring(6), 2))
            : Optional.empty();
    private PositionWriter writer;
    private Jt808Server server;
    private EventLoopGroup clients;

    @BeforeEach
    void start() {
        startWith(GatewaySettings.defaults(0).withTimeouts(2, 2), 100_000);
        clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    private void startWith(GatewaySettings settings, int highWater) {
        writer = new PositionWriter(store, () -> List.of(observed::addAll), highWater, 5000);
        writer.start();
        server = new Jt808Server(
                settings,
                new TerminalRegistrar(() -> directory, new InMemoryAuthCodes(), false),
                writer,
                faults,
                Clock.systemUTC(),
                Duration.ofDays(180));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        writer.stop();
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private BlockingTerminal terminal(String phone, boolean v2019) {
        return new BlockingTerminal(clients, "127.0.0.1", server.port(), phone, v2019);
    }

    static Position at(String terminal, Instant time, double lat) {
        return new Position(terminal, time.truncatedTo(ChronoUnit.SECONDS), lat, 119.95, 36.5, 90, 0, 3, 100.5, 5);
    }

    @Test
    void aKnownTerminalRegistersAuthenticatesAndItsLocationsAreAckedOnlyOnceDurable() {
        try (BlockingTerminal t = terminal(KNOWN, false)) {
            assertThat(t.login("苏D00001", WAIT)).isNotNull();
            Position p = at(KNOWN, Instant.now(), 31.78);
            store.gate.drainPermits(); // the database is stuck: no commit, so no ack
            int serial = t.client().location(p, true);
            assertThat(t.awaitResponse(serial, Duration.ofMillis(500))).isNull();
            assertThat(store.contains(p)).isFalse();
            store.gate.release(Integer.MAX_VALUE);
            GeneralResponse ack = t.awaitResponse(serial, WAIT);
            assertThat(ack).isEqualTo(new GeneralResponse(serial, Jt808.LOCATION, Jt808.OK));
            assertThat(store.contains(p)).isTrue();
            assertThat(observed).contains(p);
            assertThat(writer.latest(KNOWN)).isEqualTo(p);
        }
    }

    @Test
    void anUnknownTerminalGetsResultFourAndNoService() {
        try (BlockingTerminal t = terminal("13700000009", false)) {
            var r = t.awaitRegistration(t.client().register("苏D99999"), WAIT);
            assertThat(r.result()).isEqualTo(Jt808.TERMINAL_NOT_IN_DB);
            assertThat(r.authCode()).isNull();
            var auth = t.awaitResponse(t.client().authenticate("guess"), WAIT);
            assertThat(auth.result()).isEqualTo(Jt808.FAILED);
            int serial = t.client().location(at("13700000009", Instant.now(), 31.7), true);
            assertThat(t.awaitResponse(serial, Duration.ofMillis(300))).isNull();
        }
        assertThat(store.size()).isZero();
        assertThat(faults.get(Fault.UNKNOWN_TERMINAL)).isEqualTo(1);
        assertThat(faults.get(Fault.UNAUTHENTICATED)).isEqualTo(1);
    }

    @Test
    void aKnownTerminalWithAnotherPlateGetsResultTwo() {
        try (BlockingTerminal t = terminal(KNOWN, false)) {
            var r = t.awaitRegistration(t.client().register("苏A11111"), WAIT);
            assertThat(r.result()).isEqualTo(Jt808.VEHICLE_NOT_IN_DB);
        }
    }

    @Test
    void a2013RegistrationAuthenticatesA2019ConnectionOfTheSameNumber() {
        String code;
        try (BlockingTerminal t = terminal("0" + KNOWN_2, false)) {
            code = t.awaitRegistration(t.client().register("苏D00002"), WAIT).authCode();
        }
        try (BlockingTerminal t = terminal("000000000" + KNOWN_2, true)) {
            assertThat(t.awaitResponse(t.client().authenticate(code), WAIT).result())
                    .isEqualTo(Jt808.OK);
            Position p = at(KNOWN_2, Instant.now(), 31.8);
            assertThat(t.awaitResponse(t.client().location(p, true), WAIT).result())
                    .isEqualTo(Jt808.OK);
            assertThat(store.contains(p)).isTrue();
        }
    }

    @Test
    void aReplayedBatchIsAckedAgainButStoredOnce() {
        try (BlockingTerminal t = terminal(KNOWN, true)) {
            t.login(PLATE, WAIT);
            Instant now = Instant.now();
            List<Position> blind = List.of(
                    at(KNOWN, now.minusSeconds(30), 31.1),
                    at(KNOWN, now.minusSeconds(20), 31.2),
                    at(KNOWN, now.minusSeconds(10), 31.3));
            assertThat(t.awaitResponse(t.client().batch(1, blind), WAIT).result())
                    .isEqualTo(Jt808.OK);
            assertThat(t.awaitResponse(t.client().batch(1, blind), WAIT).result())
                    .isEqualTo(Jt808.OK);
            assertThat(store.size()).isEqualTo(3);
            assertThat(writer.counters().duplicates()).isEqualTo(3);
            assertThat(observed).hasSize(3);
        }
    }

    @Test
    void garbageBadChecksumsAndUnknownMessagesAreCountedAndTheConnectionKeepsWorking() {
        try (BlockingTerminal t = terminal(KNOWN, false)) {
            t.login(PLATE, WAIT);
            t.client().sendRaw(new byte[] {1, 2, 3, 4});
            byte[] bad = t.client().frame(Jt808.HEARTBEAT, new byte[0]);
            bad[bad.length - 2] ^= 0x01;
            t.client().sendRaw(bad);
            int unknown = t.client().send(0x0f0f, new byte[] {1}, true);
            assertThat(t.awaitResponse(unknown, WAIT).result()).isEqualTo(Jt808.UNSUPPORTED);
            assertThat(t.awaitResponse(t.client().heartbeat(), WAIT).result()).isEqualTo(Jt808.OK);
            byte[] badBody = new byte[10];
            assertThat(t.awaitResponse(t.client().send(Jt808.LOCATION, badBody, true), WAIT)
                            .result())
                    .isEqualTo(Jt808.BAD_MESSAGE);
        }
        assertThat(faults.get(Fault.GARBAGE)).isGreaterThanOrEqualTo(1);
        assertThat(faults.get(Fault.UNKNOWN_MESSAGE)).isEqualTo(1);
        assertThat(faults.get(Fault.BAD_BODY)).isEqualTo(1);
        assertThat(faults.get(Fault.BAD_CHECKSUM) + faults.get(Fault.TRUNCATED)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSlowLorisConnectionIsClosedEvenThoughBytesKeepTrickling() throws Exception {
        try (BlockingTerminal t = terminal(KNOWN, false)) {
            t.login(PLATE, WAIT);
            byte[] frame = t.client().frame(Jt808.HEARTBEAT, new byte[0]);
            // one byte of a frame that never ends, five times a second, until the platform hangs up
            AtomicInteger trickled = new AtomicInteger();
            ScheduledFuture<?> trickle = clients.scheduleAtFixedRate(
                    () -> t.client().sendRaw(new byte[] {frame[trickled.getAndIncrement() % (frame.length - 1)]}),
                    0,
                    200,
                    TimeUnit.MILLISECONDS);
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> !t.client().isOpen());
            } finally {
                trickle.cancel(false);
            }
            assertThat(trickled.get())
                    .as("bytes trickled in before the platform hung up")
                    .isPositive();
        }
        assertThat(faults.get(Fault.CONNECTION_DROPPED)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aConnectionThatNeverAuthenticatesIsClosed() throws Exception {
        try (BlockingTerminal t = terminal(KNOWN, false)) {
            assertThat(t.client().isOpen()).isTrue();

            await().atMost(WAIT).until(() -> !t.client().isOpen());
        }
    }

    @Test
    void aFailingDatabaseDelaysAcksButLosesNothing() {
        try (BlockingTerminal t = terminal(KNOWN, false)) {
            t.login(PLATE, WAIT);
            store.failuresToThrow = 2;
            Position p = at(KNOWN, Instant.now(), 31.5);
            int serial = t.client().location(p, true);
            assertThat(t.awaitResponse(serial, WAIT).result()).isEqualTo(Jt808.OK);
            assertThat(store.contains(p)).isTrue();
            assertThat(writer.counters().failures()).isEqualTo(2);
        }
    }

    @Test
    void underBackPressureEveryPositionIsStillStoredAndAcked() {
        server.stop();
        writer.stop();
        startWith(GatewaySettings.defaults(0), 50);
        try (BlockingTerminal t = terminal(KNOWN, false)) {
            t.login(PLATE, WAIT);
            store.gate.drainPermits(); // the database is stuck until the writer's queue is at its high water mark
            Instant base = Instant.now().minusSeconds(3600);
            List<Integer> serials = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                serials.add(t.client().location(at(KNOWN, base.plusSeconds(i), 31.0), i % 50 == 49));
            }
            t.client().flush();
            await().atMost(WAIT).until(() -> writer.queued() >= 50);
            store.gate.release(Integer.MAX_VALUE);
            for (int s : serials) {
                assertThat(t.awaitResponse(s, Duration.ofSeconds(20)))
                        .as("ack of " + s)
                        .isNotNull();
            }
            assertThat(store.size()).isEqualTo(500);
        }
    }

    @Test
    void stoppingTheWriterAcknowledgesOnlyWhatIsStored() {
        try (BlockingTerminal t = terminal(KNOWN, false)) {
            t.login(PLATE, WAIT);
            Instant base = Instant.now().minusSeconds(3600);
            List<Position> sent = new ArrayList<>();
            List<Integer> serials = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Position p = at(KNOWN, base.plusSeconds(i), 31.0);
                sent.add(p);
                serials.add(t.client().location(p, true));
            }
            server.stopAccepting();
            writer.stop();
            for (int i = 0; i < sent.size(); i++) {
                GeneralResponse ack = t.awaitResponse(serials.get(i), Duration.ofMillis(200));
                if (ack != null && ack.result() == Jt808.OK) {
                    assertThat(store.contains(sent.get(i)))
                            .as("acked position stored")
                            .isTrue();
                }
            }
        }
    }
}
