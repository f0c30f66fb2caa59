package org.cityops.cases.internal;

import org.cityops.org.RecordKind;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;

/**
 * What an actor may see of cases (数据权限): the one {@link ScopeRule} for {@link RecordKind#AREA_DEPARTMENT_OWNER},
 * a case being placed by its grid code (网格), its handling department (处置部门) and its reporter (上报人).
 */
final class CaseScope {

    private CaseScope() {}

    /** The filter lists and single cases share. */
    static ScopeFilter filter(StaffMember who) {
        return ScopeRule.filter(who, RecordKind.AREA_DEPARTMENT_OWNER);
    }

    /** Whether {@code who} may see case {@code c} at all. */
    static boolean sees(StaffMember who, Case c) {
        return filter(who).matches(c.gridCode(), c.departmentId(), c.reporterUsername());
    }
}
