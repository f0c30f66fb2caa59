package org.cityops.telemetry.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.cityops.audit.AuditTrail;
import org.cityops.platform.ClusterChanges;
import org.cityops.telemetry.PositionObserver;
import org.cityops.telemetry.TerminalDirectory;
import org.cityops.telemetry.jt808.GatewaySettings;
import org.cityops.telemetry.pipeline.LogPositionSink;
import org.cityops.telemetry.pipeline.PartitionLeases;
import org.cityops.telemetry.pipeline.PartitionedTrackWriter;
import org.cityops.telemetry.pipeline.TerminalRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Wires the gateway. Settings ({@code cityops.telemetry.*}, defaults in code): jt808.port 7808, jt808.enabled,
 * jt808.allow-unknown (false; the demo profile may set it), jt808.idle-seconds 180, jt808.auth-timeout-seconds
 * 30, jt808.max-connections 20000, jt808.max-connections-per-address 200,
 * jt808.max-registrations-per-connection 3, jt808.max-reassembly-bytes 65536, jt808.max-messages-per-second 100, jt808.max-in-flight 2000,
 * jt808.worker-threads (0 = one per two cores), jt808.transport auto (epoll on Linux, else nio),
 * writer.high-water 100000, writer.max-batch 10000,
 * writer.last-position-interval 1s (PostgreSQL: how far the latest-position table may trail the track),
 * retention-days 180.
 *
 * <p>Several nodes (docs/scale-out-telemetry.md): {@code log} direct (default: the gateway writes the track
 * itself) or jetstream; then log.nats-url nats://127.0.0.1:4222, log.stream CITYOPS_POSITIONS, log.subject-prefix
 * cityops, log.partitions 16, log.replicas 1, log.duplicate-window 2m, log.lease-interval 2s, log.max-age 24h and
 * log.max-bytes 20GB (the stream's retention; 0 = no limit), log.high-water (positions waiting for the log's
 * acknowledgement before the gateway stops reading; default writer.high-water: a lower mark, 20000, made a
 * saturated node pause and resume thousands of connections over and over and cost a quarter of its rate,
 * docs/scale-out-telemetry.md).
 */
@Configuration(proxyBeanMethods = false)
class TelemetryConfig {

    @Bean
    JdbcTrackStore telemetryTrackStore(
            DataSource dataSource,
            Clock clock,
            @Value("${cityops.telemetry.writer.last-position-interval:1s}") Duration lastPositionInterval) {
        return new JdbcTrackStore(dataSource, clock, lastPositionInterval);
    }

    @Bean
    MicrometerFaults telemetryFaults(MeterRegistry registry) {
        return new MicrometerFaults(registry);
    }

