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
 * The construction-waste registry (登记备案) records not yet in a class of their own: permits and zones
 * (companies, vehicles, drivers, sites and disposal sites are in {@link Companies}, {@link Vehicles},
 * {@link Drivers}, {@link Sites}, {@link DisposalSites}); the vehicle lookups delegate to {@link Vehicles} for callers written against this class. Every
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

    // =========================================================== permits (核准)
    private static final String PERMIT_SELECT = """
            SELECT p.*, s.name AS site_name, s.district_code AS site_district, d.name AS disposal_name
            FROM muck_permit p JOIN muck_site s ON s.id = p.site_id JOIN muck_disposal_site d ON d.id = p.disposal_site_id""";

    @Transactional(readOnly = true)
    public List<Permit> permits(Long siteId, Long vehicleId) {
        List<Permit> raw = jdbc.sql(PERMIT_SELECT + " " + """
                 WHERE (:scope = '' OR s.district_code LIKE :like)
                   AND (CAST(:site AS BIGINT) IS NULL OR p.site_id = :site)
                   AND (CAST(:vehicle AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM muck_permit_vehicle pv
                        WHERE pv.permit_id = p.id AND pv.vehicle_id = :vehicle))
                 ORDER BY p.valid_from DESC, p.permit_no""")
                .param("scope", scope.prefix()).param("like", scope.like()).param("site", siteId)
                .param("vehicle", vehicleId).query((rs, n) -> permit(rs, List.of())).list();
        Map<Long, List<Long>> vehicles = permitVehicles();
        List<Permit> out = new ArrayList<>(raw.size());
        for (Permit p : raw) {
            out.add(withVehicles(p, vehicles.getOrDefault(p.id(), List.of())));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Permit permit(long id) {
        Permit p = jdbc.sql(PERMIT_SELECT + " WHERE p.id = :id").param("id", id).query((rs, n) -> {
            scope.check(rs.getString("site_district"), "permit " + id);
            return permit(rs, List.of());
        }).optional().orElseThrow(() -> new NotFoundException("核准不存在 permit not found"));
        return withVehicles(p, jdbc.sql("SELECT vehicle_id FROM muck_permit_vehicle WHERE permit_id = :id ORDER BY vehicle_id")
                .param("id", id).query(Long.class).list());
    }

    @Transactional
    public Permit createPermit(PermitRequest r) {
        String route = checkPermit(r);
        unique("SELECT COUNT(*) FROM muck_permit WHERE permit_no = :v", r.permitNo(), "permitNo",
                "核准编号已存在 permit number exists");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_permit (permit_no, company_id, site_id, disposal_site_id, route_wkt, corridor_m,
                  valid_from, valid_to, daily_start, daily_end, status)
                VALUES (:no, :company, :site, :disposal, :route, :corridor, :from, :to, :start, :end, :status)""")
                .param("no", r.permitNo().trim()).param("company", r.companyId()).param("site", r.siteId())
                .param("disposal", r.disposalSiteId()).param("route", route)
                .param("corridor", r.corridorM() == null ? 50 : r.corridorM()).param("from", sqlDate(r.validFrom()))
                .param("to", sqlDate(r.validTo())).param("start", r.dailyStart()).param("end", r.dailyEnd())
                .param("status", orDefault(r.status(), "ACTIVE")).update(keys, "id");
        long id = key(keys);
        setPermitVehicles(id, r.vehicleIds());
        audit.record("MUCK_PERMIT", String.valueOf(id), "CREATE", null,
                r.permitNo() + " " + r.validFrom() + ".." + r.validTo() + " vehicles " + r.vehicleIds());
        changed();
        return permit(id);
    }

    @Transactional
    public Permit updatePermit(long id, PermitRequest r) {
        Permit before = permit(id);
        String route = checkPermit(r);
        if (!before.permitNo().equals(r.permitNo().trim())) {
            unique("SELECT COUNT(*) FROM muck_permit WHERE permit_no = :v", r.permitNo(), "permitNo",
                    "核准编号已存在 permit number exists");
        }
        jdbc.sql("""
                UPDATE muck_permit SET permit_no = :no, company_id = :company, site_id = :site,
                  disposal_site_id = :disposal, route_wkt = :route, corridor_m = :corridor, valid_from = :from,
                  valid_to = :to, daily_start = :start, daily_end = :end, status = :status, version = version + 1
                WHERE id = :id""")
                .param("no", r.permitNo().trim()).param("company", r.companyId()).param("site", r.siteId())
                .param("disposal", r.disposalSiteId()).param("route", route)
                .param("corridor", r.corridorM() == null ? before.corridorM() : r.corridorM())
                .param("from", sqlDate(r.validFrom())).param("to", sqlDate(r.validTo())).param("start", r.dailyStart())
                .param("end", r.dailyEnd()).param("status", orDefault(r.status(), before.status())).param("id", id)
                .update();
        setPermitVehicles(id, r.vehicleIds());
        audit.record("MUCK_PERMIT", String.valueOf(id), "UPDATE",
                before.permitNo() + " " + before.status() + " vehicles " + before.vehicleIds(),
                r.permitNo() + " " + orDefault(r.status(), before.status()) + " vehicles " + r.vehicleIds());
        changed();
        return permit(id);
    }

    private String checkPermit(PermitRequest r) {
        if (r.validTo().isBefore(r.validFrom())) {
            throw new InvalidInputException("有效期结束早于开始 validTo before validFrom", "validTo");
        }
        if ((r.dailyStart() == null) != (r.dailyEnd() == null)) {
            throw new InvalidInputException("时段需同时给出开始和结束 give both dailyStart and dailyEnd", "dailyEnd");
        }
        sites.site(r.siteId());
        disposalSites.disposalSite(r.disposalSiteId());
        if (r.companyId() != null) {
            companies.company(r.companyId());
        }
        if (r.vehicleIds() != null) {
            for (Long v : r.vehicleIds()) {
                if (v == null) {
                    throw new InvalidInputException("车辆编号不能为空 vehicle id missing", "vehicleIds");
                }
                if (jdbc.sql("SELECT COUNT(*) FROM muck_vehicle WHERE id = :id").param("id", v).query(Long.class)
                        .single() == 0) {
                    throw new InvalidInputException("车辆不存在 unknown vehicle " + v, "vehicleIds");
                }
            }
        }
        return Wkt.line(r.route(), "route");
    }

    private void setPermitVehicles(long permitId, List<Long> vehicleIds) {
        jdbc.sql("DELETE FROM muck_permit_vehicle WHERE permit_id = :id").param("id", permitId).update();
        if (vehicleIds == null) {
            return;
        }
        for (Long v : new LinkedHashSet<>(vehicleIds)) {
            jdbc.sql("INSERT INTO muck_permit_vehicle (permit_id, vehicle_id) VALUES (:p, :v)").param("p", permitId)
                    .param("v", v).update();
        }
    }

    private Map<Long, List<Long>> permitVehicles() {
        Map<Long, List<Long>> map = new HashMap<>();
        jdbc.sql("SELECT permit_id, vehicle_id FROM muck_permit_vehicle ORDER BY vehicle_id").query(rs -> {
            map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        return map;
    }

    private static Permit permit(ResultSet rs, List<Long> vehicles) throws SQLException {
        return new Permit(rs.getLong("id"), rs.getString("permit_no"), nullableLong(rs, "company_id"),
                rs.getLong("site_id"), rs.getString("site_name"), rs.getLong("disposal_site_id"),
                rs.getString("disposal_name"), rs.getString("route_wkt"), rs.getInt("corridor_m"),
                localDate(rs, "valid_from"), localDate(rs, "valid_to"), rs.getString("daily_start"),
                rs.getString("daily_end"), rs.getString("status"), vehicles);
    }

    private static Permit withVehicles(Permit p, List<Long> v) {
        return new Permit(p.id(), p.permitNo(), p.companyId(), p.siteId(), p.siteName(), p.disposalSiteId(),
                p.disposalSiteName(), p.route(), p.corridorM(), p.validFrom(), p.validTo(), p.dailyStart(),
                p.dailyEnd(), p.status(), List.copyOf(v));
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
