package org.cityops.telemetry.internal;

import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.pipeline.Partitions;
import org.cityops.telemetry.pipeline.PositionCodec;
import org.cityops.telemetry.pipeline.PositionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The position log on NATS JetStream (official client {@code io.nats:jnats}). One stream, subjects
 * {@code <prefix>.pos.<partition>}, file storage, {@code replicas} copies; an append is an async publish with
 * {@code Nats-Msg-Id} (de-duplicated within the stream's window) whose PubAck completes it. A partition is read
 * with an ordered consumer (client-side, no server state to clean up) filtered to its subject, starting after
 * the sequence stored with the track.
 */
public final class JetStreamPositionLog implements PositionLog {

    private static final Logger log = LoggerFactory.getLogger(JetStreamPositionLog.class);
    /** JetStream's API error code for "stream not found" */
    private static final int STREAM_NOT_FOUND = 10059;
    /** the outgoing queue when the caller does not size it: above the gateway's default high-water mark */
    static final int DEFAULT_OUTGOING = 120_000;

    private final Connection connection;
    private final JetStream jetStream;
    private final String stream;
    private final String prefix;
    private final int partitions;

    public JetStreamPositionLog(
            String url, String stream, String prefix, int partitions, int replicas, Duration duplicateWindow) {
        this(url, stream, prefix, partitions, replicas, duplicateWindow, Retention.KEEP_ALL);
    }

    /**
     * How long the stream keeps entries: {@code maxAge} and {@code maxBytes} (the oldest go first; zero or less
     * = no limit). The consumers need only what lies after the stored offsets, so the limits must cover the
     * longest database outage to ride out (docs/scale-out-telemetry.md).
     */
    public record Retention(Duration maxAge, long maxBytes) {

        public static final Retention KEEP_ALL = new Retention(Duration.ZERO, -1);
    }

    public JetStreamPositionLog(
            String url,
            String stream,
            String prefix,
            int partitions,
            int replicas,
            Duration duplicateWindow,
            Retention retention) {
        this(url, stream, prefix, partitions, replicas, duplicateWindow, retention, DEFAULT_OUTGOING);
    }

    /**
     * {@code outgoing}: how many appends may wait in the client's outgoing queue. The client blocks the
     * publishing thread (the gateway's event loop, which also writes the terminals' acknowledgements) when that
     * queue is full, so it must hold more than the gateway's own high-water mark lets through: back-pressure is
     * the sink's, never a stalled event loop.
     */
    public JetStreamPositionLog(
            String url,
            String stream,
            String prefix,
            int partitions,
            int replicas,
            Duration duplicateWindow,
            Retention retention,
            int outgoing) {
        this.stream = stream;
        this.prefix = prefix;
        this.partitions = partitions;
        try {
            this.connection = Nats.connect(Options.builder()
                    .server(url)
                    .connectionName("cityops-telemetry")
                    .maxReconnects(-1)
                    // the client's default flushes the socket after every publish that waits for a reply (one
                    // write per position message); its writer thread sends what has queued in one write instead
                    .dontForceFlushOnRequest()
                    .maxMessagesInOutgoingQueue(outgoing)
                    .build());
            this.jetStream = connection.jetStream();
            ensureStream(replicas, duplicateWindow, retention);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot reach the position log at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted connecting to " + url, e);
        }
    }

    private void ensureStream(int replicas, Duration duplicateWindow, Retention retention)
            throws IOException, JetStreamApiException {
        JetStreamManagement jsm = connection.jetStreamManagement();
        Duration maxAge = retention.maxAge().isNegative() ? Duration.ZERO : retention.maxAge();
        long maxBytes = retention.maxBytes() <= 0 ? -1 : retention.maxBytes();
        StreamConfiguration existing;
        try {
            existing = jsm.getStreamInfo(stream).getConfiguration();
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            jsm.addStream(StreamConfiguration.builder()
                    .name(stream)
                    .subjects(prefix + ".pos.*")
                    .storageType(StorageType.File)
                    .replicas(replicas)
                    .duplicateWindow(duplicateWindow)
                    .maxAge(maxAge)
                    .maxBytes(maxBytes)
                    .build());
            log.info(
                    "created JetStream stream {} ({}.pos.*, {} partitions, {} replicas, max age {}, max bytes {})",
                    stream,
                    prefix,
                    partitions,
                    replicas,
                    maxAge.isZero() ? "unlimited" : maxAge,
                    maxBytes < 0 ? "unlimited" : maxBytes);
            return;
        }
        if (!existing.getMaxAge().equals(maxAge) || existing.getMaxBytes() != maxBytes) {
            jsm.updateStream(StreamConfiguration.builder(existing)
                    .maxAge(maxAge)
                    .maxBytes(maxBytes)
                    .build());
            log.info("JetStream stream {}: retention set to max age {}, max bytes {}", stream, maxAge, maxBytes);
        }
    }

    public String subject(int partition) {
        return prefix + ".pos." + partition;
    }

    @Override
    public int partitions() {
        return partitions;
    }

    @Override
    public void append(String id, List<Position> positions, Consumer<Appended> done) {
        String subject = subject(Partitions.of(positions.get(0).terminal(), partitions));
        try {
            jetStream
                    .publishAsync(
                            subject,
                            PositionCodec.encode(positions),
                            PublishOptions.builder()
                                    .messageId(id)
                                    .expectedStream(stream)
                                    .build())
                    .whenComplete((ack, error) -> done.accept(
                            error != null
                                    ? new Appended(unwrap(error), false)
                                    : new Appended(null, ack.isDuplicate())));
        } catch (RuntimeException e) {
            done.accept(new Appended(e, false));
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    @Override
    public PartitionReader reader(int partition, long afterSequence) {
        try {
            OrderedConsumerConfiguration config = new OrderedConsumerConfiguration().filterSubject(subject(partition));
            if (afterSequence > 0) {
                config.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(afterSequence + 1);
            } else {
                config.deliverPolicy(DeliverPolicy.All);
            }
            IterableConsumer consumer = connection
                    .getStreamContext(stream)
                    .createOrderedConsumer(config)
                    .iterate();
            return new Reader(partition, consumer);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot read partition " + partition + " of " + stream, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            log.debug("flushing the NATS connection at close: {}", e.toString());
        }
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Reader implements PartitionReader {

        private final int partition;
        private final IterableConsumer consumer;

        Reader(int partition, IterableConsumer consumer) {
            this.partition = partition;
            this.consumer = consumer;
        }

        @Override
        public List<Entry> poll(int max, long waitMillis) {
            List<Entry> out = new ArrayList<>();
            try {
                Message m = consumer.nextMessage(Math.max(1, waitMillis));
                while (m != null) {
                    out.add(new Entry(partition, m.metaData().streamSequence(), PositionCodec.decode(m.getData())));
                    if (out.size() >= max) {
                        break;
                    }
                    m = consumer.nextMessage(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (io.nats.client.JetStreamStatusCheckedException e) {
                throw new IllegalStateException("reading partition " + partition + ": " + e.getMessage(), e);
            }
            return out;
        }

        @Override
        public void close() {
            try {
                consumer.close();
            } catch (Exception e) {
                log.debug("closing the reader of partition {}: {}", partition, e.toString());
            }
        }
    }
}