    @Bean
    TelemetryGateway telemetryGateway(
            JdbcTrackStore store,
            ObjectProvider<PositionObserver> observers,
            ObjectProvider<TerminalDirectory> directory,
            DataSource dataSource,
            Clock clock,
            MicrometerFaults faults,
            MeterRegistry registry,
            PlatformTransactionManager transactions,
            AuditTrail audit,
            ClusterChanges cluster,
            @Value("${cityops.telemetry.jt808.enabled:true}") boolean enabled,
            @Value("${cityops.telemetry.jt808.host:0.0.0.0}") String host,
            @Value("${cityops.telemetry.jt808.port:7808}") int port,
            @Value("${cityops.telemetry.jt808.allow-unknown:false}") boolean allowUnknown,
            @Value("${cityops.telemetry.jt808.worker-threads:0}") int workers,
            @Value("${cityops.telemetry.jt808.transport:auto}") String transport,
            @Value("${cityops.telemetry.jt808.idle-seconds:180}") int idle,
            @Value("${cityops.telemetry.jt808.auth-timeout-seconds:30}") int authTimeout,
            @Value("${cityops.telemetry.jt808.max-connections:20000}") int maxConnections,
            @Value("${cityops.telemetry.jt808.max-connections-per-address:"
                            + GatewaySettings.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS + "}")
                    int maxPerAddress,
            @Value("${cityops.telemetry.jt808.max-registrations-per-connection:"
                            + GatewaySettings.DEFAULT_MAX_REGISTRATIONS + "}")
                    int maxRegistrations,
            @Value("${cityops.telemetry.jt808.max-reassembly-bytes:" + GatewaySettings.DEFAULT_MAX_REASSEMBLY_BYTES
                            + "}")
                    int maxReassemblyBytes,
            @Value("${cityops.telemetry.jt808.max-messages-per-second:100}") int maxRate,
            @Value("${cityops.telemetry.jt808.max-in-flight:2000}") int maxInFlight,
            @Value("${cityops.telemetry.writer.high-water:100000}") int highWater,
            @Value("${cityops.telemetry.writer.max-batch:10000}") int maxBatch,
            @Value("${cityops.telemetry.retention-days:180}") int retentionDays,
            @Value("${cityops.telemetry.log:direct}") String logKind,
            @Value("${cityops.telemetry.log.nats-url:nats://127.0.0.1:4222}") String natsUrl,
            @Value("${cityops.telemetry.log.stream:CITYOPS_POSITIONS}") String stream,
            @Value("${cityops.telemetry.log.subject-prefix:cityops}") String subjectPrefix,
            @Value("${cityops.telemetry.log.partitions:16}") int partitions,
            @Value("${cityops.telemetry.log.replicas:1}") int replicas,
            @Value("${cityops.telemetry.log.duplicate-window:2m}") Duration duplicateWindow,
            @Value("${cityops.telemetry.log.lease-interval:2s}") Duration leaseInterval,
            @Value("${cityops.telemetry.log.max-age:24h}") Duration maxAge,
            @Value("${cityops.telemetry.log.max-bytes:20GB}") DataSize maxBytes,
            @Value("${cityops.telemetry.log.high-water:${cityops.telemetry.writer.high-water:100000}}")
                    int logHighWater,
            @Value("${spring.datasource.url:}") String dbUrl,
            @Value("${spring.datasource.username:}") String dbUser,
            @Value("${spring.datasource.password:}") String dbPassword) {
        GatewaySettings defaults = GatewaySettings.defaults(port);
        GatewaySettings settings = new GatewaySettings(
                host,
                port,
                workers,
                defaults.maxFrameLength(),
                defaults.maxFaultsPerConnection(),
                idle,
                authTimeout,
                maxConnections,
                maxRate,
                maxInFlight,
                defaults.maxUnauthenticated(),
                transport,
                maxPerAddress,
                maxRegistrations,
                maxReassemblyBytes);
        JdbcAuthCodes codes =
                new JdbcAuthCodes(dataSource, store.postgres(), clock, new TransactionTemplate(transactions), audit);
        codes.preload();
        codes.acrossNodes(cluster);
        TerminalRegistrar registrar = new TerminalRegistrar(
                () -> CombinedTerminalDirectory.of(directory.orderedStream().toList()), codes, allowUnknown);
        List<PositionObserver> watching = observers.orderedStream().toList();
        TelemetryGateway.LogMode logMode = null;
        if ("jetstream".equalsIgnoreCase(logKind)) {
            JetStreamPositionLog positionLog = new JetStreamPositionLog(
                    natsUrl,
                    stream,
                    subjectPrefix,
                    partitions,
                    replicas,
                    duplicateWindow,
                    new JetStreamPositionLog.Retention(maxAge, maxBytes.toBytes()),
                    logHighWater + logHighWater / 5 + maxBatch);
            PartitionLeases leases = store.postgres()
                    ? new PgAdvisoryLeases(() -> connect(dbUrl, dbUser, dbPassword), stream, partitions)
                    : PartitionLeases.all(partitions); // H2 is one process's database: one node
            logMode = new TelemetryGateway.LogMode(
                    positionLog,
                    new LogPositionSink(positionLog, logHighWater),
                    new PartitionedTrackWriter(
                            positionLog, stream, leases, store, () -> watching, maxBatch, leaseInterval.toMillis()));
        } else if (!"direct".equalsIgnoreCase(logKind)) {
            throw new IllegalStateException("cityops.telemetry.log must be direct or jetstream, not " + logKind);
        }
        TelemetryGateway gateway = new TelemetryGateway(
                store,
                watching,
                registrar,
                faults,
                clock,
                settings,
                Duration.ofDays(retentionDays),
                highWater,
                maxBatch,
                enabled,
                logMode);
        if (logMode != null) {
            registerLogMeters(registry, logMode);
        }
        Gauge.builder("cityops.telemetry.jt808.connections", gateway, TelemetryGateway::connections)
                .description("open JT/T 808 connections")
                .register(registry);
        Gauge.builder("cityops.telemetry.jt808.sessions", gateway, TelemetryGateway::sessions)
                .description("authenticated terminals")
                .register(registry);
        Gauge.builder(
                        "cityops.telemetry.writer.queued",
                        gateway,
                        g -> g.writer().queued())
                .description("positions waiting to be stored")
                .register(registry);
        FunctionCounter.builder(
                        "cityops.telemetry.positions.stored",
                        gateway,
                        g -> g.writer().counters().stored())
                .register(registry);
        FunctionCounter.builder(
                        "cityops.telemetry.positions.duplicates",
                        gateway,
                        g -> g.writer().counters().duplicates())
                .description("replayed positions acknowledged but not stored again")
                .register(registry);
        FunctionCounter.builder(
                        "cityops.telemetry.writer.batches",
                        gateway,
                        g -> g.writer().counters().batches())
                .register(registry);
        FunctionCounter.builder(
                        "cityops.telemetry.writer.slow-batches",
                        gateway,
                        g -> g.store().slowBatches())
                .description("batches stored the always-right way because a row was already stored")
                .register(registry);
        FunctionCounter.builder(
                        "cityops.telemetry.writer.failures",
                        gateway,
                        g -> g.writer().counters().failures())
                .description("batches that failed and were retried")
                .register(registry);
        FunctionCounter.builder(
                        "cityops.telemetry.observer.failures",
                        gateway,
                        g -> g.writer().counters().observerFailures())
                .register(registry);
        return gateway;
    }

