package org.cityops.muck.registry;

import static org.cityops.muck.registry.ScopedQueries.insert;
import static org.cityops.muck.registry.ScopedQueries.localDate;
import static org.cityops.muck.registry.ScopedQueries.nullableLong;
import static org.cityops.muck.registry.ScopedQueries.orDefault;
import static org.cityops.muck.registry.ScopedQueries.sqlDate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditTrail;
import org.cityops.muck.registry.RegistryModel.Permit;
import org.cityops.muck.registry.RegistryModel.PermitRequest;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Permits (处置核准): vehicles, source site → disposal site, route and corridor, valid dates and daily window; in
 * the data scope of the source site's district; audited as {@code MUCK_PERMIT}.
 */
@Service
public class Permits {

    private static final String SELECT = """
            SELECT p.*, s.name AS site_name, s.district_code AS site_district, d.name AS disposal_name
            FROM muck_permit p JOIN muck_site s ON s.id = p.site_id JOIN muck_disposal_site d ON d.id = p.disposal_site_id""";
    private static final String NUMBER_TAKEN = "SELECT COUNT(*) FROM muck_permit WHERE permit_no = :v";

    private final ScopedQueries q;
    private final Companies companies;
    private final Sites sites;
    private final DisposalSites disposalSites;
    private final AuditTrail audit;
    private final RegistryChanges changes;

    Permits(
            ScopedQueries q,
            Companies companies,
            Sites sites,
            DisposalSites disposalSites,
            AuditTrail audit,
            RegistryChanges changes) {
        this.q = q;
        this.companies = companies;
        this.sites = sites;
        this.disposalSites = disposalSites;
        this.audit = audit;
        this.changes = changes;
    }

