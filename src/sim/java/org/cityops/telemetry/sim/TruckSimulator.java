package org.cityops.telemetry.sim;

// Size: one command-line tool (options, the fleet, its misbehaviours and the report of rates and latencies)

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.jt808.GeneralResponse;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.Jt808Message;
import org.cityops.telemetry.jt808.LocationBatch;
import org.cityops.telemetry.jt808.NettyTransport;
import org.cityops.telemetry.jt808.RegisterResponse;

/**
 * A command-line fleet of muck trucks (渣土车) speaking JT/T 808 over TCP: each registers, authenticates, then
 * drives a synthetic loop around Changzhou (常州, 31.78N 119.95E) and reports its position at a fixed rate. A
 * fraction misbehaves: garbage bytes, bad checksums, never authenticating, replaying blind-area batches, or
 * driving badly (speeding with alarm bits set). Prints sent/acknowledged rates and acknowledgement latency.
 *
 * <pre>
 * java -cp ... org.cityops.telemetry.sim.TruckSimulator --host 127.0.0.1 --port 7808 --trucks 100 --rate 1
 *      --duration 60 --misbehaving 0.05 --v2019 0.5 --first-phone 13800000000 --connect-rate 2000 --threads 2
 *      --transport auto|epoll|nio --loaded-share 0.5 [--failover-port 7809] [--emergency-every 10]
 *      [--ports 7808,7809]
 * </pre>
 *
 * <p>{@code --failover-port}: a truck whose connection the platform closes (its gateway node died) connects to
 * that port after about a second and authenticates with the code it registered with, as a real terminal does,
 * then drives on; {@code --emergency-every N}: well-behaved trucks set the emergency bit (紧急报警, bit 0) for N
 * reports, clear it for N, and so on, so each truck raises a known number of alarms.
 *
 * <p>{@code --scenario <name>} instead plays a scripted {@link Scenario} ({@code all-alarms}: demo trucks that raise
 * every alarm type); see {@link ScenarioCommand}.
 *
 * <p>Not part of the product: this source set ({@code src/sim/java}) is compiled with the tests and run by
 * {@code bench/telemetry/simulate.sh} (docs/telemetry.md).
 */
public final class TruckSimulator {

    enum Misbehaviour {
        NONE,
        GARBAGE,
        BAD_CHECKSUM,
        UNAUTHENTICATED,
        REPLAY,
        SPEEDER
    }

    static final double CENTER_LAT = 31.78;
    static final double CENTER_LON = 119.95;

    final String host;
    final int port;
    /** --ports a,b: truck i connects to the i-th modulo (several gateway nodes fed by one simulator process) */
    final int[] ports;

    final int trucks;
    final double rate;
    final int durationSeconds;
    final double misbehaving;
    final double v2019Share;
    final long firstPhone;
    final int connectRate;
    final int threads;
    final String plate;
    final boolean demoPlates;
    final Instant simulatedStart;
    final String transportName;
    /** of every 20 reports, how many say "loaded" (--loaded-share 0.5 → 10) */
    final int loadedOf20;

    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder refused = new LongAdder();
    final AtomicLong connected = new AtomicLong();
    final AtomicLong authenticated = new AtomicLong();
    final AtomicLong closed = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong registrationRefused = new AtomicLong();
    final AtomicLong disconnected = new AtomicLong();
    final AtomicLong reconnected = new AtomicLong();
    final int failoverPort;
    final int emergencyEvery;
    volatile EventLoopGroup group;
    volatile NettyTransport transport;
    /** well-behaved trucks; when the last of them is authenticated, the time since the first connect is kept */
    volatile long expectedAuthenticated = -1;

    volatile long firstConnectAt;
    volatile long allAuthenticatedAt;
    /** ack latency buckets: < 1, 2, 4, ... 2^15 ms */
    final LongAdder[] latency = new LongAdder[17];

