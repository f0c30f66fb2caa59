package org.cityops.telemetry.internal;

import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
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
 * The track in the database. PostgreSQL: rows go through COPY into a temporary staging table, then one
 * {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING} into the day-partitioned table and one set-based
 * upsert of the latest positions, all in one transaction; day partitions are created on first use. Other
 * databases (H2): a JDBC batch insert with {@code ON CONFLICT DO NOTHING} and per-terminal updates.
 */
public final class JdbcTrackStore implements TrackStore {

    private static final String COLUMNS =
            "terminal, reported_at, lat, lon, speed_kmh, direction, alarm_bits, status_bits, mileage_km, altitude_m, received_at";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DataSource dataSource;
    private final Clock clock;
    private final boolean postgres;
    private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();
    private Method copyApi;
    private Method copyIn;

    public JdbcTrackStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the track database", e);
        }
    }

    public boolean postgres() {
        return postgres;
    }

    @Override
    public boolean[] append(List<Position> positions) {
        if (positions.isEmpty()) {
            return new boolean[0];
        }
        try {
            return postgres ? appendPostgres(positions) : appendPortable(positions);
        } catch (SQLException e) {
            throw new IllegalStateException("storing positions failed: " + e.getMessage(), e);
        }
    }

    // ---- PostgreSQL: COPY + INSERT ... SELECT

    private boolean[] appendPostgres(List<Position> positions) throws SQLException {
        ensurePartitions(positions);
        CopyText text = new CopyText();
        StringBuilder receivedText = new StringBuilder(32);
        text.timestamp(receivedText, clock.instant());
        StringBuilder copy = new StringBuilder(positions.size() * 110);
        for (Position p : positions) {
            copy.append(p.terminal()).append('\t');
            text.timestamp(copy, p.time());
            copy.append('\t').append(p.lat()).append('\t')
                    .append(p.lon()).append('\t').append((float) p.speedKmh()).append('\t').append(p.direction())
                    .append('\t').append(p.alarmBits()).append('\t').append(p.statusBits()).append('\t')
                    .append(p.mileageKm() == null ? "\\N" : p.mileageKm().toString()).append('\t')
                    .append(p.altitudeM() == null ? "\\N" : p.altitudeM().toString()).append('\t')
                    .append(receivedText).append('\n');
        }
        Set<StoredKey> inserted = new HashSet<>(positions.size() * 2);
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TEMP TABLE IF NOT EXISTS telemetry_position_stage "
                            + "(LIKE telemetry_position) ON COMMIT DELETE ROWS");
                }
                copyIn(c, "COPY telemetry_position_stage (" + COLUMNS + ") FROM STDIN",
                        new StringReader(copy.toString()));
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("INSERT INTO telemetry_position (" + COLUMNS + ") SELECT "
                                + COLUMNS + " FROM telemetry_position_stage ON CONFLICT DO NOTHING "
                                + "RETURNING terminal, CAST(EXTRACT(EPOCH FROM reported_at) * 1000000 AS BIGINT)")) {
                    while (rs.next()) {
                        inserted.add(new StoredKey(rs.getString(1), rs.getLong(2)));
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO telemetry_last_position (" + COLUMNS + ") SELECT DISTINCT ON "
                            + "(terminal) " + COLUMNS + " FROM telemetry_position_stage ORDER BY terminal, "
                            + "reported_at DESC ON CONFLICT (terminal) DO UPDATE SET reported_at = EXCLUDED.reported_at, "
                            + "lat = EXCLUDED.lat, lon = EXCLUDED.lon, speed_kmh = EXCLUDED.speed_kmh, "
                            + "direction = EXCLUDED.direction, alarm_bits = EXCLUDED.alarm_bits, "
                            + "status_bits = EXCLUDED.status_bits, mileage_km = EXCLUDED.mileage_km, "
                            + "altitude_m = EXCLUDED.altitude_m, received_at = EXCLUDED.received_at "
                            + "WHERE telemetry_last_position.reported_at < EXCLUDED.reported_at");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
        boolean[] fresh = new boolean[positions.size()];
        for (int i = 0; i < fresh.length; i++) {
            Position p = positions.get(i);
            fresh[i] = inserted.remove(new StoredKey(p.terminal(), CopyText.micros(p.time())));
        }
        return fresh;
    }

    /** A stored row's identity: terminal and time to the microsecond (the table's primary key). */
    private record StoredKey(String terminal, long micros) {
    }

    private void copyIn(Connection c, String sql, Reader data) throws SQLException {
        try {
            if (copyIn == null) {
                Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
                copyApi = pgConnection.getMethod("getCopyAPI");
                copyIn = Class.forName("org.postgresql.copy.CopyManager").getMethod("copyIn", String.class,
                        Reader.class);
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
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
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

    private boolean[] appendPortable(List<Position> positions) throws SQLException {
        OffsetDateTime received = DbTime.toDb(clock.instant());
        boolean[] fresh = new boolean[positions.size()];
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
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
                        PreparedStatement insert = c.prepareStatement("INSERT INTO telemetry_last_position ("
                                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
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
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
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

    // ---- reads and retention

    @Override
    public Map<String, Position> latest() {
        Map<String, Position> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM telemetry_last_position")) {
            while (rs.next()) {
                Position p = read(rs);
                out.put(p.terminal(), p);
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
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM telemetry_position WHERE terminal = ?")) {
            ps.setString(1, terminal);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Position read(ResultSet rs) throws SQLException {
        double mileage = rs.getDouble(9);
        Double m = rs.wasNull() ? null : mileage;
        int alt = rs.getInt(10);
        Integer a = rs.wasNull() ? null : alt;
        return new Position(rs.getString(1), DbTime.fromDb(rs.getObject(2, OffsetDateTime.class)), rs.getDouble(3),
                rs.getDouble(4), Math.round(rs.getFloat(5) * 10) / 10.0, rs.getInt(6), rs.getLong(7), rs.getLong(8),
                m, a);
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!postgres) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM telemetry_position WHERE reported_at < ?")) {
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
