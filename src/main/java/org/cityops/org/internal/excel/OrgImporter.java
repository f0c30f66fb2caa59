package org.cityops.org.internal.excel;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cityops.audit.AuditTrail;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentKind;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.Role;
import org.cityops.org.internal.admin.DepartmentRow;
import org.cityops.org.internal.admin.OrgAdministration;
import org.cityops.org.internal.admin.UnitRow;
import org.cityops.org.internal.admin.UserDraft;
import org.cityops.org.internal.admin.UserRow;
import org.cityops.org.internal.excel.OrgWorkbook.ParsedRow;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the org workbook all-or-nothing: every row goes through {@link OrgAdministration} (so the same rules
 * and the same audit apply) inside one transaction; if any row fails, the transaction is rolled back and
 * the errors of all rows are reported. Existing codes and usernames are updated, new ones created.
 */
@Service
public class OrgImporter {

    private final OrgAdministration admin;
    private final AuditTrail audit;

    OrgImporter(OrgAdministration admin, AuditTrail audit) {
        this.admin = admin;
        this.audit = audit;
    }

    /** The current units, departments and users in the import format (no passwords). */
    @Transactional(readOnly = true)
    public byte[] export() {
        Map<SheetSpec, List<List<String>>> rows = new LinkedHashMap<>();
        rows.put(
                SheetSpec.UNITS,
                admin.units().stream()
                        .sorted(Comparator.comparing((UnitRow u) -> u.kind().ordinal())
                                .thenComparing(UnitRow::code))
                        .map(u -> list(u.code(), u.name(), u.kind().label(), u.parentCode()))
                        .toList());
        rows.put(
                SheetSpec.DEPARTMENTS,
                admin.departments().stream()
                        .map(d -> list(d.code(), d.name(), d.kind().label(), d.orgUnitCode()))
                        .toList());
        List<List<String>> users = new ArrayList<>();
        int page = 0;
        List<UserRow> batch;
        do {
            batch = admin.users(null, 500, page++ * 500);
            for (UserRow u : batch) {
                users.add(list(
                        u.username(),
                        u.displayName(),
                        u.phone(),
                        String.join(
                                "、",
                                new TreeSet<>(u.roles())
                                        .stream().map(Role::label).toList()),
                        u.scope().label(),
                        u.orgUnitCode(),
                        u.departmentCode(),
                        null,
                        u.enabled() ? "启用" : "停用"));
            }
        } while (batch.size() == 500);
        rows.put(SheetSpec.USERS, users);
        return OrgWorkbook.write(rows, false);
    }

    private static List<String> list(String... values) {
        return java.util.Arrays.asList(values);
    }

