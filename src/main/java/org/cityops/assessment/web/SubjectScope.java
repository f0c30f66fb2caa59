package org.cityops.assessment.web;

import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;

/**
 * Data scope (数据权限) applied to assessment subjects: city-wide users see every subject; a district or street
 * user sees the areas under their code and their district's bureau; a department-scoped user sees their own
 * department. Post subjects (people) are for city-wide users only. The same rule covers everything hung on a
 * subject: the exports, deductions, appeals and their attachments, and the other sources' scores.
 */
final class SubjectScope {

    private SubjectScope() {}

    static boolean permits(StaffMember who, SubjectType type, String code) {
        String prefix = who.areaPrefix();
        if ("".equals(prefix)) {
            return true;
        }
        if (type.group() == SubjectType.Group.AREA) {
            return prefix != null && code.startsWith(prefix);
        }
        if (type == SubjectType.DEPARTMENT) {
            if (prefix == null) {
                return code.equals(who.departmentCode());
            }
            return code.equals("QCGJ-" + prefix.substring(0, Math.min(6, prefix.length())))
                    || code.equals(who.departmentCode());
        }
        return false;
    }

    /** A case's facts: city-wide, or the case lies in the user's area, or touched the user's department. */
    static void requireCase(
            StaffMember who, java.util.List<org.cityops.assessment.internal.FactQueries.StepView> steps) {
        if ("".equals(who.areaPrefix()) || steps.isEmpty()) {
            return;
        }
        boolean ok = steps.stream()
                .anyMatch(s -> who.coversArea(s.district())
                        || (s.department() != null && s.department().equals(who.departmentCode())));
        if (!ok) {
            throw new AccessDeniedToEntityException("超出数据权限 outside your data scope");
        }
    }

    /** A subject stored by name ({@code asm_deduction}, {@code asm_source_score}); an unknown type is refused. */
    static boolean permits(StaffMember who, String type, String code) {
        SubjectType t;
        try {
            t = SubjectType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "".equals(who.areaPrefix());
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
