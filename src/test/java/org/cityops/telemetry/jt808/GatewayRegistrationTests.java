package org.cityops.telemetry.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
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
 * 0x0100 registration over TCP (JT/T 808 8.4/8.5): a code is handed out once; refusals carry the standard's
 * result and no code, are counted, and a connection may not keep guessing. Terminals 139… are fitted to the
 * vehicle 苏D + their last five digits (yellow plate).
 */
class GatewayRegistrationTests {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String KNOWN = "13900000001";
    static final String PLATE = "苏D00001";

    private final CountingFaults faults = new CountingFaults();
    private final TerminalDirectory directory = new TerminalDirectory() {
        @Override
        public Optional<KnownTerminal> find(String terminal) {
            return terminal.startsWith("139")
                    ? Optional.of(new KnownTerminal(terminal, "苏D" + terminal.substring(6), 2))
                    : Optional.empty();
        }

        @Override
        public Optional<KnownTerminal> findByPlate(String plate, int color) {
            String key = TerminalRegistrar.plateKey(plate);
            return key.startsWith("苏D") && key.length() == 7 && color == 2
                    ? Optional.of(new KnownTerminal("139000" + key.substring(2), plate, 2))
                    : Optional.empty();
        }
    };
    private final TerminalRegistrar registrar = new TerminalRegistrar(() -> directory, new InMemoryAuthCodes(), false);
    private PositionWriter writer;
    private Jt808Server server;
    private EventLoopGroup clients;

