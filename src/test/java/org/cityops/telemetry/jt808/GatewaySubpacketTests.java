package org.cityops.telemetry.jt808;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.awaitility.Awaitility;
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

/**
 * Subpackaged (分包) messages over TCP: kept only for an authenticated terminal and only for the messages the
 * gateway serves, bounded in bytes per connection; every part but the last is answered on receipt, the last
 * only once the whole message is durable (docs/telemetry.md, "Subpackets").
 */
class GatewaySubpacketTests {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String KNOWN = "13900000001";
    static final String DIGITS = "013900000001";

    private final MemoryTrackStore store = new MemoryTrackStore();
    private final CountingFaults faults = new CountingFaults();
    private final TerminalDirectory directory = t -> t.startsWith("139")
            ? Optional.of(new TerminalDirectory.KnownTerminal(t, "苏D" + t.substring(6), 2))
            : Optional.empty();
    private PositionWriter writer;
    private Jt808Server server;
    private EventLoopGroup clients;

    @BeforeEach
    void start() {
        startWith(GatewaySettings.defaults(0));
        clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    private void startWith(GatewaySettings settings) {
        writer = new PositionWriter(store, List::of, 100_000, 5000);
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
        clients.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private BlockingTerminal loggedIn() {
        BlockingTerminal t = new BlockingTerminal(clients, "127.0.0.1", server.port(), KNOWN, false);
        assertThat(t.login("苏D00001", WAIT)).isNotNull();
        return t;
    }

    private static List<Position> positions(int n) {
        Instant base = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        List<Position> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Position(KNOWN, base.plusSeconds(i), 31.7 + i / 10000.0, 119.9, 30, 90, 0, 3, 100.0 + i, 5));
        }
        return out;
    }

    private static byte[] batchBody(List<Position> positions) {
        return new LocationBatch(1, positions.stream().map(LocationReport::of).toList()).encode();
    }

    @Test
    void subpacketsBeforeAuthenticationAreNotKeptAndCountTowardTheUnauthenticatedLimit() {
        byte[] body = batchBody(positions(40));
        List<byte[]> parts = Subpackets.split(body, 200);
        try (BlockingTerminal t = new BlockingTerminal(clients, "127.0.0.1", server.port(), KNOWN, false)) {
            for (int i = 0; i < 6 && !t.closedByPlatform(); i++) {
                t.client()
                        .sendRaw(Subpackets.frame(
                                DIGITS,
                                Jt808.LOCATION_BATCH,
                                100 + i,
                                parts.size(),
                                1 + i % parts.size(),
                                parts.get(i % parts.size())));
            }
            Awaitility.await().atMost(WAIT).until(t::closedByPlatform);
        }
        assertThat(faults.get(Fault.UNAUTHENTICATED)).isEqualTo(6);
        assertThat(faults.get(Fault.CONNECTION_DROPPED)).isEqualTo(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void aSubpackagedBatchIsAnsweredPartByPartAndItsLastPartOnlyOnceTheBatchIsDurable() {
        List<Position> sent = positions(60);
        List<byte[]> parts = Subpackets.split(batchBody(sent), 500);
        assertThat(parts.size()).isGreaterThan(2);
        try (BlockingTerminal t = loggedIn()) {
            store.gate.drainPermits(); // the database is stuck
            for (int i = 0; i < parts.size() - 1; i++) {
                t.client()
                        .sendRaw(Subpackets.frame(
                                DIGITS, Jt808.LOCATION_BATCH, 10 + i, parts.size(), i + 1, parts.get(i)));
                assertThat(t.awaitResponse(10 + i, WAIT))
                        .as("part " + (i + 1) + " received")
                        .isEqualTo(new GeneralResponse(10 + i, Jt808.LOCATION_BATCH, Jt808.OK));
            }
            int last = 10 + parts.size() - 1;
            t.client()
                    .sendRaw(Subpackets.frame(
                            DIGITS,
                            Jt808.LOCATION_BATCH,
                            last,
                            parts.size(),
                            parts.size(),
                            parts.get(parts.size() - 1)));
            assertThat(t.awaitResponse(last, Duration.ofMillis(500)))
                    .as("no ack before the commit")
                    .isNull();
            store.gate.release(Integer.MAX_VALUE);
            assertThat(t.awaitResponse(last, WAIT).result()).isEqualTo(Jt808.OK);
            assertThat(sent).allMatch(store::contains);
        }
    }

    @Test
    void subpacketsBeyondTheConnectionsByteBudgetAreRefusedAndNothingOfThatMessageIsKept() {
        server.stop();
        writer.stop();
        startWith(GatewaySettings.defaults(0).withReassemblyBytes(1500));
        List<Position> big = positions(80);
        List<byte[]> parts = Subpackets.split(batchBody(big), 1000);
        assertThat(parts.size()).isGreaterThanOrEqualTo(3);
        try (BlockingTerminal t = loggedIn()) {
            t.client().sendRaw(Subpackets.frame(DIGITS, Jt808.LOCATION_BATCH, 20, parts.size(), 1, parts.get(0)));
            assertThat(t.awaitResponse(20, WAIT).result()).isEqualTo(Jt808.OK);
            t.client().sendRaw(Subpackets.frame(DIGITS, Jt808.LOCATION_BATCH, 21, parts.size(), 2, parts.get(1)));
            assertThat(t.awaitResponse(21, WAIT).result()).isEqualTo(Jt808.FAILED);
            assertThat(faults.get(Fault.REASSEMBLY_LIMIT)).isEqualTo(1);
            // the budget is free again: a small subpackaged batch goes through
            List<Position> small = positions(10).stream()
                    .map(p -> new Position(
                            KNOWN,
                            p.time().minusSeconds(600),
                            p.lat(),
                            p.lon(),
                            p.speedKmh(),
                            p.direction(),
                            0,
                            3,
                            p.mileageKm(),
                            p.altitudeM()))
                    .toList();
            List<byte[]> two = Subpackets.split(batchBody(small), 200);
            for (int i = 0; i < two.size(); i++) {
                t.client()
                        .sendRaw(Subpackets.frame(DIGITS, Jt808.LOCATION_BATCH, 30 + i, two.size(), i + 1, two.get(i)));
                assertThat(t.awaitResponse(30 + i, WAIT).result()).isEqualTo(Jt808.OK);
            }
            assertThat(small).allMatch(store::contains);
            assertThat(big).noneMatch(store::contains);
        }
    }

    @Test
    void subpacketsOfAMessageTheGatewayDoesNotServeAreAnsweredUnsupportedAndNotKept() {
        try (BlockingTerminal t = loggedIn()) {
            t.client().sendRaw(Subpackets.frame(DIGITS, 0x0801, 40, 300, 1, new byte[900])); // multimedia upload
            assertThat(t.awaitResponse(40, WAIT).result()).isEqualTo(Jt808.UNSUPPORTED);
        }
        assertThat(faults.get(Fault.UNKNOWN_MESSAGE)).isEqualTo(1);
    }
}
