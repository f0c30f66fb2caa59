package org.cityops.assessment.web;

import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;

/**
 * Data scope (数据权限) applied to assessment subjects: city-wide users see every subject; a district or street
 * user sees the areas under their code and their district's bureau; a department-scoped user sees their own
 * department. Post subjects (people) are for city-wide users only.
 */
final class SubjectScope {

    private SubjectScope() {
    }

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
    static void requireCase(StaffMember who, java.util.List<org.cityops.assessment.internal.FactQueries.StepView> steps) {
        if ("".equals(who.areaPrefix()) || steps.isEmpty()) {
            return;
        }
        boolean ok = steps.stream().anyMatch(s -> who.coversArea(s.district())
                || (s.department() != null && s.department().equals(who.departmentCode())));
        if (!ok) {
            throw new AccessDeniedToEntityException("超出数据权限 outside your data scope");
        }
    }

    static void require(StaffMember who, SubjectType type, String code) {
        if (!permits(who, type, code)) {
            throw new AccessDeniedToEntityException("超出数据权限 outside your data scope");
        }
    }
}
