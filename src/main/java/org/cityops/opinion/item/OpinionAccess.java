package org.cityops.opinion.item;

import java.util.Map;
import org.cityops.org.RecordKind;
import org.cityops.org.Role;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;

/**
 * Who may see and triage 舆情 items. The bureau's 舆情值班 is city-wide: the duty officers (值班长, 受理员),
 * administrators and leaders see every item (a grant by role, checked before the scope rule, as the rectification
 * ledger's {@code LedgerAccess}); everybody else sees what {@link ScopeRule} gives for a record placed by
 * department ({@link RecordKind#DEPARTMENT}): the items forwarded to their own department.
 */
public final class OpinionAccess {

    static final ScopeColumns COLUMNS = ScopeColumns.department("i.department_id");

    private OpinionAccess() {}

    /** 舆情值班员: enters items, keeps the duty log, triages. */
    public static boolean officer(StaffMember me) {
        return me.hasAny(Role.ADMIN, Role.SHIFT_LEADER, Role.OPERATOR);
    }

    /** Sees every item (duty officers, leaders, the platform). */
    public static boolean seesAll(StaffMember me) {
        return me.isSystem() || officer(me) || me.has(Role.LEADER);
    }

    /** Whether {@code me} may see {@code item}. */
    public static boolean sees(StaffMember me, OpinionItem item) {
        return seesAll(me) || ScopeRule.sees(me, RecordKind.DEPARTMENT, null, item.departmentId(), null);
    }

    /** A SQL condition on alias {@code i} for the items {@code me} may see (parameters added to {@code params}). */
    static String sql(StaffMember me, Map<String, Object> params) {
        return seesAll(me) ? "1=1" : ScopeRule.filter(me, RecordKind.DEPARTMENT).sql(COLUMNS, params);
    }

    /** Who {@code me} is for the triage policy on {@code item}. */
    public static TriagePolicy.Party party(StaffMember me, OpinionItem item) {
        if (me.isSystem()) {
            return TriagePolicy.Party.SYSTEM;
        }
        if (officer(me)) {
            return TriagePolicy.Party.OFFICER;
        }
        if (me.has(Role.HANDLER)
                && item.departmentId() != null
                && item.departmentId().equals(me.departmentId())) {
            return TriagePolicy.Party.UNIT;
        }
        return TriagePolicy.Party.OTHER;
    }
}
