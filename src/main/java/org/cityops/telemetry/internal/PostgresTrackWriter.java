package org.cityops.telemetry.internal;

import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cityops.telemetry.Position;

/**
 * Writes the track to PostgreSQL at the cost of a plain COPY.
 *
 * <p>A position later than the newest this process has stored for its terminal cannot be in the table yet, so
 * it goes straight into {@code COPY telemetry_position}; only earlier ones (blind-area uploads, replays) are
 * looked up first. If that knowledge was stale (a second instance wrote the same terminal, or rows written
 * before a crash), the COPY fails on the primary key and the batch is stored again the always-right way:
 * through a staging table and {@code INSERT ... ON CONFLICT DO NOTHING RETURNING}.
 *
 * <p>{@code telemetry_last_position} (当前位置) trails the track by at most {@code lastPositionInterval}: the
 * writer calls {@link #flushLatest} between batches. A terminal's first position goes into it in the same
 * transaction as the track, so every terminal with a track has a row there, and {@link #catchUp} finds any
 * later track row after a crash. Only the writer thread calls in here.
 */
final class PostgresTrackWriter {

    private static final String COLUMNS = JdbcTrackStore.COLUMNS;
    private static final String UPSERT_LAST = "INSERT INTO telemetry_last_position (" + COLUMNS + ") SELECT "
            + "DISTINCT ON (terminal) " + COLUMNS + " FROM telemetry_position_stage ORDER BY terminal, reported_at "
            + "DESC ON CONFLICT (terminal) DO UPDATE SET reported_at = EXCLUDED.reported_at, lat = EXCLUDED.lat, "
            + "lon = EXCLUDED.lon, speed_kmh = EXCLUDED.speed_kmh, direction = EXCLUDED.direction, "
            + "alarm_bits = EXCLUDED.alarm_bits, status_bits = EXCLUDED.status_bits, "
            + "mileage_km = EXCLUDED.mileage_km, altitude_m = EXCLUDED.altitude_m, received_at = EXCLUDED.received_at "
            + "WHERE telemetry_last_position.reported_at < EXCLUDED.reported_at";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lastPositionInterval;
    /**
     * Newest stored time (µs since the epoch) per terminal, as far as this process knows; updated in place, so
     * the long-lived map is not rewritten with a new object on every report (cheaper for the garbage collector).
     */
    private final Map<String, long[]> newestStored = new HashMap<>();
    /** newest position per terminal not yet in telemetry_last_position; a new map after each flush */
    private Map<String, Position> pendingLast = new HashMap<>();

    private long lastFlushNanos = System.nanoTime();
    private long slowBatches;
    private Method copyApi;
    private Method copyIn;

