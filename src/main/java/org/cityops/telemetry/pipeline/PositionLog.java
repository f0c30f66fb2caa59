package org.cityops.telemetry.pipeline;

import java.util.List;
import java.util.function.Consumer;
import org.cityops.telemetry.Position;

/**
 * A durable, partitioned log of positions between the gateways and the track writers (NATS JetStream here;
 * Kafka would be another implementation: docs/scale-out-telemetry.md). A terminal's positions always go to the
 * same partition ({@link Partitions#of}), so one partition's order is the terminal's order of arrival.
 */
public interface PositionLog extends AutoCloseable {

    int partitions();

    /**
     * Appends one message's positions. {@code id} identifies the message for the log's de-duplication (a
     * terminal's resend within the window is stored once). {@code done} is called exactly once, on the log
     * client's thread: with null when the log has made the positions durable, with the cause otherwise.
     */
    void append(String id, List<Position> positions, Consumer<Appended> done);

    /** Reads one partition from the entry after {@code afterSequence} (0 = from the start). */
    PartitionReader reader(int partition, long afterSequence);

    @Override
    void close();

    /** The outcome of an append: {@code failure} null when durable; {@code duplicate} when the log had it already. */
    record Appended(Throwable failure, boolean duplicate) {

        public boolean durable() {
            return failure == null;
        }
    }

    /** One entry of a partition: its sequence in the log and the positions of one terminal message. */
    record Entry(int partition, long sequence, List<Position> positions) {}

    /** A reader of one partition, in order. Not thread-safe: one writer thread reads. */
    interface PartitionReader extends AutoCloseable {

        /** Up to {@code max} entries that are buffered now (waits at most about {@code waitMillis} for the first). */
        List<Entry> poll(int max, long waitMillis);

        @Override
        void close();
    }
}
