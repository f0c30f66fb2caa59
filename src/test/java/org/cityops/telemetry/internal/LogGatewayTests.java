package org.cityops.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.TerminalDirectory;
import org.cityops.telemetry.jt808.GatewaySettings;
import org.cityops.telemetry.jt808.GeneralResponse;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.Jt808Server;
import org.cityops.telemetry.pipeline.InMemoryAuthCodes;
import org.cityops.telemetry.pipeline.LogPositionSink;
import org.cityops.telemetry.pipeline.TerminalRegistrar;
import org.cityops.telemetry.sim.BlockingTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JT/T 808 gateway in log mode over TCP, against a real JetStream (127.0.0.1:4222; skipped where none runs):
 * the terminal's 0x8001 follows JetStream's PubAck, never precedes it.
 */
class LogGatewayTests {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String KNOWN = "13900000001";

    String stream;
    JetStreamPositionLog positionLog;
    LogPositionSink sink;
    Jt808Server server;
    EventLoopGroup clients;
    Connection admin;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(LogTestSupport.reachable(4222), "NATS JetStream is not running at 127.0.0.1:4222");
        stream = LogTestSupport.uniqueName("H_SCALE2_");
        positionLog = new JetStreamPositionLog(
                LogTestSupport.NATS, stream, stream.toLowerCase(), 16, 1, Duration.ofMinutes(2));
        sink = new LogPositionSink(positionLog, 100_000);
        TerminalDirectory directory =
                terminal -> Optional.of(new TerminalDirectory.KnownTerminal(terminal, "苏D00001", 2));
        server = new Jt808Server(
                GatewaySettings.defaults(0),
                new TerminalRegistrar(() -> directory, new InMemoryAuthCodes(), false),
                sink,
                org.cityops.telemetry.jt808.FaultCounter.NONE,
                Clock.systemUTC(),
                Duration.ofDays(180));
        server.start();
        clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        admin = Nats.connect(LogTestSupport.NATS);
    }

    @AfterEach
    void stop() throws Exception {
        if (server == null) {
            return;
        }
        server.stopAccepting();
        sink.stop(1000);
        server.stop();
        positionLog.close();
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        try {
            admin.jetStreamManagement().deleteStream(stream);
        } catch (Exception e) {
            // deleted by the test
        }
        admin.close();
    }

    @Test
    void aLocationIsAnsweredOnlyAfterJetStreamHasItAndNotWhileTheStreamRefuses() throws Exception {
        try (BlockingTerminal t = new BlockingTerminal(clients, "127.0.0.1", server.port(), KNOWN, false)) {
            assertThat(t.login("苏D00001", WAIT)).isNotNull();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            int first = t.client().location(at(now.minusSeconds(2)), true);
            assertThat(t.awaitResponse(first, WAIT)).isEqualTo(new GeneralResponse(first, Jt808.LOCATION, Jt808.OK));
            assertThat(admin.jetStreamManagement()
                            .getStreamInfo(stream)
                            .getStreamState()
                            .getMsgCount())
                    .isEqualTo(1);

            JetStreamManagement jsm = admin.jetStreamManagement();
            StreamConfiguration config = jsm.getStreamInfo(stream).getConfiguration();
            jsm.deleteStream(stream); // the log refuses every publish now
            int second = t.client().location(at(now.minusSeconds(1)), true);
            assertThat(t.awaitResponse(second, Duration.ofMillis(1500))).isNull();

            jsm.addStream(config);
            assertThat(t.awaitResponse(second, WAIT)).isEqualTo(new GeneralResponse(second, Jt808.LOCATION, Jt808.OK));
            assertThat(jsm.getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(1);
        }
    }

    static Position at(Instant time) {
        return new Position(KNOWN, time, 31.78, 119.95, 36.5, 90, 0, 3, 100.5, 5);
    }
}
