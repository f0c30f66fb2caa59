package org.cityops.cases.internal;

import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;

/**
 * Who takes a step, as the domain needs it: roles and data scope. {@code areaPrefix} is "" for the whole
 * city, a district/street code prefix, or null for 本部门/本人.
 */
public record Performer(
        String username, String displayName, Set<Role> roles, DataScope scope, String areaPrefix, Long departmentId) {

    public static final Performer SYSTEM = new Performer("system", "系统", Set.of(), DataScope.CITY, "", null);

    public static Performer of(StaffMember s) {
        return new Performer(s.username(), s.displayName(), s.roles(), s.scope(), s.areaPrefix(), s.departmentId());
    }

    /** A citizen or an Open311 client: no roles, sees nothing but what it reported. */
    public static Performer publicReporter(String name) {
        return new Performer(name, "公众", Set.of(), DataScope.SELF, null, null);
    }

    /** Whether this performer may see a case at all (数据权限). */
    boolean sees(Case c) {
        if (this == SYSTEM) {
            return true;
        }
        if (scope == DataScope.DEPARTMENT) {
            return departmentId != null && departmentId.equals(c.departmentId());
        }
        if (scope == DataScope.SELF) {
            return username.equals(c.reporterUsername());
        }
        return areaPrefix != null && c.gridCode() != null && c.gridCode().startsWith(areaPrefix);
    }
}
