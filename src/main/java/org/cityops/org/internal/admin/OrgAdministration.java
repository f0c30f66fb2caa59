package org.cityops.org.internal.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentKind;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.Role;
import org.cityops.org.internal.UserAccounts;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of the org structure: the 行政区划 tree, departments and staff accounts. Applies
 * {@link OrgRules}, keeps codes and usernames unique, locks optimistically with {@code version}, and
 * records every change in the audit trail (entity ORG_UNIT, DEPARTMENT, USER) in the same transaction.
 */
@Service
@Transactional
public class OrgAdministration {

    private final OrgAdminStore store;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrgAdministration(
            OrgAdminStore store,
            UserAccounts accounts,
            PasswordEncoder encoder,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- units

    @Transactional(readOnly = true)
    public List<UnitRow> units() {
        return store.units();
    }

    @Transactional(readOnly = true)
    public UnitRow unit(String code) {
        return store.unit(code).orElseThrow(() -> new NotFoundException("区划不存在 unit " + code + " not found", "code"));
    }

    @Transactional(readOnly = true)
    public Optional<UnitRow> findUnit(String code) {
        return store.unit(code);
    }

    public UnitRow createUnit(String code, String name, OrgUnitKind kind, String parentCode) {
        code = trim(code);
        name = trim(name);
        parentCode = trim(parentCode);
        Optional<UnitRow> parent = parentCode == null ? Optional.empty() : store.unit(parentCode);
        OrgRules.checkUnit(
                code, name, kind, parentCode, parent.map(UnitRow::kind).orElse(null));
        if (kind == OrgUnitKind.CITY && store.units().stream().anyMatch(u -> u.kind() == OrgUnitKind.CITY)) {
            throw new ConflictException("已有市级单位 the tree already has its city", "kind");
        }
        if (store.unit(code).isPresent()) {
            throw new ConflictException("编码已存在 code " + code + " already exists", "code");
        }
        long id = store.insertUnit(code, name, kind, parent.map(UnitRow::id).orElse(null));
        UnitRow created = store.unit(id).orElseThrow();
        audit.record("ORG_UNIT", code, "CREATE", null, created.summary());
        return created;
    }

    public UnitRow renameUnit(String code, String name, int version) {
        UnitRow before = unit(code);
        name = trim(name);
        OrgRules.requireText(name, "name", 100);
        if (name.equals(before.name())) {
            checkVersion(before.version(), version);
            return before;
        }
        if (!store.renameUnit(before.id(), name, version)) {
            throw stale();
        }
        UnitRow after = store.unit(before.id()).orElseThrow();
        audit.record("ORG_UNIT", code, "RENAME", before.summary(), after.summary());
        return after;
    }

    // ---------------------------------------------------------------- departments

    @Transactional(readOnly = true)
    public List<DepartmentRow> departments() {
        return store.departments();
    }

    @Transactional(readOnly = true)
    public DepartmentRow department(String code) {
        return store.department(code)
                .orElseThrow(() -> new NotFoundException("部门不存在 department " + code + " not found", "code"));
    }

    @Transactional(readOnly = true)
    public Optional<DepartmentRow> findDepartment(String code) {
        return store.department(code);
    }

    public DepartmentRow createDepartment(String code, String name, DepartmentKind kind, String orgUnitCode) {
        code = trim(code);
        name = trim(name);
        orgUnitCode = trim(orgUnitCode);
        Optional<UnitRow> unit = orgUnitCode == null ? Optional.empty() : store.unit(orgUnitCode);
        OrgRules.checkDepartment(code, name, kind, unit.map(UnitRow::kind).orElse(null), orgUnitCode != null);
        if (store.department(code).isPresent()) {
            throw new ConflictException("部门编码已存在 department code " + code + " already exists", "code");
        }
        store.insertDepartment(code, name, kind, unit.map(UnitRow::id).orElse(null));
        DepartmentRow created = department(code);
        audit.record("DEPARTMENT", code, "CREATE", null, created.summary());
        return created;
    }

    public DepartmentRow updateDepartment(
            String code, String name, DepartmentKind kind, String orgUnitCode, int version) {
        DepartmentRow before = department(code);
        name = trim(name);
        orgUnitCode = trim(orgUnitCode);
        Optional<UnitRow> unit = orgUnitCode == null ? Optional.empty() : store.unit(orgUnitCode);
        OrgRules.checkDepartment(code, name, kind, unit.map(UnitRow::kind).orElse(null), orgUnitCode != null);
        if (before.name().equals(name)
                && before.kind() == kind
                && java.util.Objects.equals(before.orgUnitCode(), orgUnitCode)) {
            checkVersion(before.version(), version);
            return before;
        }
        if (!store.updateDepartment(
                before.id(), name, kind, unit.map(UnitRow::id).orElse(null), version)) {
            throw stale();
        }
        DepartmentRow after = department(code);
        audit.record("DEPARTMENT", code, "UPDATE", before.summary(), after.summary());
        return after;
    }

    // ---------------------------------------------------------------- accounts

    @Transactional(readOnly = true)
    public List<UserRow> users(String query, int limit, int offset) {
        return store.users(blankToNull(query), limit, offset);
    }

    @Transactional(readOnly = true)
    public long countUsers(String query) {
        return store.countUsers(blankToNull(query));
    }

    @Transactional(readOnly = true)
    public UserRow user(long id) {
        return store.user(id).orElseThrow(() -> new NotFoundException("用户不存在 user " + id + " not found", "id"));
    }

    @Transactional(readOnly = true)
    public Optional<UserRow> user(String username) {
        return store.user(username);
    }

    public UserRow createUser(String username, String password, UserDraft draft) {
        username = trim(username);
        OrgRules.checkUsername(username);
        Refs refs = checkDraft(draft);
        OrgRules.checkPassword(password, "password");
        if (store.user(username).isPresent()) {
            throw new ConflictException("用户名已存在 username " + username + " already exists", "username");
        }
        long id = accounts.create(
                username,
                trim(draft.displayName()),
                encoder.encode(password),
                draft.scope(),
                refs.unitId(),
                refs.deptId(),
                EnumSet.copyOf(draft.roles()),
                trim(draft.phone()));
        if (!draft.enabled()) {
            store.setEnabled(id, false);
        }
        UserRow created = user(id);
        audit.record("USER", username, "CREATE", null, created.summary());
        return created;
    }

    /**
     * Changes an account's name, phone, roles, scope, unit, department and status.
     *
     * @param actingUsername who is changing it: an administrator cannot take ADMIN from, or disable, themselves
     */
    public UserRow updateUser(long id, UserDraft draft, int version, String actingUsername) {
        UserRow before = user(id);
        Refs refs = checkDraft(draft);
        if (before.username().equals(actingUsername)) {
            if (before.roles().contains(Role.ADMIN) && !draft.roles().contains(Role.ADMIN)) {
                throw new InvalidInputException("不能移除自己的管理员角色 you cannot remove your own ADMIN role", "roles");
            }
            if (!draft.enabled()) {
                throw new InvalidInputException("不能停用自己的账号 you cannot disable your own account", "enabled");
            }
        }
        if (!store.updateUser(
                id,
                trim(draft.displayName()),
                trim(draft.phone()),
                draft.scope(),
                refs.unitId(),
                refs.deptId(),
                draft.enabled(),
                version)) {
            throw stale();
        }
        boolean rolesChanged = !before.roles().equals(EnumSet.copyOf(draft.roles()));
        if (rolesChanged) {
            accounts.setRoles(id, EnumSet.copyOf(draft.roles()));
        }
        if (rolesChanged || (before.enabled() && !draft.enabled())) {
            revoke(before.username());
        }
        UserRow after = user(id);
        audit.record("USER", before.username(), "UPDATE", before.summary(), after.summary());
        changed(before.username());
        return after;
    }

    public UserRow setEnabled(long id, boolean enabled, String actingUsername) {
        UserRow before = user(id);
        if (!enabled && before.username().equals(actingUsername)) {
            throw new InvalidInputException("不能停用自己的账号 you cannot disable your own account", "enabled");
        }
        if (before.enabled() == enabled) {
            return before;
        }
        store.setEnabled(id, enabled);
        if (!enabled) {
            revoke(before.username());
        }
        audit.record(
                "USER",
                before.username(),
                enabled ? "ENABLE" : "DISABLE",
                "enabled=" + before.enabled(),
                "enabled=" + enabled);
        changed(before.username());
        return user(id);
    }

    /** An administrator sets a new password (and so lifts a lock). */
    public UserRow resetPassword(long id, String newPassword) {
        UserRow before = user(id);
        OrgRules.checkPassword(newPassword, "password");
        store.setPassword(id, encoder.encode(newPassword));
        revoke(before.username());
        audit.record("USER", before.username(), "RESET_PASSWORD", null, "password reset by administrator");
        changed(before.username());
        return user(id);
    }

    public UserRow unlock(long id) {
        UserRow before = user(id);
        store.unlock(id);
        audit.record(
                "USER",
                before.username(),
                "UNLOCK",
                "failedAttempts=" + before.failedAttempts() + " lockedUntil=" + before.lockedUntil(),
                "unlocked");
        changed(before.username());
        return user(id);
    }

    /** A user changes their own password (我的账号): the current one is required. */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserRow me = store.user(username).orElseThrow(() -> new NotFoundException("用户不存在 user not found", "username"));
        String hash = store.passwordHash(me.id()).orElseThrow();
        if (currentPassword == null || currentPassword.length() > 200 || !matches(currentPassword, hash)) {
            throw new InvalidInputException("当前密码不正确 current password is wrong", "currentPassword");
        }
        OrgRules.checkPassword(newPassword, "newPassword");
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("新密码不能与当前密码相同 the new password must differ", "newPassword");
        }
        store.setPassword(me.id(), encoder.encode(newPassword));
        revoke(username);
        audit.record("USER", username, "CHANGE_PASSWORD", null, "password changed by the user");
        changed(username);
    }

    public boolean locked(UserRow user) {
        return user.lockedAt(Instant.now(clock));
    }

    private boolean matches(String raw, String hash) {
        try {
            return encoder.matches(raw, hash);
        } catch (IllegalArgumentException e) {
            return false; // e.g. longer than BCrypt accepts
        }
    }

    private record Refs(Long unitId, Long deptId) {}

    private Refs checkDraft(UserDraft d) {
        String unitCode = trim(d.orgUnitCode());
        String deptCode = trim(d.departmentCode());
        Optional<UnitRow> unit = unitCode == null ? Optional.empty() : store.unit(unitCode);
        if (unitCode != null && unit.isEmpty()) {
            throw new InvalidInputException("所属区划不存在 org unit " + unitCode + " not found", "orgUnitCode");
        }
        Optional<Long> dept = deptCode == null ? Optional.empty() : store.departmentId(deptCode);
        if (deptCode != null && dept.isEmpty()) {
            throw new InvalidInputException("所属部门不存在 department " + deptCode + " not found", "departmentCode");
        }
        OrgRules.checkUser(
                trim(d.displayName()),
                trim(d.phone()),
                d.roles(),
                d.scope(),
                unit.map(UnitRow::kind).orElse(null),
                dept.isPresent());
        return new Refs(unit.map(UnitRow::id).orElse(null), dept.orElse(null));
    }

    /**
     * A password change or reset, a disable or a role change: every bearer token and browser session of the
     * account issued before now is void (the security layer compares their credential time with the account's).
     */
    private void revoke(String username) {
        accounts.revokeCredentials(username, Instant.now(clock));
    }

    private void changed(String username) {
        events.publishEvent(new StaffAccountChanged(username));
    }

    private static void checkVersion(int current, int given) {
        if (current != given) {
            throw stale();
        }
    }

    private static ConflictException stale() {
        return new ConflictException("数据已被他人修改，请刷新后重试 changed by someone else, reload and retry", "version");
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        return trim(s);
    }

    /** Scope labels for forms. */
    public static DataScope[] scopes() {
        return DataScope.values();
    }
}