    @BeforeEach
    void start() {
        startWith(GatewaySettings.defaults(0));
        clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    private void startWith(GatewaySettings settings) {
        writer = new PositionWriter(new MemoryTrackStore(), List::of, 100_000, 5000);
        writer.start();
        server = new Jt808Server(settings, registrar, writer, faults, Clock.systemUTC(), Duration.ofDays(180));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        writer.stop();
        clients.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private BlockingTerminal terminal(String phone) {
        return new BlockingTerminal(clients, "127.0.0.1", server.port(), phone, false);
    }

    private String registerNew(String phone, String plate) {
        try (BlockingTerminal t = terminal(phone)) {
            var r = t.awaitRegistration(t.client().register(plate), WAIT);
            assertThat(r.result()).isEqualTo(Jt808.REGISTERED);
            return r.authCode();
        }
    }

    @Test
    void aTerminalAlreadyRegisteredIsRefusedWithResult3AndNoCodeOnTheWire() throws Exception {
        String code = registerNew(KNOWN, PLATE);
        assertThat(code).hasSize(16);

        byte[] register = new RegisterRequest(32, 400, "CZSIM", "SIM-808", "T000001", 2, PLATE).encode(false);
        byte[] request = Jt808Codec.encode(false, 1, "013900000001", Jt808.REGISTER, 7, register);
        // 0x8100 to 013900000001, platform serial 0, body: reply serial 0x0007, result 3 — nothing after it
        byte[] expected = Jt808Codec.escape(withChecksum(Hex.bytes("8100 0003 013900000001 0000 0007 03")));
        assertThat(Hex.hex(exchange(request))).isEqualTo(Hex.hex(expected));
        assertThat(faults.get(Fault.TERMINAL_ALREADY_REGISTERED)).isEqualTo(1);

        try (BlockingTerminal t = terminal(KNOWN)) {
            // the terminal that kept its code still authenticates
            assertThat(t.awaitResponse(t.client().authenticate(code), WAIT).result())
                    .isEqualTo(Jt808.OK);
        }
    }

    @Test
    void aBlankPlateIsRefusedWithResult2() {
        try (BlockingTerminal t = terminal(KNOWN)) {
            var r = t.awaitRegistration(t.client().register(""), WAIT);
            assertThat(r.result()).isEqualTo(Jt808.VEHICLE_NOT_IN_DB);
            assertThat(r.authCode()).isNull();
        }
        assertThat(faults.get(Fault.UNKNOWN_VEHICLE)).isEqualTo(1);
    }

    @Test
    void theRegisteredPlateWrittenWithoutItsDotOrInLowerCaseIsTheSameVehicle() {
        assertThat(registerNew("13900000003", "苏d·00003")).isNotNull();
    }

    @Test
    void thePlateOfAVehicleFittedWithAnotherTerminalIsRefusedWithResult1() {
        try (BlockingTerminal t = terminal(KNOWN)) {
            var r = t.awaitRegistration(t.client().register("苏D00002"), WAIT); // 13900000002's truck
            assertThat(r.result()).isEqualTo(Jt808.VEHICLE_ALREADY_REGISTERED);
            assertThat(r.authCode()).isNull();
        }
        assertThat(faults.get(Fault.VEHICLE_ALREADY_REGISTERED)).isEqualTo(1);
    }

    @Test
    void anUnknownTerminalIsRefusedWithResult4AndAnUnknownPlateWithResult2() {
        try (BlockingTerminal t = terminal("13700000009")) {
            assertThat(t.awaitRegistration(t.client().register("苏D99999"), WAIT).result())
                    .isEqualTo(Jt808.TERMINAL_NOT_IN_DB);
        }
        try (BlockingTerminal t = terminal(KNOWN)) {
            assertThat(t.awaitRegistration(t.client().register("苏A123"), WAIT).result())
                    .isEqualTo(Jt808.VEHICLE_NOT_IN_DB);
        }
        assertThat(faults.get(Fault.UNKNOWN_TERMINAL)).isEqualTo(1);
        assertThat(faults.get(Fault.UNKNOWN_VEHICLE)).isEqualTo(1);
    }

    @Test
    void aReleasedTerminalMayRegisterOnceMoreAndItsOldCodeNoLongerWorks() {
        String old = registerNew(KNOWN, PLATE);
        try (BlockingTerminal t = terminal(KNOWN)) {
            assertThat(t.awaitResponse(t.client().authenticate(old), WAIT).result())
                    .isEqualTo(Jt808.OK);
            assertThat(registrar.release(KNOWN)).isTrue();
            server.disconnect(KNOWN);
            Awaitility.await().atMost(WAIT).until(() -> !t.client().isOpen());
        }
        String fresh = registerNew(KNOWN, PLATE);
        assertThat(fresh).isNotEqualTo(old);
        try (BlockingTerminal t = terminal(KNOWN)) {
            assertThat(t.awaitResponse(t.client().authenticate(old), WAIT).result())
                    .isEqualTo(Jt808.FAILED);
            assertThat(t.awaitRegistration(t.client().register(PLATE), WAIT).result())
                    .isEqualTo(Jt808.TERMINAL_ALREADY_REGISTERED);
        }
        assertThat(registrar.release("13900000099")).isFalse();
    }

    @Test
    void aConnectionMayRegisterThreeTimesAndTheFourthClosesIt() {
        try (BlockingTerminal t = terminal(KNOWN)) {
            for (int i = 0; i < 3; i++) {
                assertThat(t.awaitRegistration(t.client().register("苏A0000" + i), WAIT)
                                .result())
                        .isEqualTo(Jt808.VEHICLE_NOT_IN_DB);
            }
            t.client().register(PLATE);
            Awaitility.await().atMost(WAIT).until(t::closedByPlatform);
        }
        assertThat(faults.get(Fault.TOO_MANY_REGISTRATIONS)).isEqualTo(1);
        assertThat(faults.get(Fault.UNKNOWN_VEHICLE)).isEqualTo(3);
        assertThat(registrar.authenticate(KNOWN, "x")).isFalse(); // the fourth was not served: no code exists
    }

    @Test
    void oneSourceAddressMayHoldOnlyItsShareOfConnections() {
        server.stop();
        writer.stop();
        startWith(GatewaySettings.defaults(0).withConnectionCaps(100, 2));
        try (BlockingTerminal a = terminal("13900000011");
                BlockingTerminal b = terminal("13900000012")) {
            Awaitility.await().atMost(WAIT).until(() -> server.connectionCount() == 2);
            try (BlockingTerminal c = terminal("13900000013")) {
                Awaitility.await().atMost(WAIT).until(c::closedByPlatform);
            }
            assertThat(faults.get(Fault.ADDRESS_LIMIT)).isEqualTo(1);
            assertThat(a.awaitRegistration(a.client().register("苏D00011"), WAIT).result())
                    .isEqualTo(Jt808.REGISTERED);
        }
        Awaitility.await().atMost(WAIT).until(() -> server.connectionCount() == 0);
        try (BlockingTerminal d = terminal("13900000014")) {
            assertThat(d.awaitRegistration(d.client().register("苏D00014"), WAIT).result())
                    .isEqualTo(Jt808.REGISTERED);
        }
    }

    private static byte[] withChecksum(byte[] raw) {
        byte[] out = java.util.Arrays.copyOf(raw, raw.length + 1);
        out[raw.length] = Jt808Codec.checksum(raw, 0, raw.length);
        return out;
    }

    /** Sends one frame on a plain socket and reads one frame back (flag to flag). */
    private byte[] exchange(byte[] frame) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(frame);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            int flags = 0;
            while (flags < 2) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                reply.write(b);
                if (b == 0x7e) {
                    flags++;
                }
            }
            return reply.toByteArray();
        }
    }
}
