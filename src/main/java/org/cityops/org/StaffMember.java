package org.cityops.org;

import java.io.Serializable;
import java.util.Set;

/**
 * The one actor type of every module: who acts (a signed-in staff member, the system, a public reporter) with
 * roles and data scope (数据权限). Resolved once at the web edge ({@link CurrentActor}) and passed into services;
 * what it may see is decided by {@link ScopeRule}. Serializable: in cluster mode a page session, and the
 * principal in it, is kept in the database (docs/scale-out.md).
 *
 * @param orgUnitCode    administrative unit the user belongs to (district/street code), or null
 * @param departmentId   the user's department, or null
 * @param departmentCode the user's department code, or null
 */
public record StaffMember(
        long id,
        String username,
        String displayName,
        Set<Role> roles,
        DataScope scope,
        String orgUnitCode,
        Long departmentId,
        String departmentCode)
        implements Serializable {

    /** The platform itself (seeders, listeners, scheduled work): sees everything. */
    public static final StaffMember SYSTEM =
            new StaffMember(0, "system", "系统", Set.of(), DataScope.CITY, null, null, null);

    /** A citizen or an Open311 client: no roles, sees only what it reported (本人). */
    public static StaffMember publicReporter(String name) {
        return new StaffMember(0, name, "公众", Set.of(), DataScope.SELF, null, null, null);
    }

    /** Whether this is {@link #SYSTEM}. */
    public boolean isSystem() {
        return equals(SYSTEM);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The prefix every area code (district 6, street 9, community 12, grid 15 digits) the user may see starts
     * with: "" for the whole city, the district or street code for those scopes, or null when the scope is
     * not by area (本部门 / 本人: filter by department or by user instead).
     */
    public String areaPrefix() {
        return switch (scope) {
            case CITY -> "";
            case DISTRICT -> orgUnitCode == null ? null : orgUnitCode.substring(0, Math.min(6, orgUnitCode.length()));
            case STREET -> orgUnitCode == null ? null : orgUnitCode.substring(0, Math.min(9, orgUnitCode.length()));
            case DEPARTMENT, SELF -> null;
        };
    }

    /** True when an entity located in {@code areaCode} is inside the user's area scope. */
    public boolean coversArea(String areaCode) {
        String prefix = areaPrefix();
        return prefix != null && areaCode != null && areaCode.startsWith(prefix);
    }
}
