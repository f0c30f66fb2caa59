package org.cityops.telemetry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.cityops.platform.DbTime;
import org.cityops.telemetry.pipeline.AuthCodeStore;

/** Auth codes in telemetry_terminal, cached (authentication runs on the network threads). */
final class JdbcAuthCodes implements AuthCodeStore {

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    JdbcAuthCodes(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Optional<String> find(String terminal) {
        String cached = cache.get(terminal);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT auth_code FROM telemetry_terminal WHERE terminal = ?")) {
            ps.setString(1, terminal);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    cache.put(terminal, rs.getString(1));
                    return Optional.of(rs.getString(1));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read auth codes", e);
        }
    }

    @Override
    public void save(String terminal, String authCode, String plate) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry_terminal (terminal, auth_code, plate, "
                        + "registered_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, terminal);
            ps.setString(2, authCode);
            ps.setString(3, plate == null || plate.length() > 32 ? null : plate);
            ps.setObject(4, DbTime.toDb(clock.instant()));
            if (ps.executeUpdate() == 1) {
                cache.put(terminal, authCode);
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the auth code", e);
        }
        cache.remove(terminal); // another node registered it first: its code wins
        find(terminal);
    }

    /** Loads every code once (a few bytes per terminal), so authentication rarely needs the database. */
    void preload() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT terminal, auth_code FROM telemetry_terminal");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                cache.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read auth codes", e);
        }
    }
}
