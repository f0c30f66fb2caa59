package org.cityops.org.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of staff accounts (app_user + app_user_role). */
@Repository
public class UserAccounts {

    /**
     * What sign-in needs to know about an account. {@code credentialsChangedAt}: when the password was last changed
     * or reset, the account disabled or its roles changed (null: never); tokens and sessions from before are void.
     */
    public record Account(
            StaffMember staff,
            String passwordHash,
            boolean enabled,
            int failedAttempts,
            Instant lockedUntil,
            Instant credentialsChangedAt) {}

    private final JdbcClient jdbc;
    private final InspectorAreas inspectors;

    UserAccounts(JdbcClient jdbc, InspectorAreas inspectors) {
        this.jdbc = jdbc;
        this.inspectors = inspectors;
    }

    public Optional<Account> findByUsername(String username) {
        Optional<Account> account = jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.password_hash, u.enabled, u.data_scope, u.failed_attempts,
                       u.locked_until, u.credentials_changed_at, o.code AS unit_code, d.id AS dept_id, d.code AS dept_code
                FROM app_user u
                LEFT JOIN org_unit o ON o.id = u.org_unit_id
                LEFT JOIN department d ON d.id = u.department_id
                WHERE u.username = :username""")
                .param("username", username)
                .query((rs, n) -> {
                    long deptId = rs.getLong("dept_id");
                    Long dept = rs.wasNull() ? null : deptId;
                    StaffMember staff = new StaffMember(
                            rs.getLong("id"),
                            rs.getString("username"),
                            rs.getString("display_name"),
                            Set.of(),
                            DataScope.valueOf(rs.getString("data_scope")),
                            rs.getString("unit_code"),
                            dept,
                            rs.getString("dept_code"));
                    return new Account(
                            staff,
                            rs.getString("password_hash"),
                            rs.getBoolean("enabled"),
                            rs.getInt("failed_attempts"),
                            DbTime.fromDb(rs.getObject("locked_until", java.time.OffsetDateTime.class)),
                            DbTime.fromDb(rs.getObject("credentials_changed_at", java.time.OffsetDateTime.class)));
                })
                .optional();
        return account.map(a -> {
            StaffMember s = a.staff();
            Set<Role> roles = rolesOf(s.id());
            return new Account(
                    new StaffMember(
                            s.id(),
                            s.username(),
                            s.displayName(),
                            roles,
                            s.scope(),
                            s.orgUnitCode(),
                            s.departmentId(),
                            s.departmentCode()),
                    a.passwordHash(),
                    a.enabled(),
                    a.failedAttempts(),
                    a.lockedUntil(),
                    a.credentialsChangedAt());
        });
    }

    public Set<Role> rolesOf(long userId) {
        List<String> names = jdbc.sql("SELECT role FROM app_user_role WHERE user_id = :id")
                .param("id", userId)
                .query(String.class)
                .list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    /**
     * Counts a bad password and locks the account until {@code lockUntil} once {@code lockAfter} failures are in a
     * row. A failure while the account is locked is not counted and does not extend the lock (otherwise anyone
     * could keep an account locked for ever by trying it every few minutes).
     */
    public void recordFailure(String username, int lockAfter, Instant now, Instant lockUntil) {
        String unlocked = " AND (locked_until IS NULL OR locked_until <= :now)";
        jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = :u" + unlocked)
                .param("u", username)
                .param("now", DbTime.toDb(now))
                .update();
        jdbc.sql("UPDATE app_user SET locked_until = :until, failed_attempts = 0 "
                        + "WHERE username = :u AND failed_attempts >= :n" + unlocked)
                .param("until", DbTime.toDb(lockUntil))
                .param("u", username)
                .param("n", lockAfter)
                .param("now", DbTime.toDb(now))
                .update();
    }

    /**
     * Revokes the account's bearer tokens and browser sessions: records {@code at} (to the millisecond, so it reads
     * back exactly as written) as the time its credentials changed.
     */
    public Instant revokeCredentials(String username, Instant at) {
        Instant stamp = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        jdbc.sql("UPDATE app_user SET credentials_changed_at = :at WHERE username = :u")
                .param("at", DbTime.toDb(stamp))
                .param("u", username)
                .update();
        return stamp;
    }

    public void recordSuccess(String username) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = :u AND "
                        + "(failed_attempts <> 0 OR locked_until IS NOT NULL)")
                .param("u", username)
                .update();
    }

    /** Every account's user name by its password hash (accounts that share a hash are listed together). */
    public java.util.Map<String, List<String>> usernamesByPasswordHash() {
        java.util.Map<String, List<String>> byHash = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT username, password_hash FROM app_user ORDER BY username")
                .query(rs -> {
                    byHash.computeIfAbsent(rs.getString("password_hash"), h -> new java.util.ArrayList<>())
                            .add(rs.getString("username"));
                });
        return byHash;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    /** Creates an account and its roles; returns the new id. */
    public long create(
            String username,
            String displayName,
            String passwordHash,
            DataScope scope,
            Long orgUnitId,
            Long departmentId,
            Set<Role> roles,
            String phone) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, data_scope, org_unit_id, department_id, phone)
                VALUES (:u, :n, :p, :s, :o, :d, :phone)""")
                .param("u", username)
                .param("n", displayName)
                .param("p", passwordHash)
                .param("s", scope.name())
                .param("o", orgUnitId)
                .param("d", departmentId)
                .param("phone", phone)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        setRoles(id, roles);
        return id;
    }

    /**
     * Records a phone on an account that has none (NULL or blank); returns 1 when it did, 0 when the account is
     * unknown or already has one.
     */
    public int recordPhoneIfNone(String username, String phone) {
        return jdbc.sql(
                        "UPDATE app_user SET phone = :phone WHERE username = :u AND (phone IS NULL OR TRIM(phone) = '')")
                .param("phone", phone)
                .param("u", username)
                .update();
    }

    public void setRoles(long userId, Set<Role> roles) {
        jdbc.sql("DELETE FROM app_user_role WHERE user_id = :id")
                .param("id", userId)
                .update();
        for (Role r : roles) {
            jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (:id, :r)")
                    .param("id", userId)
                    .param("r", r.name())
                    .update();
        }
        inspectors.changed();
    }
}
