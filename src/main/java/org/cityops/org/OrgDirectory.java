package org.cityops.org;

import java.util.List;
import java.util.Optional;

/** Read access to the administrative tree and the departments, for every module. */
public interface OrgDirectory {

    Optional<OrgUnitView> unit(String code);

    List<OrgUnitView> children(String parentCode);

    List<OrgUnitView> unitsOfKind(OrgUnitKind kind);

    Optional<DepartmentView> department(long id);

    Optional<DepartmentView> departmentByCode(String code);

    List<DepartmentView> departments();

    /** The district bureau (区城管局) responsible for a district code, if any. */
    Optional<DepartmentView> districtBureau(String districtCode);

    /**
     * The supervisor (监督员) responsible for an area code such as a grid code: the enabled user with role
     * INSPECTOR whose own unit is the smallest one containing the area (community before street before district
     * before the whole city); among equals the first by username. Empty when no inspector covers it.
     */
    Optional<String> inspectorFor(String areaCode);

    /** An enabled staff account with its roles and data scope, by account name; empty when unknown or disabled. */
    Optional<StaffMember> staff(String username);

    /**
     * The enabled accounts holding a role, by account name (e.g. the leaders a rectification measure can name as
     * its 责任领导 account). At most 500.
     */
    List<StaffMember> staffWithRole(Role role);

    /**
     * The mobile phone of an enabled staff account (for SMS notices), trimmed; empty when unknown, disabled or not
     * recorded.
     */
    Optional<String> phoneOf(String username);

    /** Name of the unit with this code, or the code itself if unknown. */
    default String nameOf(String code) {
        return unit(code).map(OrgUnitView::name).orElse(code);
    }
}