    /** The permits whose site lies in the caller's area, of one site and naming one vehicle if given. */
    @Transactional(readOnly = true)
    public List<Permit> permits(StaffMember me, Long siteId, Long vehicleId) {
        List<Permit> raw = q.inScope(me, SELECT + " " + """
                 WHERE (:scope = '' OR s.district_code LIKE :like)
                   AND (CAST(:site AS BIGINT) IS NULL OR p.site_id = :site)
                   AND (CAST(:vehicle AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM muck_permit_vehicle pv
                        WHERE pv.permit_id = p.id AND pv.vehicle_id = :vehicle))
                 ORDER BY p.valid_from DESC, p.permit_no""")
                .param("site", siteId)
                .param("vehicle", vehicleId)
                .query((rs, n) -> permit(rs, List.of()))
                .list();
        Map<Long, List<Long>> vehicles = permitVehicles();
        List<Permit> out = new ArrayList<>(raw.size());
        for (Permit p : raw) {
            out.add(withVehicles(p, vehicles.getOrDefault(p.id(), List.of())));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Permit permit(StaffMember me, long id) {
        Permit p = q.find(
                me,
                SELECT + " WHERE p.id = :id",
                id,
                "site_district",
                (rs, n) -> permit(rs, List.of()),
                "核准不存在 permit not found",
                "permit ");
        return withVehicles(
                p,
                q.jdbc()
                        .sql("SELECT vehicle_id FROM muck_permit_vehicle WHERE permit_id = :id ORDER BY vehicle_id")
                        .param("id", id)
                        .query(Long.class)
                        .list());
    }

    @Transactional
    public Permit createPermit(StaffMember me, PermitRequest r) {
        String route = checkPermit(me, r);
        q.unique(NUMBER_TAKEN, r.permitNo(), "permitNo", "核准编号已存在 permit number exists");
        long id = insert(q.jdbc()
                .sql("""
                INSERT INTO muck_permit (permit_no, company_id, site_id, disposal_site_id, route_wkt, corridor_m,
                  valid_from, valid_to, daily_start, daily_end, status)
                VALUES (:no, :company, :site, :disposal, :route, :corridor, :from, :to, :start, :end, :status)""")
                .param("no", r.permitNo().trim())
                .param("company", r.companyId())
                .param("site", r.siteId())
                .param("disposal", r.disposalSiteId())
                .param("route", route)
                .param("corridor", r.corridorM() == null ? Integer.valueOf(50) : r.corridorM())
                .param("from", sqlDate(r.validFrom()))
                .param("to", sqlDate(r.validTo()))
                .param("start", r.dailyStart())
                .param("end", r.dailyEnd())
                .param("status", orDefault(r.status(), "ACTIVE")));
        setVehicles(id, r.vehicleIds());
        audit.record(
                "MUCK_PERMIT",
                String.valueOf(id),
                "CREATE",
                null,
                r.permitNo() + " " + r.validFrom() + ".." + r.validTo() + " vehicles " + r.vehicleIds());
        changes.changed();
        return permit(me, id);
    }

    @Transactional
    public Permit updatePermit(StaffMember me, long id, PermitRequest r) {
        Permit before = permit(me, id);
        String route = checkPermit(me, r);
        if (!before.permitNo().equals(r.permitNo().trim())) {
            q.unique(NUMBER_TAKEN, r.permitNo(), "permitNo", "核准编号已存在 permit number exists");
        }
        q.jdbc()
                .sql("""
                UPDATE muck_permit SET permit_no = :no, company_id = :company, site_id = :site,
                  disposal_site_id = :disposal, route_wkt = :route, corridor_m = :corridor, valid_from = :from,
                  valid_to = :to, daily_start = :start, daily_end = :end, status = :status, version = version + 1
                WHERE id = :id""")
                .param("no", r.permitNo().trim())
                .param("company", r.companyId())
                .param("site", r.siteId())
                .param("disposal", r.disposalSiteId())
                .param("route", route)
                .param("corridor", r.corridorM() == null ? Integer.valueOf(before.corridorM()) : r.corridorM())
                .param("from", sqlDate(r.validFrom()))
                .param("to", sqlDate(r.validTo()))
                .param("start", r.dailyStart())
                .param("end", r.dailyEnd())
                .param("status", orDefault(r.status(), before.status()))
                .param("id", id)
                .update();
        setVehicles(id, r.vehicleIds());
        audit.record(
                "MUCK_PERMIT",
                String.valueOf(id),
                "UPDATE",
                before.permitNo() + " " + before.status() + " vehicles " + before.vehicleIds(),
                r.permitNo() + " " + orDefault(r.status(), before.status()) + " vehicles " + r.vehicleIds());
        changes.changed();
        return permit(me, id);
    }

    /**
     * Dates in order, both ends of the daily window or neither, site, disposal site and company exist in the
     * caller's scope, every vehicle exists; returns the checked route.
     */
    private String checkPermit(StaffMember me, PermitRequest r) {
        if (r.validTo().isBefore(r.validFrom())) {
            throw new InvalidInputException("有效期结束早于开始 validTo before validFrom", "validTo");
        }
        if ((r.dailyStart() == null) != (r.dailyEnd() == null)) {
            throw new InvalidInputException("时段需同时给出开始和结束 give both dailyStart and dailyEnd", "dailyEnd");
        }
        sites.site(me, r.siteId());
        disposalSites.disposalSite(me, r.disposalSiteId());
        if (r.companyId() != null) {
            companies.company(me, r.companyId());
        }
        if (r.vehicleIds() != null) {
            for (Long v : r.vehicleIds()) {
                if (v == null) {
                    throw new InvalidInputException("车辆编号不能为空 vehicle id missing", "vehicleIds");
                }
                if (q.jdbc()
                                .sql("SELECT COUNT(*) FROM muck_vehicle WHERE id = :id")
                                .param("id", v)
                                .query(Long.class)
                                .single()
                        == 0) {
                    throw new InvalidInputException("车辆不存在 unknown vehicle " + v, "vehicleIds");
                }
            }
        }
        return Wkt.line(r.route(), "route");
    }

    private void setVehicles(long permitId, List<Long> vehicleIds) {
        q.jdbc()
                .sql("DELETE FROM muck_permit_vehicle WHERE permit_id = :id")
                .param("id", permitId)
                .update();
        if (vehicleIds == null) {
            return;
        }
        for (Long v : new LinkedHashSet<>(vehicleIds)) {
            q.jdbc()
                    .sql("INSERT INTO muck_permit_vehicle (permit_id, vehicle_id) VALUES (:p, :v)")
                    .param("p", permitId)
                    .param("v", v)
                    .update();
        }
    }

    private Map<Long, List<Long>> permitVehicles() {
        Map<Long, List<Long>> map = new HashMap<>();
        q.jdbc()
                .sql("SELECT permit_id, vehicle_id FROM muck_permit_vehicle ORDER BY vehicle_id")
                .query(rs -> {
                    map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return map;
    }

    private static Permit permit(ResultSet rs, List<Long> vehicles) throws SQLException {
        return new Permit(
                rs.getLong("id"),
                rs.getString("permit_no"),
                nullableLong(rs, "company_id"),
                rs.getLong("site_id"),
                rs.getString("site_name"),
                rs.getLong("disposal_site_id"),
                rs.getString("disposal_name"),
                rs.getString("route_wkt"),
                rs.getInt("corridor_m"),
                localDate(rs, "valid_from"),
                localDate(rs, "valid_to"),
                rs.getString("daily_start"),
                rs.getString("daily_end"),
                rs.getString("status"),
                vehicles);
    }

    private static Permit withVehicles(Permit p, List<Long> v) {
        return new Permit(
                p.id(),
                p.permitNo(),
                p.companyId(),
                p.siteId(),
                p.siteName(),
                p.disposalSiteId(),
                p.disposalSiteName(),
                p.route(),
                p.corridorM(),
                p.validFrom(),
                p.validTo(),
                p.dailyStart(),
                p.dailyEnd(),
                p.status(),
                List.copyOf(v));
    }
}
