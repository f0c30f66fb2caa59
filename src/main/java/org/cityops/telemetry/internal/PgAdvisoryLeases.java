package org.cityops.telemetry.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.cityops.telemetry.pipeline.PartitionLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partition leases as PostgreSQL session advisory locks on one dedicated connection (not a pooled one: a pool
 * would keep the session, and the locks, after the node is gone). Keys: (stream key, partition) for a partition,
 * (stream key + 1, backend pid) for "this node is alive", so every node can count the live nodes in
 * {@code pg_locks} and take at most its fair share, {@code ceil(partitions / nodes)}, giving back the rest. When a
 * node dies its connection closes and PostgreSQL releases its locks; the survivors take the partitions at their
 * next renewal. If this node's connection breaks, it holds nothing until it has a new one.
 */
public final class PgAdvisoryLeases implements PartitionLeases {

    private static final Logger log = LoggerFactory.getLogger(PgAdvisoryLeases.class);

    private final Supplier<Connection> connect;
    private final int partitions;
    private final int key;
    private final Set<Integer> held = new TreeSet<>();
    private Connection connection;
    private int pid;

    /** @param connect opens a new, unpooled connection to the track database */
    public PgAdvisoryLeases(Supplier<Connection> connect, String stream, int partitions) {
        this.connect = connect;
        this.partitions = partitions;
        CRC32 crc = new CRC32();
        crc.update(stream.getBytes(StandardCharsets.UTF_8));
        this.key = (int) (crc.getValue() & 0x3fffffffL);
    }

    @Override
    public synchronized Set<Integer> renew() {
        try {
            if (connection == null || !connection.isValid(2)) {
                reconnect();
            }
            int nodes = Math.max(1, countNodes());
            int share = (partitions + nodes - 1) / nodes;
            Set<Integer> want = new TreeSet<>(held);
            int start = Math.floorMod(pid, partitions);
            for (int i = 0; i < partitions && want.size() < share; i++) {
                int p = (start + i) % partitions;
                if (!want.contains(p) && tryLock(key, p)) {
                    want.add(p);
                    held.add(p);
                }
            }
            while (want.size() > share) { // the caller closes the reader, then releases
                want.remove(((TreeSet<Integer>) want).last());
            }
            return want;
        } catch (SQLException | RuntimeException e) { // RuntimeException: no new connection (e.g. too many clients)
            log.warn("partition leases lost (database connection): {}", e.toString());
            closeQuietly();
            return Set.of();
        }
    }

    private void reconnect() throws SQLException {
        closeQuietly();
        connection = connect.get();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        if (!tryLock(key + 1, pid)) {
            throw new SQLException("cannot hold the node lock");
        }
    }

    private int countNodes() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = "
                + "'advisory' AND granted AND objsubid = 2 AND classid = CAST(? AS oid) AND database = (SELECT oid FROM "
                + "pg_database WHERE datname = current_database())")) {
            ps.setLong(1, key + 1L);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private boolean tryLock(int k1, int k2) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, k1);
            ps.setInt(2, k2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public synchronized void release(int partition) {
        if (!held.remove(partition) || connection == null) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, key);
            ps.setInt(2, partition);
            ps.execute();
        } catch (SQLException e) {
            log.warn("releasing partition {}: {}", partition, e.toString());
        }
    }

    @Override
    public synchronized void retain(Set<Integer> keep) {
        for (int p : Set.copyOf(held)) {
            if (!keep.contains(p)) {
                release(p);
            }
        }
    }

    /** Partitions held now (tests). */
    public synchronized Set<Integer> held() {
        return Set.copyOf(held);
    }

    /** Closes the lease connection as a killed node's would close: PostgreSQL frees every lock it held. */
    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        held.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the lease connection: {}", e.toString());
            }
            connection = null;
        }
    }
}
