package org.cityops.muck.registry;

import static org.cityops.muck.registry.ScopedQueries.insert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.muck.registry.RegistryModel.Zone;
import org.cityops.muck.registry.RegistryModel.ZoneRequest;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zones: no-go zones (禁行区) with an optional daily window and speed zones (限速区) with a limit; in the data scope
 * of their district; audited as {@code MUCK_ZONE}.
 */
@Service
public class Zones {

    private final ScopedQueries q;
    private final AuditTrail audit;
    private final RegistryChanges changes;

    Zones(ScopedQueries q, AuditTrail audit, RegistryChanges changes) {
        this.q = q;
        this.audit = audit;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<Zone> zones(StaffMember me) {
        return q.list(me, "muck_zone", "kind, name", Zones::zone);
    }

    @Transactional(readOnly = true)
    public Zone zone(StaffMember me, long id) {
        return q.find(
                me,
                "SELECT * FROM muck_zone WHERE id = :id",
                id,
                "district_code",
                Zones::zone,
                "区域不存在 zone not found",
                "zone ");
    }

    @Transactional
    public Zone createZone(StaffMember me, ZoneRequest r) {
        ScopedQueries.check(me, r.districtCode(), "district");
        String polygon = checkZone(r);
        long id = insert(q.jdbc()
                .sql("""
                INSERT INTO muck_zone (name, kind, polygon_wkt, speed_limit_kmh, window_start, window_end,
                  district_code, active)
                VALUES (:name, :kind, :polygon, :limit, :start, :end, :district, :active)""")
                .param("name", r.name().trim())
                .param("kind", r.kind())
                .param("polygon", polygon)
                .param("limit", r.speedLimitKmh())
                .param("start", r.windowStart())
                .param("end", r.windowEnd())
                .param("district", r.districtCode())
                .param("active", r.active() == null || r.active()));
        audit.record("MUCK_ZONE", String.valueOf(id), "CREATE", null, r.kind() + " " + r.name());
        changes.changed();
        return zone(me, id);
    }

    @Transactional
    public Zone updateZone(StaffMember me, long id, ZoneRequest r) {
        Zone before = zone(me, id);
        ScopedQueries.check(me, r.districtCode(), "district");
        String polygon = checkZone(r);
        q.jdbc()
                .sql("""
                UPDATE muck_zone SET name = :name, kind = :kind, polygon_wkt = :polygon, speed_limit_kmh = :limit,
                  window_start = :start, window_end = :end, district_code = :district, active = :active,
                  version = version + 1 WHERE id = :id""")
                .param("name", r.name().trim())
                .param("kind", r.kind())
                .param("polygon", polygon)
                .param("limit", r.speedLimitKmh())
                .param("start", r.windowStart())
                .param("end", r.windowEnd())
                .param("district", r.districtCode())
                .param("active", r.active() == null || r.active())
                .param("id", id)
                .update();
        audit.record(
                "MUCK_ZONE",
                String.valueOf(id),
                "UPDATE",
                before.kind() + " " + before.name() + " " + before.active(),
                r.kind() + " " + r.name() + " " + (r.active() == null || r.active()));
        changes.changed();
        return zone(me, id);
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
        return new Zone(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("polygon_wkt"),
                speed,
                rs.getString("window_start"),
                rs.getString("window_end"),
                rs.getString("district_code"),
                rs.getBoolean("active"));
    }
}