    TruckSimulator(Map<String, String> a) {
        host = a.getOrDefault("host", "127.0.0.1");
        port = Integer.parseInt(a.getOrDefault("port", "7808"));
        ports = java.util.Arrays.stream(
                        a.getOrDefault("ports", Integer.toString(port)).split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        trucks = Integer.parseInt(a.getOrDefault("trucks", "100"));
        rate = Double.parseDouble(a.getOrDefault("rate", "1"));
        durationSeconds = Integer.parseInt(a.getOrDefault("duration", "60"));
        misbehaving = Double.parseDouble(a.getOrDefault("misbehaving", "0.05"));
        v2019Share = Double.parseDouble(a.getOrDefault("v2019", "0.5"));
        firstPhone = Long.parseLong(a.getOrDefault("first-phone", "13800000000"));
        connectRate = Integer.parseInt(a.getOrDefault("connect-rate", "2000"));
        threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        plate = a.getOrDefault("plate-prefix", "苏D");
        // --demo true: the demo city's registry (terminals 13951230001.. with plates 苏D·M3601..), so trucks are
        // accepted
        demoPlates = a.containsKey("demo");
        transportName = a.getOrDefault("transport", "auto");
        failoverPort = Integer.parseInt(a.getOrDefault("failover-port", "-1"));
        emergencyEvery = Integer.parseInt(a.getOrDefault("emergency-every", "0"));
        loadedOf20 = (int) Math.round(20
                * Math.max(0, Math.min(1, Double.parseDouble(a.getOrDefault("loaded-share", "0.5")))));
        simulatedStart = Instant.now()
                .minusSeconds((long) Math.ceil(durationSeconds * rate) + 60)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < latency.length; i++) {
            latency[i] = new LongAdder();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (a.containsKey("scenario")) {
            System.exit(ScenarioCommand.run(a.get("scenario"), a, System.out));
        }
        new TruckSimulator(a).run();
    }

    void run() throws InterruptedException {
        NettyTransport transport = NettyTransport.named(transportName);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, transport.ioHandler());
        this.group = group;
        this.transport = transport;
        List<Truck> fleet = new ArrayList<>(trucks);
        Random random = new Random(42);
        int bad = (int) Math.round(trucks * misbehaving);
        System.out.printf(
                "simulating %d trucks (%d misbehaving) at %.2f reports/s each against %s:%s for %d s (%s)%n",
                trucks,
                bad,
                rate,
                host,
                ports.length == 1
                        ? Integer.toString(ports[0])
                        : java.util.Arrays.toString(ports).replace(" ", ""),
                durationSeconds,
                transport.name());
        long start = System.nanoTime();
        firstConnectAt = start;
        expectedAuthenticated = trucks - bad;
        for (int i = 0; i < trucks; i++) {
            Misbehaviour m =
                    i < bad ? Misbehaviour.values()[1 + i % (Misbehaviour.values().length - 1)] : Misbehaviour.NONE;
            boolean v2019 = random.nextDouble() < v2019Share;
            Truck t = new Truck(this, Long.toString(firstPhone + i), v2019, m, new Random(i));
            fleet.add(t);
            t.client
                    .connect(group, transport.socketChannel(), host, ports[i % ports.length])
                    .addListener(f -> {
                        if (f.isSuccess()) {
                            connected.incrementAndGet();
                            t.start();
                        } else {
                            connectFailures.incrementAndGet();
                        }
                    });
            if (connectRate > 0 && i % Math.max(1, connectRate / 100) == 0) {
                Thread.sleep(10);
            }
        }
        long end = start + TimeUnit.SECONDS.toNanos(durationSeconds);
        long lastSent = 0;
        long lastAcked = 0;
        long lastTime = System.nanoTime();
        long steadyFrom = 0;
        long steadyAcked = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(5000);
            long now = System.nanoTime();
            long s = sent.sum();
            long k = acked.sum();
            double secs = (now - lastTime) / 1e9;
            System.out.printf(
                    "t=%4ds connections=%d authenticated=%d closed=%d sent/s=%.0f acked/s=%.0f in-flight=%d%n",
                    (now - start) / 1_000_000_000L,
                    connected.get() - closed.get(),
                    authenticated.get(),
                    closed.get(),
                    (s - lastSent) / secs,
                    (k - lastAcked) / secs,
                    s - k);
            if (steadyFrom == 0 && authenticated.get() >= (trucks - bad) * 0.99) {
                steadyFrom = now;
                steadyAcked = k;
            }
            lastSent = s;
            lastAcked = k;
            lastTime = now;
        }
        for (Truck t : fleet) {
            t.stop();
        }
        long finish = System.nanoTime();
        long totalAcked = acked.sum();
        System.out.printf(
                "TOTAL sent=%d acked=%d refused=%d registration-refused=%d connections-closed=%d "
                        + "connect-failures=%d disconnected=%d reconnected=%d%n",
                sent.sum(),
                totalAcked,
                refused.sum(),
                registrationRefused.get(),
                closed.get(),
                connectFailures.get(),
                disconnected.get(),
                reconnected.get());
        if (allAuthenticatedAt > 0) {
            System.out.printf(
                    "AUTHENTICATED all %d well-behaved trucks (0x0100 + 0x0102 each) %.1f s after the first "
                            + "connect%n",
                    expectedAuthenticated, (allAuthenticatedAt - firstConnectAt) / 1e9);
        }
        if (steadyFrom > 0 && finish > steadyFrom) {
            System.out.printf(
                    "STEADY acked/s=%.0f over %.0f s (after all well-behaved trucks authenticated)%n",
                    (totalAcked - steadyAcked) / ((finish - steadyFrom) / 1e9), (finish - steadyFrom) / 1e9);
        }
        System.out.printf(
                "ACK-LATENCY p50<=%dms p99<=%dms p99.9<=%dms%n", percentile(0.5), percentile(0.99), percentile(0.999));
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    long percentile(double q) {
        long total = 0;
        for (LongAdder b : latency) {
            total += b.sum();
        }
        long seen = 0;
        for (int i = 0; i < latency.length; i++) {
            seen += latency[i].sum();
            if (total > 0 && seen >= q * total) {
                return 1L << i;
            }
        }
        return -1;
    }

