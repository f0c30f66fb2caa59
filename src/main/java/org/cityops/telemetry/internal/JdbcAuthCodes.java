package org.cityops.telemetry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.cityops.audit.AuditTrail;
import org.cityops.platform.Actor;
import org.cityops.platform.ClusterChanges;
import org.cityops.platform.DbTime;
import org.cityops.telemetry.pipeline.AuthCodeStore;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Auth codes in telemetry_terminal, cached (authentication runs on the network threads). Several app nodes: a
 * terminal released (解绑) through one node is announced ({@link ClusterChanges}, topic {@value #RELEASED}) and
 * forgotten by every other node's cache within one {@code cityops.cluster.sync-interval}; else the other gateways
 * would still accept the old code and refuse the terminal's new registration as "already registered".
 */
final class JdbcAuthCodes implements AuthCodeStore {

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final boolean postgres;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private ClusterChanges cluster;

    static final String RELEASED = "terminal-released";

    /** @param postgres whether the database is PostgreSQL (as {@link JdbcTrackStore#postgres()} found it) */
    JdbcAuthCodes(DataSource dataSource, boolean postgres, Clock clock, TransactionTemplate tx, AuditTrail audit) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.clock = clock;
        this.tx = tx;
        this.audit = audit;
    }

    /** Shares releases with the other nodes (a no-op on one node); called once, before the gateway starts. */
    void acrossNodes(ClusterChanges changes) {
        this.cluster = changes;
        changes.onOtherNodes(RELEASED, terminals -> terminals.forEach(cache::remove));
    }

    @Override
    public Optional<String> find(String terminal) {
        String cached = cache.get(terminal);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT auth_code FROM telemetry_terminal WHERE terminal = ?")) {
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

    /**
     * Stores a new code and its audit entry (终端注册) in one transaction. On PostgreSQL that commit does not wait
     * for the WAL flush ({@code synchronous_commit off} for this transaction only): a fleet of 10,000 terminals
     * registering after a gateway restart would otherwise queue behind one disk flush each. The price, on a
     * database crash, is the codes of the last few hundred milliseconds; those terminals fail authentication
     * once and register again (JT/T 808 8.4), which is what a terminal does anyway when its code is refused.
     */
    @Override
    public boolean save(String terminal, String authCode, String plate) {
        String storedPlate = plate == null || plate.length() > 32 ? null : plate;
        Integer inserted = tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                if (postgres) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LOCAL synchronous_commit TO OFF");
                    }
                }
                int n;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry_terminal (terminal, auth_code, "
                        + "plate, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, terminal);
                    ps.setString(2, authCode);
                    ps.setString(3, storedPlate);
                    ps.setObject(4, DbTime.toDb(clock.instant()));
                    n = ps.executeUpdate();
                }
                if (n == 1) {
                    audit.recordAs(
                            new Actor("jt808:" + terminal, "车载终端", Set.of("TERMINAL"), null),
                            "TERMINAL",
                            terminal,
                            "REGISTER",
                            null,
                            "plate=" + storedPlate);
                }
                return n;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store the auth code", e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
        if (inserted != null && inserted == 1) {
            cache.put(terminal, authCode);
            return true;
        }
        cache.remove(terminal); // another connection or node registered it first: its code stands
        find(terminal);
        return false;
    }

    /**
     * 解绑: deletes the terminal's code, with an audit entry (entity {@code TERMINAL}, action {@code RELEASE}, by
     * the signed-in staff member) in the same transaction; afterwards the terminal may register once more.
     */
    @Override
    public boolean remove(String terminal) {
        Boolean removed = tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                String plate;
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT plate FROM telemetry_terminal WHERE terminal = ? FOR UPDATE")) {
                    ps.setString(1, terminal);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return false;
                        }
                        plate = rs.getString(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM telemetry_terminal WHERE terminal = ?")) {
                    ps.setString(1, terminal);
                    ps.executeUpdate();
                }
                audit.record("TERMINAL", terminal, "RELEASE", "plate=" + plate, null);
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot release the terminal", e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
        cache.remove(terminal);
        if (Boolean.TRUE.equals(removed) && cluster != null) {
            cluster.announce(RELEASED, terminal); // committed above (tx.execute)
        }
        return Boolean.TRUE.equals(removed);
    }

    /**
     * Every code is loaded at start and every code this node stores is added, so the cache answers; a code another
     * node stored meanwhile is caught by the primary key when saving.
     */
    @Override
    public boolean knownRegistered(String terminal) {
        return cache.containsKey(terminal);
    }

    /**
     * {@link #save} for a batch: one transaction (without waiting for the WAL flush, as {@link #save}), one batched
     * insert, one audit entry per stored code. A fleet of 10,000 registering after a restart costs a few
     * transactions instead of 10,000.
     */
    @Override
    public Set<String> saveAll(List<NewCode> codes) {
        Set<String> stored = tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                if (postgres) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LOCAL synchronous_commit TO OFF");
                    }
                }
                int[] counts;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry_terminal (terminal, auth_code, "
                        + "plate, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    Object now = DbTime.toDb(clock.instant());
                    for (NewCode code : codes) {
                        ps.setString(1, code.terminal());
                        ps.setString(2, code.authCode());
                        ps.setString(3, plateToStore(code.plate()));
                        ps.setObject(4, now);
                        ps.addBatch();
                    }
                    counts = ps.executeBatch();
                }
                Set<String> ours = new HashSet<>();
                List<AuditTrail.Change> entries = new java.util.ArrayList<>();
                for (int i = 0; i < codes.size(); i++) {
                    if (counts[i] == 1 || (counts[i] < 0 && ownsCode(c, codes.get(i)))) {
                        NewCode code = codes.get(i);
                        ours.add(code.terminal());
                        entries.add(new AuditTrail.Change(
                                new Actor("jt808:" + code.terminal(), "车载终端", Set.of("TERMINAL"), null),
                                "TERMINAL",
                                code.terminal(),
                                "REGISTER",
                                null,
                                "plate=" + plateToStore(code.plate())));
                    }
                }
                if (!entries.isEmpty()) {
                    audit.recordAllAs(entries);
                }
                return ours;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store auth codes", e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
        for (NewCode code : codes) {
            if (stored.contains(code.terminal())) {
                cache.put(code.terminal(), code.authCode());
            } else {
                cache.remove(code.terminal()); // another connection or node registered it first: its code stands
            }
        }
        return stored;
    }

    /** When the driver does not tell the count of a batched row: whether the row holds this code. */
    private static boolean ownsCode(Connection c, NewCode code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT auth_code FROM telemetry_terminal WHERE terminal = ?")) {
            ps.setString(1, code.terminal());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && code.authCode().equals(rs.getString(1));
            }
        }
    }

    private static String plateToStore(String plate) {
        return plate == null || plate.length() > 32 ? null : plate;
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
