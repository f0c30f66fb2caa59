package org.cityops.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.PositionObserver;
import org.cityops.telemetry.pipeline.PartitionedTrackWriter;
import org.cityops.telemetry.pipeline.Partitions;
import org.cityops.telemetry.pipeline.PositionLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consumer side of the log mode: nodes share the partitions through PostgreSQL advisory locks and store
 * each logged position exactly once, also when a node loses its partitions in the middle of the stream. Real
 * JetStream (127.0.0.1:4222) and a PostgreSQL database of the test's own; skipped where they do not run.
 */
class PartitionTakeoverTests {

    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(7200);
    static final int TERMINALS = 48;

    String stream;
    String database;
    HikariDataSource dataSource;
    JetStreamPositionLog positionLog;
    final List<PartitionedTrackWriter> nodes = new ArrayList<>();

    @BeforeEach
    void infrastructure() throws Exception {
        assumeTrue(LogTestSupport.reachable(4222), "NATS JetStream is not running at 127.0.0.1:4222");
        assumeTrue(LogTestSupport.reachable(5432), "PostgreSQL is not running at 127.0.0.1:5432");
        stream = LogTestSupport.uniqueName("H_SCALE2_");
        database = stream.toLowerCase();
        String url = LogTestSupport.createDatabase(database);
        dataSource = LogTestSupport.dataSource(url);
        positionLog = new JetStreamPositionLog(
                LogTestSupport.NATS, stream, stream.toLowerCase(), 16, 1, Duration.ofMinutes(2));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (PartitionedTrackWriter n : nodes) {
            n.stop();
        }
        if (positionLog != null) {
            positionLog.close();
            try (Connection admin = Nats.connect(LogTestSupport.NATS)) {
                admin.jetStreamManagement().deleteStream(stream);
            }
        }
        if (dataSource != null) {
            dataSource.close();
            LogTestSupport.dropDatabase(database);
        }
    }

