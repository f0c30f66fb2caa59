package org.cityops.telemetry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.cityops.telemetry.pipeline.StaleOffsetException;

/**
 * {@code tel_partition_offset}: the last stream sequence stored per log partition. Moved only from the value the
 * writer read (compare-and-set in the track's transaction), so a node that lost its partition cannot store from
 * it any more: its transaction is rolled back.
 */
final class LogOffsets {

    private LogOffsets() {}

    static long read(Connection c, String stream, int partition) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT last_seq FROM tel_partition_offset WHERE stream = ? AND partition_no = ?")) {
            ps.setString(1, stream);
            ps.setInt(2, partition);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /** How far the observers confirmed the partition ({@code observed_seq}, V55_001); 0 when nothing stored. */
    static long readObserved(Connection c, String stream, int partition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT observed_seq FROM tel_partition_offset WHERE stream = ? AND partition_no = ?")) {
            ps.setString(1, stream);
            ps.setInt(2, partition);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /** Moves {@code observed_seq} forward only (a late write of a node that lost the partition moves nothing back). */
    static void moveObserved(Connection c, String stream, Map<Integer, Long> upTo, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tel_partition_offset SET observed_seq = ?, "
                + "updated_at = ? WHERE stream = ? AND partition_no = ? AND observed_seq < ?")) {
            for (Map.Entry<Integer, Long> e : upTo.entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setObject(2, now);
                ps.setString(3, stream);
                ps.setInt(4, e.getKey());
                ps.setLong(5, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** {@code offsets}: partition → {expected, new}. */
    static void move(Connection c, String stream, Map<Integer, long[]> offsets, OffsetDateTime now)
            throws SQLException {
        if (offsets == null || offsets.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE tel_partition_offset SET last_seq = ?, "
                        + "updated_at = ? WHERE stream = ? AND partition_no = ? AND last_seq = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO tel_partition_offset "
                        + "(stream, partition_no, last_seq, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Map.Entry<Integer, long[]> e : offsets.entrySet()) {
                long expected = e.getValue()[0];
                long next = e.getValue()[1];
                int n;
                if (expected == 0) {
                    insert.setString(1, stream);
                    insert.setInt(2, e.getKey());
                    insert.setLong(3, next);
                    insert.setObject(4, now);
                    n = insert.executeUpdate();
                } else {
                    update.setLong(1, next);
                    update.setObject(2, now);
                    update.setString(3, stream);
                    update.setInt(4, e.getKey());
                    update.setLong(5, expected);
                    n = update.executeUpdate();
                }
                if (n != 1) {
                    throw new StaleOffsetException("partition " + e.getKey() + " of " + stream
                            + " was stored by another node (expected offset " + expected + ")");
                }
            }
        }
    }
}
