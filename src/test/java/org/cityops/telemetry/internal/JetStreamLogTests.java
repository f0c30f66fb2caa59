package org.cityops.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.pipeline.AckTarget;
import org.cityops.telemetry.pipeline.LogPositionSink;
import org.cityops.telemetry.pipeline.PositionLog;
import org.cityops.telemetry.pipeline.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's side of the log mode against a real JetStream (127.0.0.1:4222; skipped where none runs). */
class JetStreamLogTests {

    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

    String stream;
    JetStreamPositionLog positionLog;
    Connection admin;

    @BeforeEach
    void log() throws Exception {
        assumeTrue(LogTestSupport.reachable(4222), "NATS JetStream is not running at 127.0.0.1:4222");
        stream = LogTestSupport.uniqueName("H_SCALE2_");
        positionLog = new JetStreamPositionLog(
                LogTestSupport.NATS, stream, stream.toLowerCase(), 16, 1, Duration.ofMinutes(2));
        admin = Nats.connect(LogTestSupport.NATS);
    }

    @AfterEach
    void deleteStream() throws Exception {
        if (positionLog != null) {
            positionLog.close();
        }
        if (admin != null) {
            try {
                admin.jetStreamManagement().deleteStream(stream);
            } catch (Exception e) {
                // already gone
            }
            admin.close();
        }
    }

    static Position at(String terminal, int second) {
        return new Position(terminal, T0.plusSeconds(second), 32.0, 118.8, 30, 90, 0, 0, null, null);
    }

    static final class Acks implements AckTarget {
        final List<Submission> acked = new CopyOnWriteArrayList<>();

        @Override
        public void acknowledge(List<Submission> durable) {
            acked.addAll(durable);
        }

        void await(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (acked.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
    }

    @Test
    void aMessageIsAcknowledgedOnceTheLogHasItAndAResendIsKeptOnce() throws Exception {
        LogPositionSink sink = new LogPositionSink(positionLog, 100_000);
        Acks acks = new Acks();

        sink.submit(new Submission(List.of(at("13900000001", 1)), acks, 1, 0x0200));
        sink.submit(new Submission(List.of(at("13900000001", 2), at("13900000001", 3)), acks, 2, 0x0704));
        sink.submit(new Submission(List.of(at("13900000001", 1)), acks, 1, 0x0200)); // the terminal resends
        acks.await(3);

        assertThat(acks.acked).hasSize(3);
        assertThat(admin.jetStreamManagement()
                        .getStreamInfo(stream)
                        .getStreamState()
                        .getMsgCount())
                .isEqualTo(2);
        assertThat(sink.duplicateCount()).isEqualTo(1);
        assertThat(acks.acked.stream().mapToInt(Submission::stored).sum()).isEqualTo(3);
        assertThat(sink.pending()).isZero();
        sink.stop(1000);
    }

    @Test
    void aLogThatRefusesGetsNoAcknowledgementUntilItAcceptsTheRetry() throws Exception {
        LogPositionSink sink = new LogPositionSink(positionLog, 100_000);
        Acks acks = new Acks();
        JetStreamManagement jsm = admin.jetStreamManagement();
        StreamConfiguration config = jsm.getStreamInfo(stream).getConfiguration();
        jsm.deleteStream(stream);

        sink.submit(new Submission(List.of(at("13900000002", 1)), acks, 9, 0x0200));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (sink.failureCount() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(sink.failureCount()).isGreaterThanOrEqualTo(2);
        assertThat(acks.acked).isEmpty();
        assertThat(sink.pending()).isEqualTo(1);

        jsm.addStream(StreamConfiguration.builder(config)
                .storageType(StorageType.File)
                .build());
        acks.await(1);

        assertThat(acks.acked).hasSize(1);
        assertThat(jsm.getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(1);
        sink.stop(1000);
    }

    @Test
    void anHttpBatchOfSeveralTerminalsGoesToEachTerminalsPartitionAndIsAcknowledgedOnceWhole() throws Exception {
        LogPositionSink sink = new LogPositionSink(positionLog, 100_000);
        Acks acks = new Acks();
        List<Position> batch = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            batch.add(at(String.valueOf(13900000100L + t), 1));
        }

        sink.submit(new Submission(batch, acks, 0, 0));
        acks.await(1);

        assertThat(acks.acked).hasSize(1);
        assertThat(acks.acked.get(0).stored()).isEqualTo(40);
        int read = 0;
        for (int p = 0; p < 16; p++) {
            try (PositionLog.PartitionReader r = positionLog.reader(p, 0)) {
                List<PositionLog.Entry> entries;
                while (!(entries = r.poll(100, 300)).isEmpty()) {
                    for (PositionLog.Entry e : entries) {
                        for (Position pos : e.positions()) {
                            assertThat(org.cityops.telemetry.pipeline.Partitions.of(pos.terminal(), 16))
                                    .isEqualTo(p);
                            read++;
                        }
                    }
                }
            }
        }
        assertThat(read).isEqualTo(40);
        sink.stop(1000);
    }
}
