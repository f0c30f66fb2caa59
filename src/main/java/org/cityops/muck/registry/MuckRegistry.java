package org.cityops.muck.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cityops.audit.AuditTrail;
import org.cityops.muck.registry.RegistryModel.Permit;
import org.cityops.muck.registry.RegistryModel.PermitRequest;
import org.cityops.muck.registry.RegistryModel.Vehicle;
import org.cityops.muck.registry.RegistryModel.Zone;
import org.cityops.muck.registry.RegistryModel.ZoneRequest;
import org.cityops.platform.ActorProvider;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The construction-waste registry (登记备案) records not yet in a class of their own: zones (companies,
 * vehicles, drivers, sites, disposal sites and permits are in {@link Companies}, {@link Vehicles},
 * {@link Drivers}, {@link Sites}, {@link DisposalSites}, {@link Permits}); the vehicle lookups delegate to {@link Vehicles} for callers written against this class. Every
 * change is audited in its transaction, checked against the caller's data scope, and tells the
 * {@link RegistryChangeListener}s after the commit (the alarm engine rebuilds its world).
 */
@Service
public class MuckRegistry {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MuckScope scope;
    private final Clock clock;
    private final ActorProvider actors;
    private final List<RegistryChangeListener> listeners;
    private final Companies companies;
    private final Vehicles vehicles;
    private final Sites sites;
    private final DisposalSites disposalSites;

    MuckRegistry(JdbcClient jdbc, AuditTrail audit, MuckScope scope, Clock clock, ActorProvider actors,
            List<RegistryChangeListener> listeners, Companies companies, Vehicles vehicles,
            Sites sites, DisposalSites disposalSites) {
        this.sites = sites;
        this.disposalSites = disposalSites;
        this.companies = companies;
        this.vehicles = vehicles;
        this.jdbc = jdbc;
        this.audit = audit;
        this.scope = scope;
        this.clock = clock;
        this.actors = actors;
        this.listeners = listeners;
    }

    // =========================================================== vehicle lookups (kept: see the class comment)
    /** @see Vehicles#vehicles(Long, String) */
    @Transactional(readOnly = true)
    public List<Vehicle> vehicles(Long companyId, String q) {
        return vehicles.vehicles(companyId, q);
    }

    /** @see Vehicles#vehicle(long) */
    @Transactional(readOnly = true)
    public Vehicle vehicle(long id) {
        return vehicles.vehicle(id);
    }

    /** @see Vehicles#vehicleByTerminal(String) */
    @Transactional(readOnly = true)
    public Optional<Vehicle> vehicleByTerminal(String terminal) {
        return vehicles.vehicleByTerminal(terminal);
    }

    /** The table's rows in the caller's area. */
    private <T> List<T> listInScope(String table, String orderBy, org.springframework.jdbc.core.RowMapper<T> mapper) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE (:scope = '' OR district_code LIKE :like) ORDER BY " + orderBy)
                .param("scope", scope.prefix()).param("like", scope.like()).query(mapper).list();
    }

    /** One row by id, or 404; then 403 unless its district is in the caller's area. */
    private <T> T findInScope(String sql, long id, org.springframework.jdbc.core.RowMapper<T> mapper,
            java.util.function.Function<T, String> district, String notFound, String what) {
        T row = jdbc.sql(sql).param("id", id).query(mapper).optional()
                .orElseThrow(() -> new NotFoundException(notFound));
        scope.check(district.apply(row), what + id);
        return row;
    }

    // =========================================================== zones
    @Transactional(readOnly = true)
    public List<Zone> zones() {
        return listInScope("muck_zone", "kind, name", MuckRegistry::zone);
    }

    @Transactional(readOnly = true)
    public Zone zone(long id) {
        return findInScope("SELECT * FROM muck_zone WHERE id = :id", id, MuckRegistry::zone, Zone::districtCode,
                "区域不存在 zone not found", "zone ");
    }

    @Transactional
    public Zone createZone(ZoneRequest r) {
        scope.check(r.districtCode(), "district");
        String polygon = checkZone(r);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_zone (name, kind, polygon_wkt, speed_limit_kmh, window_start, window_end,
                  district_code, active)
                VALUES (:name, :kind, :polygon, :limit, :start, :end, :district, :active)""")
                .param("name", r.name().trim()).param("kind", r.kind()).param("polygon", polygon)
                .param("limit", r.speedLimitKmh()).param("start", r.windowStart()).param("end", r.windowEnd())
                .param("district", r.districtCode()).param("active", r.active() == null || r.active())
                .update(keys, "id");
        long id = key(keys);
        audit.record("MUCK_ZONE", String.valueOf(id), "CREATE", null, r.kind() + " " + r.name());
        changed();
        return zone(id);
    }

    @Transactional
    public Zone updateZone(long id, ZoneRequest r) {
        Zone before = zone(id);
        scope.check(r.districtCode(), "district");
        String polygon = checkZone(r);
        jdbc.sql("""
                UPDATE muck_zone SET name = :name, kind = :kind, polygon_wkt = :polygon, speed_limit_kmh = :limit,
                  window_start = :start, window_end = :end, district_code = :district, active = :active,
                  version = version + 1 WHERE id = :id""")
                .param("name", r.name().trim()).param("kind", r.kind()).param("polygon", polygon)
                .param("limit", r.speedLimitKmh()).param("start", r.windowStart()).param("end", r.windowEnd())
                .param("district", r.districtCode()).param("active", r.active() == null || r.active())
                .param("id", id).update();
        audit.record("MUCK_ZONE", String.valueOf(id), "UPDATE", before.kind() + " " + before.name() + " " + before.active(),
                r.kind() + " " + r.name() + " " + (r.active() == null || r.active()));
        changed();
        return zone(id);
    }

    private static String checkZone(ZoneRequest r) {
        if ("SPEED".equals(r.kind()) && r.speedLimitKmh() == null) {
            throw new InvalidInputException("限速区需要限速值 a speed zone needs speedLimitKmh", "speedLimitKmh");
        }
        if ((r.windowStart() == null) != (r.windowEnd() == null)) {
            throw new InvalidInputException("时段需同时给出开始和结束 give both windowStart and windowEnd", "windowEnd");
        }
        return Wkt.polygon(r.polygon(), "polygon");
    }

    private static Zone zone(ResultSet rs, int n) throws SQLException {
        int limit = rs.getInt("speed_limit_kmh");
        Integer speed = rs.wasNull() ? null : limit;
        return new Zone(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("polygon_wkt"),
                speed, rs.getString("window_start"), rs.getString("window_end"), rs.getString("district_code"),
                rs.getBoolean("active"));
    }

    // =========================================================== helpers
    private void unique(String sql, String value, String field, String message) {
        if (jdbc.sql(sql).param("v", value.trim()).query(Long.class).single() > 0) {
            throw new ConflictException(message, field);
        }
    }

    private void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    listeners.forEach(RegistryChangeListener::registryChanged);
                }
            });
        } else {
            listeners.forEach(RegistryChangeListener::registryChanged);
        }
    }

    private static long key(GeneratedKeyHolder keys) {
        return keys.getKey().longValue();
    }

    private static String orDefault(String s, String d) {
        return s == null || s.isBlank() ? d : s;
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static LocalDate localDate(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