    void recordLatency(long nanos) {
        long ms = Math.max(1, nanos / 1_000_000);
        int bucket = Math.min(latency.length - 1, 64 - Long.numberOfLeadingZeros(ms - 1));
        latency[bucket].increment();
    }

    /** The plate a simulated terminal registers with. */
    String plateFor(String phone) {
        if (demoPlates) {
            long n = Long.parseLong(phone) - 13951230000L;
            return "苏D·M" + (3600 + n);
        }
        return plate + phone.substring(Math.max(0, phone.length() - 5));
    }

    /** One truck on its connection's event loop. */
    static final class Truck implements TerminalClient.Listener {

        final TruckSimulator sim;
        final TerminalClient client;
        final LocationFrames frames;
        final String phone;
        final Misbehaviour misbehaviour;
        final Random random;
        final long[] sentAt = new long[1024]; // by serial & 1023: at most 1024 reports in flight
        final List<Position> recent = new ArrayList<>();
        double lat;
        double lon;
        double heading;
        double speedKmh;
        double mileageKm;
        long lastMove;
        int reports;
        ScheduledFuture<?> driving;
        /** the code this truck registered with: it authenticates with it again after a reconnect */
        volatile String authCode;

        volatile boolean stopping;
        volatile boolean reconnecting;
        int reconnectTries;

        Truck(TruckSimulator sim, String phone, boolean v2019, Misbehaviour m, Random random) {
            this.sim = sim;
            this.client = new TerminalClient(phone, v2019, this);
            this.frames = new LocationFrames(v2019, client.phoneDigits());
            this.phone = phone;
            this.misbehaviour = m;
            this.random = random;
            double r = 0.02 + random.nextDouble() * 0.12; // start 2..15 km from the centre
            double a = random.nextDouble() * 2 * Math.PI;
            lat = CENTER_LAT + r * Math.sin(a);
            lon = CENTER_LON + r * Math.cos(a) / Math.cos(Math.toRadians(CENTER_LAT));
            heading = random.nextDouble() * 360;
            speedKmh = m == Misbehaviour.SPEEDER ? 85 : 25 + random.nextDouble() * 25;
            mileageKm = 10_000 + random.nextInt(50_000);
        }

