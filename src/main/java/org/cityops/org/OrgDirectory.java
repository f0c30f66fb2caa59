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

    /** Name of the unit with this code, or the code itself if unknown. */
    default String nameOf(String code) {
        return unit(code).map(OrgUnitView::name).orElse(code);
    }
}
