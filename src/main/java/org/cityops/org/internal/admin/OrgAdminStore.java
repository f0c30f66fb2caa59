package org.cityops.org.internal.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentKind;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.Role;
import org.cityops.org.internal.InspectorAreas;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes of units, departments and accounts for the administration (org tables only). */
@Repository
class OrgAdminStore {

    private static final String UNIT_SELECT = """
            SELECT u.id, u.code, u.name, u.kind, p.code AS parent_code, u.version
            FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id""";
    private static final String DEPT_SELECT = """
            SELECT d.id, d.code, d.name, d.kind, o.code AS unit_code, d.version
            FROM department d LEFT JOIN org_unit o ON o.id = d.org_unit_id""";
    private static final String USER_SELECT = """
            SELECT u.id, u.username, u.display_name, u.phone, u.enabled, u.data_scope, o.code AS unit_code,
                   d.code AS dept_code, u.failed_attempts, u.locked_until, u.version
            FROM app_user u LEFT JOIN org_unit o ON o.id = u.org_unit_id
            LEFT JOIN department d ON d.id = u.department_id""";

    private final JdbcClient jdbc;
    private final InspectorAreas inspectors;

    OrgAdminStore(JdbcClient jdbc, InspectorAreas inspectors) {
        this.jdbc = jdbc;
        this.inspectors = inspectors;
    }

    // ---- units (行政区划)

    List<UnitRow> units() {
        return jdbc.sql(UNIT_SELECT + " ORDER BY u.code")
                .query(OrgAdminStore::mapUnit)
                .list();
    }

    Optional<UnitRow> unit(String code) {
        return jdbc.sql(UNIT_SELECT + " WHERE u.code = :code")
                .param("code", code)
                .query(OrgAdminStore::mapUnit)
                .optional();
    }

    Optional<UnitRow> unit(long id) {
        return jdbc.sql(UNIT_SELECT + " WHERE u.id = :id")
                .param("id", id)
                .query(OrgAdminStore::mapUnit)
                .optional();
    }

