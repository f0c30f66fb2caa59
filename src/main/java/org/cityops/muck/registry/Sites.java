package org.cityops.muck.registry;

import static org.cityops.muck.registry.ScopedQueries.insert;
import static org.cityops.muck.registry.ScopedQueries.localDate;
import static org.cityops.muck.registry.ScopedQueries.orDefault;
import static org.cityops.muck.registry.ScopedQueries.sqlDate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.muck.registry.RegistryModel.Site;
import org.cityops.muck.registry.RegistryModel.SiteRecord;
import org.cityops.muck.registry.RegistryModel.SiteRecordRequest;
import org.cityops.muck.registry.RegistryModel.SiteRequest;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Construction sites (出土工地) and their file (一工地一档案: documents, on-site duty, inspections), in the data
 * scope of the site's district; audited as {@code MUCK_SITE} (a record as {@code RECORD_<kind>} on its site).
 */
@Service
public class Sites {

    private static final String CODE_TAKEN = "SELECT COUNT(*) FROM muck_site WHERE code = :v";

    private final ScopedQueries q;
    private final AuditTrail audit;
    private final RegistryChanges changes;
    private final Clock clock;

    Sites(ScopedQueries q, AuditTrail audit, RegistryChanges changes, Clock clock) {
        this.q = q;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Site> sites(StaffMember me) {
        return q.list(me, "muck_site", "code", Sites::site);
    }

    @Transactional(readOnly = true)
    public Site site(StaffMember me, long id) {
        return q.find(
                me,
                "SELECT * FROM muck_site WHERE id = :id",
                id,
                "district_code",
                Sites::site,
                "工地不存在 site not found",
                "site ");
    }

    @Transactional
    public Site createSite(StaffMember me, SiteRequest r) {
        ScopedQueries.check(me, r.districtCode(), "district");
        String polygon = Wkt.polygon(r.polygon(), "polygon");
        String gates = Wkt.points(r.gates(), "gates");
        q.unique(CODE_TAKEN, r.code(), "code", "工地编码已存在 site code exists");
        long id = insert(q.jdbc()
                .sql("""
                INSERT INTO muck_site (code, name, district_code, address, polygon_wkt, gates_wkt, developer, contractor,
                  declared_volume_m3, waste_plan_no, waste_plan_filed_on, status)
                VALUES (:code, :name, :district, :address, :polygon, :gates, :developer, :contractor, :volume, :plan,
                  :filed, :status)""")
                .param("code", r.code().trim())
                .param("name", r.name().trim())
                .param("district", r.districtCode())
                .param("address", r.address())
                .param("polygon", polygon)
                .param("gates", gates)
                .param("developer", r.developer())
                .param("contractor", r.contractor())
                .param("volume", r.declaredVolumeM3())
                .param("plan", r.wastePlanNo())
                .param("filed", sqlDate(r.wastePlanFiledOn()))
                .param("status", orDefault(r.status(), "ACTIVE")));
        audit.record("MUCK_SITE", String.valueOf(id), "CREATE", null, r.code() + " " + r.name());
        changes.changed();
        return site(me, id);
    }

    @Transactional
    public Site updateSite(StaffMember me, long id, SiteRequest r) {
        Site before = site(me, id);
        ScopedQueries.check(me, r.districtCode(), "district");
        String polygon = Wkt.polygon(r.polygon(), "polygon");
        String gates = Wkt.points(r.gates(), "gates");
        if (!before.code().equals(r.code().trim())) {
            q.unique(CODE_TAKEN, r.code(), "code", "工地编码已存在 site code exists");
        }
        q.jdbc()
                .sql("""
                UPDATE muck_site SET code = :code, name = :name, district_code = :district, address = :address,
                  polygon_wkt = :polygon, gates_wkt = :gates, developer = :developer, contractor = :contractor,
                  declared_volume_m3 = :volume, waste_plan_no = :plan, waste_plan_filed_on = :filed, status = :status,
                  version = version + 1 WHERE id = :id""")
                .param("code", r.code().trim())
                .param("name", r.name().trim())
                .param("district", r.districtCode())
                .param("address", r.address())
                .param("polygon", polygon)
                .param("gates", gates)
                .param("developer", r.developer())
                .param("contractor", r.contractor())
                .param("volume", r.declaredVolumeM3())
                .param("plan", r.wastePlanNo())
                .param("filed", sqlDate(r.wastePlanFiledOn()))
                .param("status", orDefault(r.status(), before.status()))
                .param("id", id)
                .update();
        audit.record(
                "MUCK_SITE",
                String.valueOf(id),
                "UPDATE",
                before.code() + " " + before.status(),
                r.code() + " " + orDefault(r.status(), before.status()));
        changes.changed();
        return site(me, id);
    }

    /** The site's file, newest first (the site's scope applies). */
    @Transactional(readOnly = true)
    public List<SiteRecord> siteRecords(StaffMember me, long siteId) {
        site(me, siteId);
        return q.jdbc()
                .sql("SELECT * FROM muck_site_record WHERE site_id = :id ORDER BY recorded_at DESC, id DESC")
                .param("id", siteId)
                .query(Sites::siteRecord)
                .list();
    }

    @Transactional
    public SiteRecord addSiteRecord(StaffMember me, long siteId, SiteRecordRequest r) {
        site(me, siteId);
        var at = r.recordedAt() == null ? clock.instant() : r.recordedAt();
        long id = insert(q.jdbc()
                .sql("""
                INSERT INTO muck_site_record (site_id, kind, recorded_at, person, title, note, created_by)
                VALUES (:site, :kind, :at, :person, :title, :note, :by)""")
                .param("site", siteId)
                .param("kind", r.kind())
                .param("at", DbTime.toDb(at))
                .param("person", r.person())
                .param("title", r.title().trim())
                .param("note", r.note())
                .param("by", me.username()));
        audit.record("MUCK_SITE", String.valueOf(siteId), "RECORD_" + r.kind(), null, r.title());
        return q.jdbc()
                .sql("SELECT * FROM muck_site_record WHERE id = :id")
                .param("id", id)
                .query(Sites::siteRecord)
                .single();
    }

    private static Site site(ResultSet rs, int n) throws SQLException {
        return new Site(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("district_code"),
                rs.getString("address"),
                rs.getString("polygon_wkt"),
                rs.getString("gates_wkt"),
                rs.getString("developer"),
                rs.getString("contractor"),
                rs.getBigDecimal("declared_volume_m3"),
                rs.getString("waste_plan_no"),
                localDate(rs, "waste_plan_filed_on"),
                rs.getString("status"));
    }

    private static SiteRecord siteRecord(ResultSet rs, int n) throws SQLException {
        return new SiteRecord(
                rs.getLong("id"),
                rs.getLong("site_id"),
                rs.getString("kind"),
                DbTime.fromDb(rs.getObject("recorded_at", OffsetDateTime.class)),
                rs.getString("person"),
                rs.getString("title"),
                rs.getString("note"),
                rs.getString("created_by"));
    }
}