    PostgresTrackWriter(DataSource dataSource, Clock clock, Duration lastPositionInterval) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.lastPositionInterval = lastPositionInterval;
    }

    /** What the store knows at start: the latest table plus any later track row (lost from it by a crash). */
    synchronized void seed(Map<String, Position> latest) {
        newestStored.clear();
        for (Position p : latest.values()) {
            newestStored.put(p.terminal(), new long[] {CopyText.micros(p.time())});
        }
    }

    /**
     * Track rows later than a terminal's row in {@code telemetry_last_position}: after a crash the latest table
     * can trail by up to the flush interval. They are queued to be written back to it.
     */
    synchronized List<Position> catchUp(Connection c) throws SQLException {
        List<Position> later = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT p." + String.join(", p.", COLUMNS.split(", "))
                        + " FROM telemetry_last_position l CROSS JOIN LATERAL (SELECT * FROM telemetry_position t "
                        + "WHERE t.terminal = l.terminal AND t.reported_at > l.reported_at "
                        + "ORDER BY t.reported_at DESC LIMIT 1) p")) {
            while (rs.next()) {
                later.add(JdbcTrackStore.read(rs));
            }
        }
        for (Position q : later) {
            pendingLast.put(q.terminal(), q);
        }
        return later;
    }

    synchronized boolean[] append(List<Position> positions) throws SQLException {
        return append(positions, null);
    }

    /** {@code alsoInTransaction} (may be null) runs in the track's transaction after the rows, before the commit. */
    synchronized boolean[] append(List<Position> positions, JdbcTransaction.Work<Void> alsoInTransaction)
            throws SQLException {
        boolean[] fresh = new boolean[positions.size()];
        Map<String, Long> newestInBatch = new HashMap<>();
        List<Integer> doubtful = new ArrayList<>();
        for (int i = 0; i < fresh.length; i++) {
            Position p = positions.get(i);
            long micros = CopyText.micros(p.time());
            Long newest = newestInBatch.get(p.terminal());
            if (newest == null) {
                long[] stored = newestStored.get(p.terminal());
                newest = stored == null ? null : stored[0];
            }
            if (newest == null || micros > newest) {
                fresh[i] = true;
                newestInBatch.put(p.terminal(), micros);
            } else {
                doubtful.add(i);
            }
        }
        boolean[] guessed = fresh;
        fresh = JdbcTransaction.run(dataSource, c -> {
            if (!doubtful.isEmpty()) {
                resolveDoubtful(c, positions, guessed, doubtful);
            }
            List<Position> rows = new ArrayList<>(positions.size());
            Map<String, Position> firstSeen = new HashMap<>();
            for (int i = 0; i < guessed.length; i++) {
                if (guessed[i]) {
                    Position p = positions.get(i);
                    rows.add(p);
                    if (!newestStored.containsKey(p.terminal())) {
                        firstSeen.merge(p.terminal(), p, PostgresTrackWriter::newer);
                    }
                }
            }
            boolean[] result;
            if (rows.isEmpty()) {
                result = guessed;
            } else {
                Savepoint beforeCopy = c.setSavepoint();
                try {
                    copyIn(c, "COPY telemetry_position (" + COLUMNS + ") FROM STDIN", copyText(rows));
                    if (!firstSeen.isEmpty()) {
                        upsertLast(c, firstSeen.values());
                    }
                    result = guessed;
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(beforeCopy);
                    slowBatches++;
                    result = appendSlowly(c, positions);
                }
            }
            if (alsoInTransaction != null) {
                alsoInTransaction.apply(c);
            }
            return result;
        });
        for (int i = 0; i < fresh.length; i++) {
            if (fresh[i]) {
                Position p = positions.get(i);
                long micros = CopyText.micros(p.time());
                long[] newest = newestStored.get(p.terminal());
                if (newest == null) {
                    newestStored.put(p.terminal(), new long[] {micros});
                } else if (micros > newest[0]) {
                    newest[0] = micros;
                }
                pendingLast.merge(p.terminal(), p, PostgresTrackWriter::newer);
            }
        }
        return fresh;
    }

    /** Positions not later than their terminal's newest: new only if neither stored nor earlier in this batch. */
    private static void resolveDoubtful(Connection c, List<Position> positions, boolean[] fresh, List<Integer> doubtful)
            throws SQLException {
        Set<String> terminals = new HashSet<>();
        String[] names = new String[doubtful.size()];
        String[] times = new String[doubtful.size()];
        CopyText text = new CopyText();
        StringBuilder t = new StringBuilder(32);
        for (int k = 0; k < names.length; k++) {
            Position p = positions.get(doubtful.get(k));
            terminals.add(p.terminal());
            names[k] = p.terminal();
            t.setLength(0);
            text.timestamp(t, p.time());
            times[k] = t.toString();
        }
        Set<Key> taken = new HashSet<>();
        for (int i = 0; i < fresh.length; i++) {
            Position p = positions.get(i);
            if (fresh[i] && terminals.contains(p.terminal())) {
                taken.add(Key.of(p));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT p.terminal, "
                + "CAST(EXTRACT(EPOCH FROM p.reported_at) * 1000000 AS BIGINT) FROM telemetry_position p "
                + "JOIN unnest(?, CAST(? AS timestamptz[])) AS u(terminal, reported_at) "
                + "ON p.terminal = u.terminal AND p.reported_at = u.reported_at")) {
            Array a = c.createArrayOf("varchar", names);
            Array b = c.createArrayOf("text", times);
            ps.setArray(1, a);
            ps.setArray(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(new Key(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        for (int i : doubtful) {
            fresh[i] = taken.add(Key.of(positions.get(i)));
        }
    }

    /** The always-right path: staging table, INSERT ... ON CONFLICT DO NOTHING RETURNING what was new. */
    private boolean[] appendSlowly(Connection c, List<Position> positions) throws SQLException {
        stage(c, positions);
        Set<Key> inserted = new HashSet<>(positions.size() * 2);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("INSERT INTO telemetry_position (" + COLUMNS + ") SELECT " + COLUMNS
                        + " FROM telemetry_position_stage ON CONFLICT DO NOTHING "
                        + "RETURNING terminal, CAST(EXTRACT(EPOCH FROM reported_at) * 1000000 AS BIGINT)")) {
            while (rs.next()) {
                inserted.add(new Key(rs.getString(1), rs.getLong(2)));
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate(UPSERT_LAST);
        }
        boolean[] fresh = new boolean[positions.size()];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = inserted.remove(Key.of(positions.get(i)));
        }
        return fresh;
    }

    /**
     * Writes the pending latest positions when {@code lastPositionInterval} has passed since the last write (or
     * always, with {@code all}). On failure they stay pending.
     */
    synchronized void flushLatest(boolean all) throws SQLException {
        if (pendingLast.isEmpty() || !all && System.nanoTime() - lastFlushNanos < lastPositionInterval.toNanos()) {
            return;
        }
        JdbcTransaction.run(dataSource, c -> {
            upsertLast(c, pendingLast.values());
            return null;
        });
        pendingLast = new HashMap<>();
        lastFlushNanos = System.nanoTime();
    }

    synchronized int pendingLatest() {
        return pendingLast.size();
    }

    /** Batches stored through the always-right path because the fast path met a row already stored. */
    synchronized long slowBatches() {
        return slowBatches;
    }

    private void upsertLast(Connection c, Collection<Position> positions) throws SQLException {
        stage(c, positions);
        try (Statement s = c.createStatement()) {
            s.executeUpdate(UPSERT_LAST);
            s.execute("TRUNCATE telemetry_position_stage");
        }
    }

    private void stage(Connection c, Collection<Position> positions) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS telemetry_position_stage "
                    + "(LIKE telemetry_position) ON COMMIT DELETE ROWS");
        }
        copyIn(c, "COPY telemetry_position_stage (" + COLUMNS + ") FROM STDIN", copyText(positions));
    }

    private Reader copyText(Collection<Position> positions) {
        CopyText text = new CopyText();
        StringBuilder received = new StringBuilder(32);
        text.timestamp(received, clock.instant());
        StringBuilder copy = new StringBuilder(positions.size() * 110);
        for (Position p : positions) {
            copy.append(p.terminal()).append('\t');
            text.timestamp(copy, p.time());
            copy.append('\t')
                    .append(p.lat())
                    .append('\t')
                    .append(p.lon())
                    .append('\t')
                    .append((float) p.speedKmh())
                    .append('\t')
                    .append(p.direction())
                    .append('\t')
                    .append(p.alarmBits())
                    .append('\t')
                    .append(p.statusBits())
                    .append('\t')
                    .append(p.mileageKm() == null ? "\\N" : p.mileageKm().toString())
                    .append('\t')
                    .append(p.altitudeM() == null ? "\\N" : p.altitudeM().toString())
                    .append('\t')
                    .append(received)
                    .append('\n');
        }
        return new StringReader(copy.toString());
    }

    private void copyIn(Connection c, String sql, Reader data) throws SQLException {
        try {
            if (copyIn == null) {
                Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
                copyApi = pgConnection.getMethod("getCopyAPI");
                copyIn = Class.forName("org.postgresql.copy.CopyManager")
                        .getMethod("copyIn", String.class, Reader.class);
            }
            Object pg = c.unwrap(copyApi.getDeclaringClass());
            copyIn.invoke(copyApi.invoke(pg), sql, data);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql2) {
                throw sql2;
            }
            throw new IllegalStateException("COPY failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the PostgreSQL driver has no COPY API", e);
        }
    }

    private static Position newer(Position a, Position b) {
        return b.time().isAfter(a.time()) ? b : a;
    }

    /** A stored row's identity: terminal and time to the microsecond (the table's primary key). */
    private record Key(String terminal, long micros) {

        static Key of(Position p) {
            return new Key(p.terminal(), CopyText.micros(p.time()));
        }
    }
}
