package org.cityops.telemetry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.PositionObserver;
import org.cityops.telemetry.jt808.GatewaySettings;
import org.cityops.telemetry.jt808.Jt808Server;
import org.cityops.telemetry.pipeline.PositionSink;
import org.cityops.telemetry.pipeline.PositionWriter;
import org.cityops.telemetry.pipeline.Submission;
import org.cityops.telemetry.pipeline.TerminalRegistrar;
import org.springframework.context.SmartLifecycle;

/**
 * The running gateway: the durable-ack writer and the JT/T 808 server, started and stopped with the application.
 * Stop order: stop listening and reading, let the writer commit and acknowledge everything queued, then close
 * the connections; so a clean stop loses nothing and acknowledges nothing that is not stored.
 */
public final class TelemetryGateway implements SmartLifecycle, PositionSink {

    private final PositionWriter writer;
    private final Jt808Server server;
    private final JdbcTrackStore store;
    private final TerminalRegistrar registrar;
    private final boolean enabled;
    private final int highWater;
    /** log mode only ({@code cityops.telemetry.log=jetstream}); null in the default direct mode */
    private final LogMode logMode;

    private volatile boolean running;

    /** The log mode's parts: the log, the gateway's sink into it, this node's partitioned track writer. */
    record LogMode(
            org.cityops.telemetry.pipeline.PositionLog log,
            org.cityops.telemetry.pipeline.LogPositionSink sink,
            org.cityops.telemetry.pipeline.PartitionedTrackWriter consumer) {}

    TelemetryGateway(
            JdbcTrackStore store,
            List<PositionObserver> observers,
            TerminalRegistrar registrar,
            MicrometerFaults faults,
            Clock clock,
            GatewaySettings settings,
            Duration retention,
            int highWater,
            int maxBatch,
            boolean enabled) {
        this(store, observers, registrar, faults, clock, settings, retention, highWater, maxBatch, enabled, null);
    }

    TelemetryGateway(
            JdbcTrackStore store,
            List<PositionObserver> observers,
            TerminalRegistrar registrar,
            MicrometerFaults faults,
            Clock clock,
            GatewaySettings settings,
            Duration retention,
            int highWater,
            int maxBatch,
            boolean enabled,
            LogMode logMode) {
        this.store = store;
        this.registrar = registrar;
        this.enabled = enabled;
        this.highWater = highWater;
        this.logMode = logMode;
        this.writer = new PositionWriter(store, () -> observers, highWater, maxBatch);
        this.server = new Jt808Server(
                settings, registrar, logMode == null ? writer : logMode.sink(), faults, clock, retention);
    }

    @Override
    public synchronized void start() {
        if (logMode == null) {
            writer.start();
        } else {
            logMode.consumer().start();
        }
        if (enabled) {
            server.start();
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        server.stopAccepting();
        if (logMode == null) {
            writer.stop();
        } else {
            logMode.sink().stop(60_000);
            logMode.consumer().stop();
        }
        server.stop();
        if (logMode != null) {
            logMode.log().close();
        }
        running = false;
    }

    /** The log mode's parts, or null in the direct mode. */
    LogMode logMode() {
        return logMode;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server, so HTTP ingest requests still get their acknowledgement. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** The bound JT/T 808 port (-1 when not listening). */
    public int port() {
        return server.port();
    }

    public int connections() {
        return server.connectionCount();
    }

    public int sessions() {
        return server.sessionCount();
    }

    public PositionWriter writer() {
        return writer;
    }

    public JdbcTrackStore store() {
        return store;
    }

    /**
     * The latest position this node knows. Log mode: the terminals of the partitions it holds are current, the
     * others as of this node's start (the database's {@code telemetry_last_position} is the cluster's answer).
     */
    public Position latest(String terminal) {
        return logMode == null ? writer.latest(terminal) : logMode.consumer().latest(terminal);
    }

    public boolean overloaded() {
        return (logMode == null ? writer.queued() : logMode.sink().pending()) >= highWater;
    }

    @Override
    public boolean submit(Submission submission) {
        return logMode == null ? writer.submit(submission) : logMode.sink().submit(submission);
    }

    @Override
    public void whenRoom(Runnable resume) {
        if (logMode == null) {
            writer.whenRoom(resume);
        } else {
            logMode.sink().whenRoom(resume);
        }
    }

    /**
     * 解绑: forgets the terminal's auth code (audited as the signed-in staff member) and closes its session, so
     * that it may register once more.
     *
     * @return false when the terminal had no code
     */
    public boolean release(String terminal) {
        boolean released = registrar.release(terminal);
        server.disconnect(terminal);
        return released;
    }

    public List<Position> track(String terminal, Instant from, Instant to, int limit) {
        return store.track(terminal, from, to, limit);
    }
}