    /** Counts what the observers of all nodes were handed, per (terminal, time). */
    static final class Seen implements PositionObserver {
        final ConcurrentHashMap<String, AtomicInteger> times = new ConcurrentHashMap<>();
        final List<Predicate<String>> taken = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onPositions(List<Position> batch) {
            for (Position p : batch) {
                times.computeIfAbsent(p.terminal() + "@" + p.time(), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        }

        @Override
        public void onTerminalsTaken(Predicate<String> terminals) {
            taken.add(terminals);
        }
    }

    PartitionedTrackWriter node(PgAdvisoryLeases leases, Seen seen) {
        JdbcTrackStore store = new JdbcTrackStore(dataSource, Clock.systemUTC(), Duration.ofSeconds(1));
        PartitionedTrackWriter writer =
                new PartitionedTrackWriter(positionLog, stream, leases, store, () -> List.of(seen), 500, 200);
        nodes.add(writer);
        return writer;
    }

    PgAdvisoryLeases leases(String url) {
        return new PgAdvisoryLeases(() -> LogTestSupport.connect(url), stream, 16);
    }

    /** Publishes {@code perTerminal} reports of each terminal, one log entry each; waits for every PubAck. */
    void publish(int fromSecond, int perTerminal) throws InterruptedException {
        CountDownLatch acked = new CountDownLatch(TERMINALS * perTerminal);
        for (int s = fromSecond; s < fromSecond + perTerminal; s++) {
            for (int t = 0; t < TERMINALS; t++) {
                String terminal = String.valueOf(13900001000L + t);
                Position p = new Position(terminal, T0.plusSeconds(s), 32, 118.8, 20, 0, 0, 0, null, null);
                positionLog.append(terminal + "-" + s, List.of(p), outcome -> {
                    assertThat(outcome.durable()).isTrue();
                    acked.countDown();
                });
            }
        }
        assertThat(acked.await(60, TimeUnit.SECONDS)).isTrue();
    }

    long rows() {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM telemetry_position")
                .query(Long.class)
                .single();
    }

    long distinctRows() {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM (SELECT DISTINCT terminal, reported_at FROM telemetry_position) d")
                .query(Long.class)
                .single();
    }

    void awaitRows(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (rows() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @Test
    void everyLoggedPositionIsStoredOnceWithItsPartitionsOffsetAndHandedToTheObserversOnce() throws Exception {
        String url = dataSource.getJdbcUrl();
        Seen seen = new Seen();
        publish(0, 20);

        PartitionedTrackWriter a = node(leases(url), seen);
        a.start();
        awaitRows(TERMINALS * 20L);

        assertThat(rows()).isEqualTo(TERMINALS * 20L);
        assertThat(a.owned()).hasSize(16);
        assertThat(seen.times).hasSize(TERMINALS * 20);
        assertThat(seen.times.values()).allMatch(n -> n.get() == 1);
        long offsets = JdbcClient.create(dataSource)
                .sql("SELECT sum(last_seq) FROM tel_partition_offset WHERE stream = :s")
                .param("s", stream)
                .query(Long.class)
                .single();
        assertThat(offsets).isPositive();
        long lastSequences = 0;
        for (int p = 0; p < 16; p++) {
            try (PositionLog.PartitionReader r = positionLog.reader(p, 0)) {
                long last = 0;
                List<PositionLog.Entry> entries;
                while (!(entries = r.poll(1000, 300)).isEmpty()) {
                    last = entries.get(entries.size() - 1).sequence();
                }
                lastSequences += last;
            }
        }
        assertThat(offsets).isEqualTo(lastSequences);
    }

    @Test
    void aNodeThatLosesItsPartitionsMidStreamLeavesEveryPositionStoredExactlyOnceByTheSurvivor() throws Exception {
        String url = dataSource.getJdbcUrl();
        Seen seen = new Seen();
        PgAdvisoryLeases leasesA = leases(url);
        PartitionedTrackWriter a = node(leasesA, seen);
        PartitionedTrackWriter b = node(leases(url), seen);
        a.start();
        publish(0, 10);
        awaitRows(TERMINALS * 5L);
        b.start();

        Thread publisher = new Thread(() -> {
            try {
                publish(10, 30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        publisher.start();
        Thread.sleep(300);
        leasesA.close(); // what a killed node's connection does: PostgreSQL frees A's partitions at once
        publisher.join();
        awaitRows(TERMINALS * 40L);
        Thread.sleep(500); // anything stored twice would show up now

        assertThat(rows()).isEqualTo(TERMINALS * 40L);
        assertThat(distinctRows()).isEqualTo(TERMINALS * 40L);
        assertThat(seen.times).hasSize(TERMINALS * 40);
        assertThat(seen.times.values()).allMatch(n -> n.get() == 1);
        assertThat(a.counters().stored() + b.counters().stored()).isEqualTo(TERMINALS * 40L);
        assertThat(b.takeoverCount()).isPositive();
        assertThat(seen.taken).isNotEmpty();
    }

    @Test
    void twoNodesShareTheSixteenPartitionsWithoutOverlap() throws Exception {
        String url = dataSource.getJdbcUrl();
        Seen seen = new Seen();
        PgAdvisoryLeases leasesA = leases(url);
        PgAdvisoryLeases leasesB = leases(url);
        PartitionedTrackWriter a = node(leasesA, seen);
        PartitionedTrackWriter b = node(leasesB, seen);
        leasesA.renew();
        leasesB.renew(); // both nodes alive before either takes
        a.start();
        b.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((a.owned().size() + b.owned().size() != 16 || a.owned().size() != 8) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(a.owned()).hasSize(8).doesNotContainAnyElementsOf(b.owned());
        assertThat(b.owned()).hasSize(8);
        String terminal = "13900001000";
        int p = Partitions.of(terminal, 16);
        assertThat(a.owned().contains(p) || b.owned().contains(p)).isTrue();
    }
}
