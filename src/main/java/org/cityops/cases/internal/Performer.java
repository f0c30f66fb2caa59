package org.cityops.cases.internal;

import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.RecordKind;
import org.cityops.org.Role;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
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

    /**
     * This performer as the one actor type ({@link StaffMember}), for the one data-scope rule: the area prefix stands
     * for the org unit (a district or street prefix is its own district or street code).
     */
    StaffMember actor() {
        if (this == SYSTEM) {
            return StaffMember.SYSTEM;
        }
        return new StaffMember(0, username, displayName, roles, scope, areaPrefix, departmentId, null);
    }

    /** What this performer may see of cases (数据权限): {@link ScopeRule} for {@link RecordKind#AREA_DEPARTMENT_OWNER}. */
    ScopeFilter caseFilter() {
        return ScopeRule.filter(actor(), RecordKind.AREA_DEPARTMENT_OWNER);
    }

    /** Whether this performer may see a case at all (数据权限). */
    boolean sees(Case c) {
        return caseFilter().matches(c.gridCode(), c.departmentId(), c.reporterUsername());
    }
}