        void start() {
            if (misbehaviour == Misbehaviour.UNAUTHENTICATED) {
                startDriving();
                return;
            }
            client.register(sim.plateFor(phone));
        }

        @Override
        public void onMessage(TerminalClient c, Jt808Message m) {
            if (m.id() == Jt808.REGISTER_RESPONSE) {
                RegisterResponse r = RegisterResponse.decode(m.body());
                if (r.result() == Jt808.REGISTERED) {
                    authCode = r.authCode();
                    client.authenticate(r.authCode());
                } else {
                    sim.registrationRefused.incrementAndGet();
                    client.close();
                }
            } else if (m.id() == Jt808.PLATFORM_RESPONSE) {
                GeneralResponse r = GeneralResponse.decode(m.body());
                if (r.replyId() == Jt808.AUTHENTICATE) {
                    if (r.result() == Jt808.OK) {
                        if (reconnecting) {
                            reconnecting = false;
                            sim.reconnected.incrementAndGet();
                        } else if (sim.authenticated.incrementAndGet() == sim.expectedAuthenticated) {
                            sim.allAuthenticatedAt = System.nanoTime();
                        }
                        startDriving();
                    } else {
                        client.close();
                    }
                } else if (r.replyId() == Jt808.LOCATION || r.replyId() == Jt808.LOCATION_BATCH) {
                    if (r.result() == Jt808.OK) {
                        if (r.replyId() == Jt808.LOCATION) {
                            sim.acked.increment();
                            sim.recordLatency(System.nanoTime() - sentAt[r.replySerial() & 1023]);
                        }
                    } else {
                        sim.refused.increment();
                    }
                }
            }
        }

        @Override
        public void onClose(TerminalClient c) {
            if (driving != null) {
                driving.cancel(false);
            }
            if (stopping || sim.failoverPort <= 0 || authCode == null) {
                if (!reconnecting) {
                    sim.closed.incrementAndGet();
                }
                return;
            }
            if (!reconnecting) {
                reconnecting = true;
                reconnectTries = 0;
                sim.disconnected.incrementAndGet();
            }
            reconnectLater();
        }

        /** To the failover gateway in about a second (again every second while it refuses, up to a minute). */
        void reconnectLater() {
            if (stopping || ++reconnectTries > 60) {
                sim.closed.incrementAndGet();
                return;
            }
            sim.group.schedule(
                    () -> client.connect(sim.group, sim.transport.socketChannel(), sim.host, sim.failoverPort)
                            .addListener(f -> {
                                if (f.isSuccess()) {
                                    client.authenticate(authCode);
                                } else {
                                    reconnectLater();
                                }
                            }),
                    1000 + random.nextInt(500),
                    TimeUnit.MILLISECONDS);
        }

        void startDriving() {
            lastMove = System.nanoTime();
            long period = (long) (1_000_000_000L / sim.rate);
            driving = client.channel()
                    .eventLoop()
                    .scheduleAtFixedRate(
                            this::report, (long) (random.nextDouble() * period), period, TimeUnit.NANOSECONDS);
        }

