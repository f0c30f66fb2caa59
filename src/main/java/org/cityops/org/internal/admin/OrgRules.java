package org.cityops.org.internal.admin;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentKind;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.Role;
import org.cityops.platform.InvalidInputException;

/**
 * The rules of the org structure, free of storage and web: codes follow the tree (行政区划代码), a unit is one
 * level under its parent, a user's data scope (数据权限) fits their unit or department, passwords are long
 * enough. Every failure names the field it is about.
 */
public final class OrgRules {

    public static final int MIN_PASSWORD = 10;
    /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern DEPT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}");

    private OrgRules() {}

    /** The level a unit of {@code kind} must sit under, or null for the root (市). */
    public static OrgUnitKind parentKindOf(OrgUnitKind kind) {
        return switch (kind) {
            case CITY -> null;
            case DISTRICT -> OrgUnitKind.CITY;
            case STREET -> OrgUnitKind.DISTRICT;
            case COMMUNITY -> OrgUnitKind.STREET;
        };
    }

    /** The level directly under {@code kind}, or null for a community (社区/村). */
    public static OrgUnitKind childKindOf(OrgUnitKind kind) {
        return switch (kind) {
            case CITY -> OrgUnitKind.DISTRICT;
            case DISTRICT -> OrgUnitKind.STREET;
            case STREET -> OrgUnitKind.COMMUNITY;
            case COMMUNITY -> null;
        };
    }

    /**
     * A city and a district have 6-digit GB/T 2260 codes (a district shares its city's first 4 digits); a
     * street is its district's code + 3 digits, a community its street's code + 3 digits.
     *
     * @param parentKind null when there is no parent
     */
    public static void checkUnit(
            String code, String name, OrgUnitKind kind, String parentCode, OrgUnitKind parentKind) {
        requireText(name, "name", 100);
        if (kind == null) {
            throw new InvalidInputException("缺少层级 kind is required", "kind");
        }
        requireText(code, "code", 32);
        if (!DIGITS.matcher(code).matches() || code.length() != kind.codeLength()) {
            throw new InvalidInputException(
                    "编码应为 " + kind.codeLength() + " 位数字 code of a " + kind.label() + " must be " + kind.codeLength()
                            + " digits",
                    "code");
        }
        OrgUnitKind wantedParent = parentKindOf(kind);
        if (wantedParent == null) {
            if (parentCode != null) {
                throw new InvalidInputException("市级单位不能有上级 a city has no parent", "parentCode");
            }
            return;
        }
        if (parentCode == null) {
            throw new InvalidInputException("缺少上级编码 parentCode is required for a " + kind.label(), "parentCode");
        }
        if (parentKind == null) {
            throw new InvalidInputException("上级单位不存在 parent unit " + parentCode + " not found", "parentCode");
        }
        if (parentKind != wantedParent) {
            throw new InvalidInputException(
                    kind.label() + "的上级应为" + wantedParent.label() + " a " + kind.name() + " must sit under a "
                            + wantedParent.name() + ", not a " + parentKind.name(),
                    "parentCode");
        }
        boolean follows =
                kind == OrgUnitKind.DISTRICT ? code.regionMatches(0, parentCode, 0, 4) : code.startsWith(parentCode);
        if (!follows) {
            String what = kind == OrgUnitKind.DISTRICT
                    ? "前 4 位应与上级市相同 first 4 digits must be the city's"
                    : "应以上级编码 " + parentCode + " 开头 must start with the parent's code";
            throw new InvalidInputException("编码" + what, "code");
        }
    }

    /** Department codes: upper-case letters, digits, '-' and '_', e.g. HWC, QCGJ-320402. */
    public static void checkDepartment(
            String code, String name, DepartmentKind kind, OrgUnitKind unitKind, boolean unitGiven) {
        requireText(code, "code", 32);
        if (!DEPT_CODE.matcher(code).matches()) {
            throw new InvalidInputException("部门编码只能含大写字母、数字、- 和 _ department code: A-Z, 0-9, '-', '_'", "code");
        }
        requireText(name, "name", 100);
        if (kind == null) {
            throw new InvalidInputException("缺少部门类型 kind is required", "kind");
        }
        if (unitGiven && unitKind == null) {
            throw new InvalidInputException("所属区划不存在 org unit not found", "orgUnitCode");
        }
        if (kind == DepartmentKind.DISTRICT_BUREAU && unitKind != OrgUnitKind.DISTRICT) {
            throw new InvalidInputException("区城管局须属于一个区 a district bureau belongs to a district", "orgUnitCode");
        }
        if (kind == DepartmentKind.STREET_OFFICE && unitKind != OrgUnitKind.STREET) {
            throw new InvalidInputException("街道须属于一个街道/镇 a street office belongs to a street", "orgUnitCode");
        }
    }

    public static void checkUsername(String username) {
        requireText(username, "username", 64);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException(
                    "用户名为 3–64 位字母、数字、. _ - username: 3-64 letters, digits, '.', '_', '-'", "username");
        }
    }

    /**
     * A user needs a name, at least one role, and a scope their unit or department can carry: 本区 needs a
     * district (or a unit below it), 本街道 a street (or a community), 本部门 a department.
     *
     * @param unitKind null when the user has no org unit
     */
    public static void checkUser(
            String displayName,
            String phone,
            Set<Role> roles,
            DataScope scope,
            OrgUnitKind unitKind,
            boolean hasDepartment) {
        requireText(displayName, "displayName", 100);
        if (phone != null && (phone.length() > 32 || !phone.matches("[0-9+() -]*"))) {
            throw new InvalidInputException("电话号码格式不正确 phone: digits, +, -, spaces, at most 32", "phone");
        }
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("至少需要一个角色 at least one role is required", "roles");
        }
        if (scope == null) {
            throw new InvalidInputException("缺少数据权限 scope is required", "scope");
        }
        switch (scope) {
            case DISTRICT -> {
                if (unitKind == null || unitKind == OrgUnitKind.CITY) {
                    throw new InvalidInputException(
                            "本区权限需要所属区或其下级单位 DISTRICT scope needs an org unit at district level or below",
                            "orgUnitCode");
                }
            }
            case STREET -> {
                if (unitKind != OrgUnitKind.STREET && unitKind != OrgUnitKind.COMMUNITY) {
                    throw new InvalidInputException(
                            "本街道权限需要所属街道或社区 STREET scope needs an org unit at street level or below", "orgUnitCode");
                }
            }
            case DEPARTMENT -> {
                if (!hasDepartment) {
                    throw new InvalidInputException(
                            "本部门权限需要所属部门 DEPARTMENT scope needs a department", "departmentCode");
                }
            }
            case CITY, SELF -> {
                // no unit or department needed
            }
        }
    }

    public static void checkPassword(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException(
                    "密码至少 " + MIN_PASSWORD + " 个字符 password needs at least " + MIN_PASSWORD + " characters", field);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("密码过长 password longer than " + MAX_PASSWORD_BYTES + " bytes", field);
        }
        if (password.isBlank()) {
            throw new InvalidInputException("密码不能全为空格 password cannot be blank", field);
        }
    }

    static void requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("不能为空 " + field + " is required", field);
        }
        if (value.length() > max) {
            throw new InvalidInputException("过长 " + field + " longer than " + max + " characters", field);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInputException("含有控制字符 " + field + " contains control characters", field);
            }
        }
    }
}
