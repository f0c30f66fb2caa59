package org.cityops.rectification.internal;

import org.cityops.org.RecordKind;
import org.cityops.org.Role;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;

/**
 * Who may do what in the ledger: the rectification office (整改办) edits it; leaders see everything and sign
 * off (销号); everybody else (department users) sees and updates only the measures their department leads or
 * cooperates in.
 */
public final class LedgerAccess {

    /** Department id that matches no department: a department user without a department sees nothing. */
    static final long NO_DEPARTMENT = -1L;

    private LedgerAccess() {}

    public static boolean seesAll(StaffMember s) {
        return s.hasAny(Role.RECTIFICATION_OFFICE, Role.LEADER, Role.ADMIN);
    }

    public static boolean edits(StaffMember s) {
        return s.has(Role.RECTIFICATION_OFFICE);
    }

    public static boolean signsOff(StaffMember s) {
        return s.has(Role.LEADER);
    }

    /**
     * The 本部门 filter for queries, or null when the user sees the whole ledger: the ledger roles' grant, then the
     * one data-scope rule for records placed by department ({@link ScopeRule}, {@link RecordKind#DEPARTMENT}).
     */
    public static Long scope(StaffMember s) {
        if (seesAll(s)) {
            return null;
        }
        ScopeFilter f = ScopeRule.filter(s, RecordKind.DEPARTMENT);
        if (f instanceof ScopeFilter.All) {
            return null;
        }
        return f instanceof ScopeFilter.Department d ? d.departmentId() : NO_DEPARTMENT;
    }

    /** Whether the user sees a measure its department leads or cooperates in ({@code departmentIds}). */
    static boolean owns(StaffMember s, java.util.Collection<Long> departmentIds) {
        ScopeFilter f = ScopeRule.filter(s, RecordKind.DEPARTMENT);
        return departmentIds.stream().anyMatch(d -> f.matches(null, d, null));
    }

    static void requireEditor(StaffMember s) {
        if (!edits(s)) {
            throw new AccessDeniedToEntityException("只有整改办可以修改台账 only the rectification office edits the ledger");
        }
    }

    static void requireLeader(StaffMember s) {
        if (!signsOff(s)) {
            throw new AccessDeniedToEntityException("只有领导可以审核销号 only a leader signs off");
        }
    }
}