    long insertUnit(String code, String name, OrgUnitKind kind, Long parentId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO org_unit (code, name, kind, parent_id) VALUES (:code, :name, :kind, :parent)")
                .param("code", code)
                .param("name", name)
                .param("kind", kind.name())
                .param("parent", parentId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean renameUnit(long id, String name, int version) {
        return jdbc.sql("UPDATE org_unit SET name = :name, version = version + 1 WHERE id = :id AND version = :v")
                        .param("name", name)
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
    }

    // ---- departments (专业部门/责任单位)

    List<DepartmentRow> departments() {
        return jdbc.sql(DEPT_SELECT + " ORDER BY d.code")
                .query(OrgAdminStore::mapDepartment)
                .list();
    }

    Optional<DepartmentRow> department(String code) {
        return jdbc.sql(DEPT_SELECT + " WHERE d.code = :code")
                .param("code", code)
                .query(OrgAdminStore::mapDepartment)
                .optional();
    }

    Optional<Long> departmentId(String code) {
        return jdbc.sql("SELECT id FROM department WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .optional();
    }

    long insertDepartment(String code, String name, DepartmentKind kind, Long unitId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO department (code, name, kind, org_unit_id) VALUES (:code, :name, :kind, :unit)")
                .param("code", code)
                .param("name", name)
                .param("kind", kind.name())
                .param("unit", unitId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateDepartment(long id, String name, DepartmentKind kind, Long unitId, int version) {
        return jdbc.sql("""
                UPDATE department SET name = :name, kind = :kind, org_unit_id = :unit, version = version + 1
                WHERE id = :id AND version = :v""")
                        .param("name", name)
                        .param("kind", kind.name())
                        .param("unit", unitId)
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
    }

    // ---- accounts

    /** Accounts whose username or name contains {@code query} (any case), by username. */
    List<UserRow> users(String query, int limit, int offset) {
        List<UserRow> rows = jdbc.sql(
                        USER_SELECT + userFilter(query) + " ORDER BY u.username LIMIT :limit OFFSET :offset")
                .params(filterParams(query))
                .param("limit", limit)
                .param("offset", offset)
                .query(OrgAdminStore::userWithoutRoles)
                .list();
        return withRoles(rows);
    }

    long countUsers(String query) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user u" + userFilter(query))
                .params(filterParams(query))
                .query(Long.class)
                .single();
    }

    Optional<UserRow> user(long id) {
        return withRoles(jdbc.sql(USER_SELECT + " WHERE u.id = :id")
                        .param("id", id)
                        .query(OrgAdminStore::userWithoutRoles)
                        .list())
                .stream()
                .findFirst();
    }

    Optional<UserRow> user(String username) {
        return withRoles(jdbc.sql(USER_SELECT + " WHERE u.username = :u")
                        .param("u", username)
                        .query(OrgAdminStore::userWithoutRoles)
                        .list())
                .stream()
                .findFirst();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    boolean updateUser(
            long id,
            String displayName,
            String phone,
            DataScope scope,
            Long unitId,
            Long deptId,
            boolean enabled,
            int version) {
        boolean updated = jdbc.sql("""
                UPDATE app_user SET display_name = :name, phone = :phone, data_scope = :scope, org_unit_id = :unit,
                       department_id = :dept, enabled = :enabled, version = version + 1
                WHERE id = :id AND version = :v""")
                        .param("name", displayName)
                        .param("phone", phone)
                        .param("scope", scope.name())
                        .param("unit", unitId)
                        .param("dept", deptId)
                        .param("enabled", enabled)
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
        inspectors.changed(); // the unit or the enabled flag may have changed
        return updated;
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = :e, version = version + 1 WHERE id = :id")
                .param("e", enabled)
                .param("id", id)
                .update();
        inspectors.changed();
    }

    void setPassword(long id, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = :h, failed_attempts = 0, locked_until = NULL, "
                        + "version = version + 1 WHERE id = :id")
                .param("h", hash)
                .param("id", id)
                .update();
    }

    void unlock(long id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE id = :id")
                .param("id", id)
                .update();
    }

    Optional<Long> unitId(String code) {
        return jdbc.sql("SELECT id FROM org_unit WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .optional();
    }

    private static String userFilter(String query) {
        return query == null
                ? ""
                : " WHERE LOWER(u.username) LIKE :q ESCAPE '\\' OR LOWER(u.display_name) LIKE :q ESCAPE '\\'";
    }

    private static Map<String, Object> filterParams(String query) {
        Map<String, Object> params = new HashMap<>();
        if (query != null) {
            String escaped = query.toLowerCase()
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            params.put("q", "%" + escaped + "%");
        }
        return params;
    }

    private List<UserRow> withRoles(List<UserRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT user_id, role FROM app_user_role WHERE user_id IN (:ids)")
                .param("ids", rows.stream().map(UserRow::id).toList())
                .query((ResultSet rs) -> {
                    roles.computeIfAbsent(rs.getLong("user_id"), k -> EnumSet.noneOf(Role.class))
                            .add(Role.valueOf(rs.getString("role")));
                });
        List<UserRow> out = new ArrayList<>(rows.size());
        for (UserRow r : rows) {
            out.add(new UserRow(
                    r.id(),
                    r.username(),
                    r.displayName(),
                    r.phone(),
                    r.enabled(),
                    roles.getOrDefault(r.id(), EnumSet.noneOf(Role.class)),
                    r.scope(),
                    r.orgUnitCode(),
                    r.departmentCode(),
                    r.failedAttempts(),
                    r.lockedUntil(),
                    r.version()));
        }
        return out;
    }

    static UnitRow mapUnit(ResultSet rs, int n) throws SQLException {
        return new UnitRow(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                OrgUnitKind.valueOf(rs.getString("kind")),
                rs.getString("parent_code"),
                rs.getInt("version"));
    }

    static DepartmentRow mapDepartment(ResultSet rs, int n) throws SQLException {
        return new DepartmentRow(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                DepartmentKind.valueOf(rs.getString("kind")),
                rs.getString("unit_code"),
                rs.getInt("version"));
    }

    static UserRow userWithoutRoles(ResultSet rs, int n) throws SQLException {
        return new UserRow(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("phone"),
                rs.getBoolean("enabled"),
                Set.of(),
                DataScope.valueOf(rs.getString("data_scope")),
                rs.getString("unit_code"),
                rs.getString("dept_code"),
                rs.getInt("failed_attempts"),
                DbTime.fromDb(rs.getObject("locked_until", OffsetDateTime.class)),
                rs.getInt("version"));
    }
}
