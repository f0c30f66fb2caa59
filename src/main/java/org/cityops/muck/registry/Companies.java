package org.cityops.muck.registry;

import static org.cityops.muck.registry.ScopedQueries.insert;
import static org.cityops.muck.registry.ScopedQueries.localDate;
import static org.cityops.muck.registry.ScopedQueries.orDefault;
import static org.cityops.muck.registry.ScopedQueries.sqlDate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.muck.registry.RegistryModel.Company;
import org.cityops.muck.registry.RegistryModel.CompanyRequest;
import org.cityops.org.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Transport companies (运输企业), in the data scope of their district; audited as {@code MUCK_COMPANY}. */
@Service
public class Companies {

    private static final String SELECT = """
            SELECT c.*, (SELECT COUNT(*) FROM muck_vehicle v WHERE v.company_id = c.id) AS vehicles
            FROM muck_company c""";
    private static final String CODE_TAKEN = "SELECT COUNT(*) FROM muck_company WHERE code = :v";

    private final ScopedQueries q;
    private final AuditTrail audit;
    private final RegistryChanges changes;

    Companies(ScopedQueries q, AuditTrail audit, RegistryChanges changes) {
        this.q = q;
        this.audit = audit;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<Company> companies(StaffMember me) {
        return q.inScope(me, SELECT + " WHERE (:scope = '' OR c.district_code LIKE :like) ORDER BY c.code")
                .query(Companies::company)
                .list();
    }

    @Transactional(readOnly = true)
    public Company company(StaffMember me, long id) {
        return q.find(
                me,
                SELECT + " WHERE c.id = :id",
                id,
                "district_code",
                Companies::company,
                "运输企业不存在 company not found",
                "company ");
    }

    @Transactional
    public Company createCompany(StaffMember me, CompanyRequest r) {
        ScopedQueries.check(me, r.districtCode(), "district");
        q.unique(CODE_TAKEN, r.code(), "code", "企业编码已存在 company code exists");
        long id = insert(q.jdbc()
                .sql("""
                INSERT INTO muck_company (code, name, license_no, qualification, qualification_until, contact, phone,
                  district_code, status)
                VALUES (:code, :name, :license, :qual, :until, :contact, :phone, :district, :status)""")
                .param("code", r.code().trim())
                .param("name", r.name().trim())
                .param("license", r.licenseNo())
                .param("qual", r.qualification())
                .param("until", sqlDate(r.qualificationUntil()))
                .param("contact", r.contact())
                .param("phone", r.phone())
                .param("district", r.districtCode())
                .param("status", orDefault(r.status(), "ACTIVE")));
        audit.record("MUCK_COMPANY", String.valueOf(id), "CREATE", null, r.code() + " " + r.name());
        changes.changed();
        return company(me, id);
    }

    @Transactional
    public Company updateCompany(StaffMember me, long id, CompanyRequest r) {
        Company before = company(me, id);
        ScopedQueries.check(me, r.districtCode(), "district");
        if (!before.code().equals(r.code().trim())) {
            q.unique(CODE_TAKEN, r.code(), "code", "企业编码已存在 company code exists");
        }
        q.jdbc()
                .sql("""
                UPDATE muck_company SET code = :code, name = :name, license_no = :license, qualification = :qual,
                  qualification_until = :until, contact = :contact, phone = :phone, district_code = :district,
                  status = :status, version = version + 1 WHERE id = :id""")
                .param("code", r.code().trim())
                .param("name", r.name().trim())
                .param("license", r.licenseNo())
                .param("qual", r.qualification())
                .param("until", sqlDate(r.qualificationUntil()))
                .param("contact", r.contact())
                .param("phone", r.phone())
                .param("district", r.districtCode())
                .param("status", orDefault(r.status(), before.status()))
                .param("id", id)
                .update();
        audit.record(
                "MUCK_COMPANY",
                String.valueOf(id),
                "UPDATE",
                before.code() + " " + before.name() + " " + before.status(),
                r.code() + " " + r.name() + " " + orDefault(r.status(), before.status()));
        changes.changed();
        return company(me, id);
    }

    private static Company company(ResultSet rs, int n) throws SQLException {
        return new Company(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("license_no"),
                rs.getString("qualification"),
                localDate(rs, "qualification_until"),
                rs.getString("contact"),
                rs.getString("phone"),
                rs.getString("district_code"),
                rs.getString("status"),
                rs.getLong("vehicles"));
    }
}
