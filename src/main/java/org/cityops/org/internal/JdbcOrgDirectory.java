package org.cityops.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.cityops.org.DepartmentKind;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.OrgUnitView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcOrgDirectory implements OrgDirectory {

    private static final String UNIT_SELECT = """
            SELECT u.id, u.code, u.name, u.kind, p.code AS parent_code
            FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id""";
    private static final String DEPT_SELECT = """
            SELECT d.id, d.code, d.name, d.kind, u.code AS unit_code
            FROM department d LEFT JOIN org_unit u ON u.id = d.org_unit_id""";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final InspectorAreas inspectors;

    JdbcOrgDirectory(JdbcClient jdbc, UserAccounts accounts, InspectorAreas inspectors) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.inspectors = inspectors;
    }

    @Override
    public Optional<org.cityops.org.StaffMember> staff(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return accounts.findByUsername(username.strip())
                .filter(UserAccounts.Account::enabled)
                .map(UserAccounts.Account::staff);
    }

    @Override
    public Optional<String> phoneOf(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT COALESCE(phone, '') FROM app_user WHERE username = :u AND enabled = TRUE")
                .param("u", username.strip())
                .query(String.class)
                .optional()
                .map(String::strip)
                .filter(p -> !p.isEmpty());
    }

    @Override
    public java.util.List<org.cityops.org.StaffMember> staffWithRole(org.cityops.org.Role role) {
        return jdbc.sql("""
                SELECT u.username FROM app_user u JOIN app_user_role r ON r.user_id = u.id
                WHERE r.role = :role AND u.enabled = TRUE ORDER BY u.username LIMIT 500""").param("role", role.name()).query(String.class).list().stream()
                .flatMap(name -> staff(name).stream())
                .toList();
    }

    @Override
    public Optional<OrgUnitView> unit(String code) {
        return jdbc.sql(UNIT_SELECT + " WHERE u.code = :code")
                .param("code", code)
                .query(JdbcOrgDirectory::unit)
                .optional();
    }

    @Override
    public List<OrgUnitView> children(String parentCode) {
        return jdbc.sql(UNIT_SELECT + " WHERE p.code = :code ORDER BY u.code")
                .param("code", parentCode)
                .query(JdbcOrgDirectory::unit)
                .list();
    }

    @Override
    public List<OrgUnitView> unitsOfKind(OrgUnitKind kind) {
        return jdbc.sql(UNIT_SELECT + " WHERE u.kind = :kind ORDER BY u.code")
                .param("kind", kind.name())
                .query(JdbcOrgDirectory::unit)
                .list();
    }

    @Override
    public Optional<DepartmentView> department(long id) {
        return jdbc.sql(DEPT_SELECT + " WHERE d.id = :id")
                .param("id", id)
                .query(JdbcOrgDirectory::department)
                .optional();
    }

    @Override
    public Optional<DepartmentView> departmentByCode(String code) {
        return jdbc.sql(DEPT_SELECT + " WHERE d.code = :code")
                .param("code", code)
                .query(JdbcOrgDirectory::department)
                .optional();
    }

    @Override
    public List<DepartmentView> departments() {
        return jdbc.sql(DEPT_SELECT + " ORDER BY d.code")
                .query(JdbcOrgDirectory::department)
                .list();
    }

    @Override
    public Optional<String> inspectorFor(String areaCode) {
        return inspectors.inspectorFor(areaCode);
    }

    @Override
    public Optional<DepartmentView> districtBureau(String districtCode) {
        return jdbc
                .sql(DEPT_SELECT + " WHERE d.kind = 'DISTRICT_BUREAU' AND u.code = :code ORDER BY d.id")
                .param("code", districtCode)
                .query(JdbcOrgDirectory::department)
                .list()
                .stream()
                .findFirst();
    }

    static OrgUnitView unit(ResultSet rs, int n) throws SQLException {
        return new OrgUnitView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                OrgUnitKind.valueOf(rs.getString("kind")),
                rs.getString("parent_code"));
    }

    static DepartmentView department(ResultSet rs, int n) throws SQLException {
        return new DepartmentView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                DepartmentKind.valueOf(rs.getString("kind")),
                rs.getString("unit_code"));
    }
}
