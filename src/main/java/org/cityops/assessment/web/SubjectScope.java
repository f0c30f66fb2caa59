package org.cityops.assessment.web;

import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;

/**
 * Data scope (数据权限) applied to assessment subjects, through the one data-scope rule ({@link ScopeRule}): an
 * area subject (district, street, community, grid) and a case's facts are placed like a case
 * ({@link RecordKind#AREA_DEPARTMENT_OWNER}: by area code, and a case by the departments it touched); city-wide users
 * see every subject. What the rule cannot place stays here, as the module's own grants: a department subject is seen
 * by its own department's staff and, for a district or street user, the district's bureau ({@code QCGJ-<district>});
 * post subjects (people) are for city-wide users only. The same rule covers everything hung on a subject: the
 * exports, deductions, appeals and their attachments, and the other sources' scores.
 */
final class SubjectScope {

    private SubjectScope() {}

    private static ScopeFilter filter(StaffMember who) {
        return ScopeRule.filter(who, RecordKind.AREA_DEPARTMENT_OWNER);
    }

    static boolean permits(StaffMember who, SubjectType type, String code) {
        ScopeFilter f = filter(who);
        if (f instanceof ScopeFilter.All) {
            return true;
        }
        if (type.group() == SubjectType.Group.AREA) {
            return f.matches(code, null, null);
        }
        if (type == SubjectType.DEPARTMENT) {
            if (code.equals(who.departmentCode())) {
                return true;
            }
            return f instanceof ScopeFilter.Area a
                    && code.equals("QCGJ-"
                            + a.prefix().substring(0, Math.min(6, a.prefix().length())));
        }
        return false;
    }

    /** A case's facts: city-wide, or the case lies in the user's area, or touched the user's department. */
    static void requireCase(
            StaffMember who, java.util.List<org.cityops.assessment.internal.FactQueries.StepView> steps) {
        ScopeFilter f = filter(who);
        if (f instanceof ScopeFilter.All || steps.isEmpty()) {
            return;
        }
        boolean ok = steps.stream()
                .anyMatch(s -> f.matches(s.district(), null, null)
                        || (s.department() != null && s.department().equals(who.departmentCode())));
        if (!ok) {
            throw new AccessDeniedToEntityException("超出数据权限 outside your data scope");
        }
    }

    /** A subject stored by name ({@code asm_deduction}, {@code asm_source_score}); an unknown type is refused. */
    static boolean permits(StaffMember who, String type, String code) {
        if (type == null) {
            return filter(who) instanceof ScopeFilter.All;
        }
        SubjectType t;
        try {
            t = SubjectType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return filter(who) instanceof ScopeFilter.All;
        }
        return code != null && permits(who, t, code);
    }

    /** A deduction (and so its appeals and their attachments) is in scope when its subject is. */
    static boolean permits(StaffMember who, org.cityops.assessment.internal.Deductions.Deduction d) {
        return permits(who, d.subjectType(), d.subjectCode());
    }

    static void require(StaffMember who, org.cityops.assessment.internal.Deductions.Deduction d) {
        if (!permits(who, d)) {
            throw new AccessDeniedToEntityException("超出数据权限 outside your data scope");
        }
    }

    static void require(StaffMember who, SubjectType type, String code) {
        if (!permits(who, type, code)) {
            throw new AccessDeniedToEntityException("超出数据权限 outside your data scope");
        }
    }
}