    /** The lease connection: a connection of its own, outside the pool (its locks must die with it). */
    private static Connection connect(String url, String user, String password) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the partition lease connection: " + e.getMessage(), e);
        }
    }

    private static void registerLogMeters(MeterRegistry registry, TelemetryGateway.LogMode m) {
        Gauge.builder("cityops.telemetry.log.pending", m.sink(), LogPositionSink::pending)
                .description("positions published to the log and not yet acknowledged by it")
                .register(registry);
        Gauge.builder(
                        "cityops.telemetry.log.partitions",
                        m.consumer(),
                        c -> c.owned().size())
                .description("log partitions this node stores from")
                .register(registry);
        FunctionCounter.builder("cityops.telemetry.log.appended", m.sink(), LogPositionSink::appendedCount)
                .description("positions the log acknowledged (then the terminals were)")
                .register(registry);
        FunctionCounter.builder("cityops.telemetry.log.failures", m.sink(), LogPositionSink::failureCount)
                .description("appends the log refused (retried)")
                .register(registry);
        FunctionCounter.builder(
                        "cityops.telemetry.log.stored",
                        m.consumer(),
                        c -> c.counters().stored())
                .description("positions this node stored from the log")
                .register(registry);
        FunctionCounter.builder("cityops.telemetry.log.takeovers", m.consumer(), PartitionedTrackWriter::takeoverCount)
                .description("partitions this node took (at start or from a node gone)")
                .register(registry);
        FunctionCounter.builder("cityops.telemetry.log.replayed", m.consumer(), PartitionedTrackWriter::replayedCount)
                .description("stored positions handed again to the observers after a takeover (not confirmed observed)")
                .register(registry);
        FunctionCounter.builder(
                        "cityops.telemetry.log.writer-failures",
                        m.consumer(),
                        c -> c.counters().failures())
                .description("log batches not committed (another node stored the partition, or the database failed)")
                .register(registry);
    }
}