        void report() {
            if (!client.isOpen()) {
                return;
            }
            move();
            long alarm = 0;
            // ACC on, fixed; loaded (bits 8-9) for --loaded-share of every 20 reports
            long status = 0x3 | (reports % 20 < sim.loadedOf20 ? 3 << 8 : 0);
            if (misbehaviour == Misbehaviour.SPEEDER) {
                alarm = 1 << 1 | (reports % 10 == 0 ? 1 << 23 : 0); // overspeed, now and then route deviation
            } else if (sim.emergencyEvery > 0 && (reports / sim.emergencyEvery) % 2 == 1) {
                alarm = 1; // 紧急报警 on for emergencyEvery reports, off for as many
            }
            if (misbehaviour == Misbehaviour.NONE || misbehaviour == Misbehaviour.SPEEDER) {
                int serial = client.nextSerial();
                client.sendFrame(frames.frame(
                        client.channel().alloc(),
                        serial,
                        alarm,
                        status,
                        lat,
                        lon,
                        10,
                        speedKmh,
                        (int) heading % 360,
                        reportTime(),
                        mileageKm));
                reports++;
                sentAt[serial & 1023] = System.nanoTime();
                sim.sent.increment();
                return;
            }
            Position p = new Position(
                    phone,
                    reportTime(),
                    Math.round(lat * 1e6) / 1e6,
                    Math.round(lon * 1e6) / 1e6,
                    speedKmh,
                    (int) heading % 360,
                    alarm,
                    status,
                    Math.round(mileageKm * 10) / 10.0,
                    10);
            reports++;
            switch (misbehaviour) {
                case GARBAGE -> {
                    if (reports % 10 == 0) {
                        byte[] junk = new byte[1 + random.nextInt(40)];
                        random.nextBytes(junk);
                        client.sendRaw(junk);
                    }
                }
                case BAD_CHECKSUM -> {
                    if (reports % 5 == 0) {
                        byte[] frame = client.frame(
                                Jt808.LOCATION,
                                org.cityops.telemetry.jt808.LocationReport.of(p).encode());
                        frame[frame.length - 2] ^= 0x5a;
                        if (frame[frame.length - 2] == 0x7e || frame[frame.length - 2] == 0x7d) {
                            frame[frame.length - 2] = 0x11;
                        }
                        client.sendRaw(frame);
                        return;
                    }
                }
                case REPLAY -> {
                    if (recent.size() >= 5 && reports % 10 == 0) {
                        client.batch(LocationBatch.BLIND_AREA, new ArrayList<>(recent));
                    }
                }
                default -> {}
            }
            int serial = client.location(p, true);
            sentAt[serial & 1023] = System.nanoTime();
            sim.sent.increment();
            if (misbehaviour == Misbehaviour.REPLAY) {
                recent.add(p);
                if (recent.size() > 5) {
                    recent.remove(0);
                }
            }
        }

        /**
         * JT/T 808 times have whole seconds. Up to one report a second a truck reports the time now; faster, it
         * reports from a clock that starts in the past and advances a second per report, so that every report
         * is a distinct (terminal, time) and none is taken for a replay.
         */
        Instant reportTime() {
            if (sim.rate <= 1) {
                return Instant.now();
            }
            return sim.simulatedStart.plusSeconds(reports);
        }

        void move() {
            long now = System.nanoTime();
            double hours = (now - lastMove) / 3.6e12;
            lastMove = now;
            double km = speedKmh * hours;
            mileageKm += km;
            if (random.nextDouble() < 0.05) {
                heading = (heading + (random.nextBoolean() ? 90 : 270)) % 360; // turn at a crossing
            }
            // stay within ~20 km of the centre: turn back towards it
            double dLat = lat - CENTER_LAT;
            double dLon = (lon - CENTER_LON) * Math.cos(Math.toRadians(CENTER_LAT));
            if (Math.hypot(dLat, dLon) > 0.18) {
                heading = (Math.toDegrees(Math.atan2(-dLon, -dLat)) + 360) % 360;
            }
            lat += km / 111.0 * Math.cos(Math.toRadians(heading));
            lon += km / (111.0 * Math.cos(Math.toRadians(lat))) * Math.sin(Math.toRadians(heading));
        }

        void stop() {
            stopping = true;
            client.channel().eventLoop().execute(() -> {
                if (driving != null) {
                    driving.cancel(false);
                }
                client.close();
            });
        }
    }
}
