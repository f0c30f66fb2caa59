package org.cityops.telemetry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.cityops.platform.DbTime;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.pipeline.TrackStore;

/**
 * The track in the database. PostgreSQL: a COPY into the day-partitioned table (partitions created on first
 * use), the latest positions trailing by at most a second ({@link PostgresTrackWriter}). Other databases (H2): a
 * JDBC batch insert with {@code ON CONFLICT DO NOTHING} and per-terminal updates of the latest positions, in one
 * transaction.
 */
public final class JdbcTrackStore implements TrackStore {

    static final String COLUMNS =
            "terminal, reported_at, lat, lon, speed_kmh, direction, alarm_bits, status_bits, mileage_km, altitude_m, received_at";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DataSource dataSource;
    private final Clock clock;
    private final boolean postgres;
    private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();
    private final PostgresTrackWriter postgresWriter;

    public JdbcTrackStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, Duration.ofSeconds(1));
    }

    /**
     * @param lastPositionInterval on PostgreSQL, how far {@code telemetry_last_position} may trail the track
     *        (see {@link PostgresTrackWriter}); on other databases it is written with every batch
     */
    public JdbcTrackStore(DataSource dataSource, Clock clock, Duration lastPositionInterval) {
        this.dataSource = dataSource;
        this.clock = clock;
        try (Connection c = dataSource.getConnection()) {
            this.postgres =
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the track database", e);
        }
        this.postgresWriter = postgres ? new PostgresTrackWriter(dataSource, clock, lastPositionInterval) : null;
    }

    public boolean postgres() {
        return postgres;
    }

    @Override
    public boolean[] append(List<Position> positions) {
        if (positions.isEmpty()) {
            return new boolean[0];
        }
        return append(positions, null);
    }

    @Override
    public boolean[] append(List<Position> positions, String stream, Map<Integer, long[]> offsets) {
        return append(positions, c -> {
            LogOffsets.move(c, stream, offsets, DbTime.toDb(clock.instant()));
            return null;
        });
    }

    @Override
    public long offset(String stream, int partition) {
        try (Connection c = dataSource.getConnection()) {
            return LogOffsets.read(c, stream, partition);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log offset", e);
        }
    }

    @Override
    public long observedOffset(String stream, int partition) {
        try (Connection c = dataSource.getConnection()) {
            return LogOffsets.readObserved(c, stream, partition);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the observed log offset", e);
        }
    }

    @Override
    public void moveObserved(String stream, Map<Integer, Long> upTo) {
        if (upTo.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            LogOffsets.moveObserved(c, stream, upTo, DbTime.toDb(clock.instant()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the observed log offsets", e);
        }
    }

    /** {@code alsoInTransaction} (may be null) runs in the positions' transaction, before the commit. */
    private boolean[] append(List<Position> positions, JdbcTransaction.Work<Void> alsoInTransaction) {
        try {
            if (postgres) {
                if (!positions.isEmpty()) {
                    ensurePartitions(positions);
                }
                return postgresWriter.append(positions, alsoInTransaction);
            }
            return appendPortable(positions, alsoInTransaction);
        } catch (SQLException e) {
            throw new IllegalStateException("storing positions failed: " + e.getMessage(), e);
        }
    }

    private void ensurePartitions(List<Position> positions) throws SQLException {
        Set<LocalDate> days = new HashSet<>();
        long lastEpochDay = Long.MIN_VALUE;
        for (Position p : positions) {
            long epochDay = Math.floorDiv(p.time().getEpochSecond(), 86_400L);
            if (epochDay == lastEpochDay) {
                continue; // a batch is mostly one day: skip the set lookups
            }
            lastEpochDay = epochDay;
            LocalDate day = LocalDate.ofEpochDay(epochDay);
            if (!partitions.contains(day)) {
                days.add(day);
            }
        }
        if (days.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (LocalDate day : days) {
                s.execute("CREATE TABLE IF NOT EXISTS " + partitionName(day) + " PARTITION OF telemetry_position "
                        + "FOR VALUES FROM ('" + day + "T00:00:00Z') TO ('" + day.plusDays(1) + "T00:00:00Z')");
                partitions.add(day);
            }
        }
    }

    static String partitionName(LocalDate day) {
        return "telemetry_position_p" + DAY.format(day);
    }

    // ---- portable (H2)

    private boolean[] appendPortable(List<Position> positions, JdbcTransaction.Work<Void> alsoInTransaction)
            throws SQLException {
        OffsetDateTime received = DbTime.toDb(clock.instant());
        boolean[] fresh = new boolean[positions.size()];
        JdbcTransaction.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry_position (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Position p : positions) {
                    bind(ps, p, received);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    fresh[i] = counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO;
                }
            }
            Map<String, Position> newest = new LinkedHashMap<>();
            for (Position p : positions) {
                newest.merge(p.terminal(), p, (a, b) -> b.time().isAfter(a.time()) ? b : a);
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE telemetry_last_position SET "
                            + "reported_at = ?, lat = ?, lon = ?, speed_kmh = ?, direction = ?, alarm_bits = ?, "
                            + "status_bits = ?, mileage_km = ?, altitude_m = ?, received_at = ? "
                            + "WHERE terminal = ? AND reported_at < ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO telemetry_last_position (" + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Position p : newest.values()) {
                    update.setObject(1, DbTime.toDb(p.time()));
                    update.setDouble(2, p.lat());
                    update.setDouble(3, p.lon());
                    update.setFloat(4, (float) p.speedKmh());
                    update.setInt(5, p.direction());
                    update.setLong(6, p.alarmBits());
                    update.setLong(7, p.statusBits());
                    setNullable(update, 8, p.mileageKm());
                    setNullable(update, 9, p.altitudeM());
                    update.setObject(10, received);
                    update.setString(11, p.terminal());
                    update.setObject(12, DbTime.toDb(p.time()));
                    if (update.executeUpdate() == 0) {
                        bind(insert, p, received);
                        insert.executeUpdate();
                    }
                }
            }
            if (alsoInTransaction != null) {
                alsoInTransaction.apply(c);
            }
            return null;
        });
        return fresh;
    }

    private static void bind(PreparedStatement ps, Position p, OffsetDateTime received) throws SQLException {
        ps.setString(1, p.terminal());
        ps.setObject(2, DbTime.toDb(p.time()));
        ps.setDouble(3, p.lat());
        ps.setDouble(4, p.lon());
        ps.setFloat(5, (float) p.speedKmh());
        ps.setInt(6, p.direction());
        ps.setLong(7, p.alarmBits());
        ps.setLong(8, p.statusBits());
        setNullable(ps, 9, p.mileageKm());
        setNullable(ps, 10, p.altitudeM());
        ps.setObject(11, received);
    }

    private static void setNullable(PreparedStatement ps, int i, Number v) throws SQLException {
        if (v == null) {
            ps.setNull(i, v instanceof Integer ? Types.INTEGER : Types.DOUBLE);
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else {
            ps.setDouble(i, v.doubleValue());
        }
    }

    @Override
    public void flushLatest(boolean all) {
        if (postgresWriter == null) {
            return;
        }
        try {
            postgresWriter.flushLatest(all);
        } catch (SQLException e) {
            throw new IllegalStateException("writing latest positions failed: " + e.getMessage(), e);
        }
    }

    /** Latest positions stored in the track but not yet in {@code telemetry_last_position} (PostgreSQL). */
    public int pendingLatest() {
        return postgresWriter == null ? 0 : postgresWriter.pendingLatest();
    }

    /** Batches the PostgreSQL fast path handed to the always-right path (a row was already stored). */
    public long slowBatches() {
        return postgresWriter == null ? 0 : postgresWriter.slowBatches();
    }

    // ---- reads and retention

    @Override
    public Map<String, Position> latest() {
        Map<String, Position> out = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM telemetry_last_position")) {
                while (rs.next()) {
                    Position p = read(rs);
                    out.put(p.terminal(), p);
                }
            }
            if (postgresWriter != null) {
                for (Position p : postgresWriter.catchUp(c)) {
                    out.put(p.terminal(), p);
                }
                postgresWriter.seed(out);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read latest positions", e);
        }
        return out;
    }

    @Override
    public List<Position> track(String terminal, Instant from, Instant to, int limit) {
        List<Position> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM telemetry_position "
                        + "WHERE terminal = ? AND reported_at >= ? AND reported_at < ? ORDER BY reported_at LIMIT ?")) {
            ps.setString(1, terminal);
            ps.setObject(2, DbTime.toDb(from));
            ps.setObject(3, DbTime.toDb(to));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the track", e);
        }
        return out;
    }

    /** Counts rows of one terminal (tests and checks). */
    public long count(String terminal) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT COUNT(*) FROM telemetry_position WHERE terminal = ?")) {
            ps.setString(1, terminal);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Position read(ResultSet rs) throws SQLException {
        double mileage = rs.getDouble(9);
        Double m = rs.wasNull() ? null : mileage;
        int alt = rs.getInt(10);
        Integer a = rs.wasNull() ? null : alt;
        return new Position(
                rs.getString(1),
                DbTime.fromDb(rs.getObject(2, OffsetDateTime.class)),
                rs.getDouble(3),
                rs.getDouble(4),
                Math.round(rs.getFloat(5) * 10) / 10.0,
                rs.getInt(6),
                rs.getLong(7),
                rs.getLong(8),
                m,
                a);
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            if (!postgres) {
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM telemetry_position WHERE reported_at < ?")) {
                    ps.setObject(1, DbTime.toDb(cutoff));
                    return ps.executeUpdate();
                }
            }
            LocalDate firstKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
            List<String> drop = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = "
                    + "i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'telemetry_position'")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String suffix = name.substring(name.lastIndexOf('p') + 1);
                    if (suffix.matches("\\d{8}") && LocalDate.parse(suffix, DAY).isBefore(firstKept)) {
                        drop.add(name);
                    }
                }
            }
            for (String name : drop) {
                s.execute("DROP TABLE " + name);
                partitions.remove(LocalDate.parse(name.substring(name.lastIndexOf('p') + 1), DAY));
            }
            return drop.size();
        } catch (SQLException e) {
            throw new IllegalStateException("retention failed", e);
        }
    }
}
