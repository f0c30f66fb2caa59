package org.cityops.muck.registry;

import static org.cityops.muck.registry.ScopedQueries.insert;
import static org.cityops.muck.registry.ScopedQueries.orDefault;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.muck.registry.RegistryModel.DisposalSite;
import org.cityops.muck.registry.RegistryModel.DisposalSiteRequest;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disposal sites (消纳场): polygon, capacity and remaining volume (the alarm engine lowers it with every completed
 * trip), in the data scope of their district; audited as {@code MUCK_DISPOSAL_SITE}.
 */
@Service
public class DisposalSites {

    private static final String CODE_TAKEN = "SELECT COUNT(*) FROM muck_disposal_site WHERE code = :v";

    private final ScopedQueries q;
    private final AuditTrail audit;
    private final RegistryChanges changes;

    DisposalSites(ScopedQueries q, AuditTrail audit, RegistryChanges changes) {
        this.q = q;
        this.audit = audit;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<DisposalSite> disposalSites(StaffMember me) {
        return q.list(me, "muck_disposal_site", "code", DisposalSites::disposal);
    }

    @Transactional(readOnly = true)
    public DisposalSite disposalSite(StaffMember me, long id) {
        return q.find(
                me,
                "SELECT * FROM muck_disposal_site WHERE id = :id",
                id,
                "district_code",
                DisposalSites::disposal,
                "消纳场不存在 disposal site not found",
                "disposal site ");
    }

    @Transactional
    public DisposalSite createDisposalSite(StaffMember me, DisposalSiteRequest r) {
        ScopedQueries.check(me, r.districtCode(), "district");
        String polygon = Wkt.polygon(r.polygon(), "polygon");
        checkCapacity(r.capacityM3(), r.remainingM3());
        q.unique(CODE_TAKEN, r.code(), "code", "消纳场编码已存在 disposal site code exists");
        long id = insert(q.jdbc()
                .sql("""
                INSERT INTO muck_disposal_site (code, name, district_code, address, polygon_wkt, capacity_m3,
                  remaining_m3, accepted_types, status)
                VALUES (:code, :name, :district, :address, :polygon, :capacity, :remaining, :types, :status)""")
                .param("code", r.code().trim())
                .param("name", r.name().trim())
                .param("district", r.districtCode())
                .param("address", r.address())
                .param("polygon", polygon)
                .param("capacity", r.capacityM3())
                .param("remaining", r.remainingM3() == null ? r.capacityM3() : r.remainingM3())
                .param("types", r.acceptedTypes())
                .param("status", orDefault(r.status(), "ACTIVE")));
        audit.record("MUCK_DISPOSAL_SITE", String.valueOf(id), "CREATE", null, r.code() + " " + r.name());
        changes.changed();
        return disposalSite(me, id);
    }

    @Transactional
    public DisposalSite updateDisposalSite(StaffMember me, long id, DisposalSiteRequest r) {
        DisposalSite before = disposalSite(me, id);
        ScopedQueries.check(me, r.districtCode(), "district");
        String polygon = Wkt.polygon(r.polygon(), "polygon");
        checkCapacity(r.capacityM3(), r.remainingM3());
        if (!before.code().equals(r.code().trim())) {
            q.unique(CODE_TAKEN, r.code(), "code", "消纳场编码已存在 disposal site code exists");
        }
        q.jdbc()
                .sql("""
                UPDATE muck_disposal_site SET code = :code, name = :name, district_code = :district, address = :address,
                  polygon_wkt = :polygon, capacity_m3 = :capacity, remaining_m3 = :remaining, accepted_types = :types,
                  status = :status, version = version + 1 WHERE id = :id""")
                .param("code", r.code().trim())
                .param("name", r.name().trim())
                .param("district", r.districtCode())
                .param("address", r.address())
                .param("polygon", polygon)
                .param("capacity", r.capacityM3())
                .param("remaining", r.remainingM3())
                .param("types", r.acceptedTypes())
                .param("status", orDefault(r.status(), before.status()))
                .param("id", id)
                .update();
        audit.record(
                "MUCK_DISPOSAL_SITE",
                String.valueOf(id),
                "UPDATE",
                before.code() + " remaining " + before.remainingM3(),
                r.code() + " remaining " + r.remainingM3());
        changes.changed();
        return disposalSite(me, id);
    }

    private static void checkCapacity(BigDecimal capacity, BigDecimal remaining) {
        if (capacity != null && remaining != null && remaining.compareTo(capacity) > 0) {
            throw new InvalidInputException("剩余库容不能大于总库容 remaining volume exceeds capacity", "remainingM3");
        }
    }

    private static DisposalSite disposal(ResultSet rs, int n) throws SQLException {
        return new DisposalSite(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("district_code"),
                rs.getString("address"),
                rs.getString("polygon_wkt"),
                rs.getBigDecimal("capacity_m3"),
                rs.getBigDecimal("remaining_m3"),
                rs.getString("accepted_types"),
                rs.getString("status"));
    }
}