    /**
     * @throws InvalidInputException when the file is not a spreadsheet
     * @throws ImportRejected        when any row is wrong; nothing has been written then
     */
    @Transactional(rollbackFor = Exception.class)
    public ImportResult importWorkbook(InputStream in, String fileName, String actingUsername) {
        OrgWorkbook.Parsed parsed = OrgWorkbook.read(in);
        List<ImportError> errors = new ArrayList<>(parsed.errors());
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        ImportResult.Counts units = importUnits(parsed.rows(SheetSpec.UNITS), errors);
        ImportResult.Counts departments = importDepartments(parsed.rows(SheetSpec.DEPARTMENTS), errors);
        ImportResult.Counts users = importUsers(parsed.rows(SheetSpec.USERS), errors, actingUsername);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing((ImportError e) -> SheetSpec.ALL.indexOf(sheet(e.sheet())))
                    .thenComparingInt(e -> e.row() == null ? 0 : e.row()));
            throw new ImportRejected(errors);
        }
        ImportResult result = new ImportResult(units, departments, users);
        audit.record(
                "ORG_IMPORT",
                fileName == null ? "upload.xlsx" : truncate(fileName),
                "IMPORT",
                null,
                "units " + units + ", departments " + departments + ", users " + users);
        return result;
    }

    private static SheetSpec sheet(String name) {
        return SheetSpec.ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** Counts created/updated/unchanged as rows go. */
    private static final class Tally {
        int created;
        int updated;
        int unchanged;

        ImportResult.Counts counts() {
            return new ImportResult.Counts(created, updated, unchanged);
        }
    }

    // ------------------------------------------------------------------ 组织机构

    private ImportResult.Counts importUnits(List<ParsedRow> rows, List<ImportError> errors) {
        SheetSpec spec = SheetSpec.UNITS;
        Tally tally = new Tally();
        Map<String, Integer> seen = new HashMap<>();
        Map<ParsedRow, OrgUnitKind> kinds = new HashMap<>();
        for (ParsedRow row : rows) {
            try {
                require(row, spec);
                kinds.put(row, unitKind(row.get("kind")));
                duplicate(seen, row.get("code"), row, "code");
            } catch (DomainException e) {
                errors.add(error(spec, row, e));
            }
        }
        // parents before children, whatever the order in the file
        List<ParsedRow> ordered = rows.stream()
                .filter(kinds::containsKey)
                .sorted(Comparator.comparing((ParsedRow r) -> kinds.get(r).ordinal())
                        .thenComparing(r -> r.get("code")))
                .toList();
        for (ParsedRow row : ordered) {
            if (seen.get(row.get("code")) != row.rowNumber()) {
                continue; // a duplicate, reported above
            }
            try {
                String code = row.get("code");
                OrgUnitKind kind = kinds.get(row);
                Optional<UnitRow> existing = admin.findUnit(code);
                if (existing.isEmpty()) {
                    admin.createUnit(code, row.get("name"), kind, row.get("parentCode"));
                    tally.created++;
                    continue;
                }
                UnitRow u = existing.get();
                if (u.kind() != kind) {
                    throw new InvalidInputException(
                            "已有此编码，层级为" + u.kind().label() + "，不可更改 code exists with kind " + u.kind(), "kind");
                }
                if (!Objects.equals(u.parentCode(), row.get("parentCode"))) {
                    throw new InvalidInputException(
                            "已有此编码，上级为 " + u.parentCode() + "，不可更改 code exists under " + u.parentCode(), "parentCode");
                }
                if (u.name().equals(row.get("name"))) {
                    tally.unchanged++;
                } else {
                    admin.renameUnit(code, row.get("name"), u.version());
                    tally.updated++;
                }
            } catch (DomainException e) {
                errors.add(error(spec, row, e));
            }
        }
        return tally.counts();
    }

    // ------------------------------------------------------------------ 部门

    private ImportResult.Counts importDepartments(List<ParsedRow> rows, List<ImportError> errors) {
        SheetSpec spec = SheetSpec.DEPARTMENTS;
        Tally tally = new Tally();
        Map<String, Integer> seen = new HashMap<>();
        for (ParsedRow row : rows) {
            try {
                require(row, spec);
                duplicate(seen, row.get("code"), row, "code");
                DepartmentKind kind = departmentKind(row.get("kind"));
                String code = row.get("code");
                Optional<DepartmentRow> existing = admin.findDepartment(code);
                if (existing.isEmpty()) {
                    admin.createDepartment(code, row.get("name"), kind, row.get("orgUnitCode"));
                    tally.created++;
                } else {
                    DepartmentRow d = existing.get();
                    if (d.name().equals(row.get("name"))
                            && d.kind() == kind
                            && Objects.equals(d.orgUnitCode(), row.get("orgUnitCode"))) {
                        tally.unchanged++;
                    } else {
                        admin.updateDepartment(code, row.get("name"), kind, row.get("orgUnitCode"), d.version());
                        tally.updated++;
                    }
                }
            } catch (DomainException e) {
                errors.add(error(spec, row, e));
            }
        }
        return tally.counts();
    }

    // ------------------------------------------------------------------ 用户

    private ImportResult.Counts importUsers(List<ParsedRow> rows, List<ImportError> errors, String actingUsername) {
        SheetSpec spec = SheetSpec.USERS;
        Tally tally = new Tally();
        Map<String, Integer> seen = new HashMap<>();
        for (ParsedRow row : rows) {
            try {
                require(row, spec);
                String username = row.get("username");
                duplicate(seen, username, row, "username");
                UserDraft draft = new UserDraft(
                        row.get("displayName"),
                        row.get("phone"),
                        roles(row.get("roles")),
                        scope(row.get("scope")),
                        row.get("orgUnitCode"),
                        row.get("departmentCode"),
                        enabled(row.get("enabled")));
                Optional<UserRow> existing = admin.user(username);
                if (existing.isEmpty()) {
                    if (row.get("password") == null) {
                        throw new InvalidInputException("新账号须填初始密码 a new account needs a password", "password");
                    }
                    admin.createUser(username, row.get("password"), draft);
                    tally.created++;
                    continue;
                }
                if (row.get("password") != null) {
                    throw new InvalidInputException(
                            "已有账号不通过导入改密码，请留空 leave the password empty for an " + "existing account", "password");
                }
                UserRow u = existing.get();
                if (same(u, draft)) {
                    tally.unchanged++;
                } else {
                    admin.updateUser(u.id(), draft, u.version(), actingUsername);
                    tally.updated++;
                }
            } catch (DomainException e) {
                errors.add(error(spec, row, e));
            }
        }
        return tally.counts();
    }

    private static boolean same(UserRow u, UserDraft d) {
        return u.displayName().equals(d.displayName())
                && Objects.equals(u.phone(), d.phone())
                && u.roles().equals(d.roles())
                && u.scope() == d.scope()
                && Objects.equals(u.orgUnitCode(), d.orgUnitCode())
                && Objects.equals(u.departmentCode(), d.departmentCode())
                && u.enabled() == d.enabled();
    }

    // ------------------------------------------------------------------ cell values

    private static void require(ParsedRow row, SheetSpec spec) {
        for (SheetSpec.Column c : spec.columns()) {
            if (c.required() && row.get(c.key()) == null) {
                throw new InvalidInputException("必填 required", c.key());
            }
        }
    }

    private static void duplicate(Map<String, Integer> seen, String key, ParsedRow row, String field) {
        Integer first = seen.putIfAbsent(key, row.rowNumber());
        if (first != null) {
            throw new InvalidInputException("与第 " + first + " 行重复 duplicate of row " + first, field);
        }
    }

    static OrgUnitKind unitKind(String text) {
        String t = text.strip();
        for (OrgUnitKind k : OrgUnitKind.values()) {
            if (k.name().equalsIgnoreCase(t)
                    || k.label().equals(t)
                    || Set.of(k.label().split("/")).contains(t)) {
                return k;
            }
        }
        throw new InvalidInputException("层级应为 市、区、县级市、街道、镇、社区 或 村 unknown kind '" + t + "'", "kind");
    }

    static DepartmentKind departmentKind(String text) {
        String t = text.strip();
        for (DepartmentKind k : DepartmentKind.values()) {
            if (k.name().equalsIgnoreCase(t) || k.label().equals(t)) {
                return k;
            }
        }
        throw new InvalidInputException("类型应为 局机关、专业部门、区城管局、街道 或 其他 unknown kind '" + t + "'", "kind");
    }

    static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split("[、,，;；/\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Role found = null;
            for (Role r : Role.values()) {
                if (r.name().equalsIgnoreCase(part) || r.label().equals(part)) {
                    found = r;
                }
            }
            if (found == null) {
                throw new InvalidInputException("未知角色 unknown role '" + part + "'", "roles");
            }
            roles.add(found);
        }
        return roles;
    }

    static DataScope scope(String text) {
        String t = text.strip();
        for (DataScope s : DataScope.values()) {
            if (s.name().equalsIgnoreCase(t) || s.label().equals(t)) {
                return s;
            }
        }
        throw new InvalidInputException("数据权限应为 全市、本区、本街道、本部门 或 本人 unknown scope '" + t + "'", "scope");
    }

    static boolean enabled(String text) {
        if (text == null) {
            return true;
        }
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "启用", "是", "正常", "true", "yes", "1", "enabled" -> {
                return true;
            }
            case "停用", "否", "禁用", "false", "no", "0", "disabled" -> {
                return false;
            }
            default -> throw new InvalidInputException("状态应为 启用 或 停用 status: 启用 or 停用", "enabled");
        }
    }

    private static ImportError error(SheetSpec spec, ParsedRow row, DomainException e) {
        SheetSpec.Column column = e.field() == null ? null : spec.column(e.field());
        return new ImportError(spec.name(), row.rowNumber(), column == null ? null : column.header(), e.getMessage());
    }

    private static String truncate(String s) {
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
