package org.cityops.notify.trigger;

import java.util.List;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryView;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.springframework.stereotype.Component;

/** {@link Who} from the org directory's enabled accounts and roles, and the catalogue's category names. */
@Component
class OrgWho implements Who {

    private final OrgDirectory org;
    private final Catalog catalog;

    OrgWho(OrgDirectory org, Catalog catalog) {
        this.org = org;
        this.catalog = catalog;
    }

    @Override
    public List<String> handlersOf(String departmentCode) {
        return inDepartment(Role.HANDLER, departmentCode);
    }

    @Override
    public List<String> headsOf(String departmentCode) {
        return inDepartment(Role.LEADER, departmentCode);
    }

    @Override
    public List<String> districtHeadsOf(String districtCode) {
        if (districtCode == null) {
            return List.of();
        }
        String bureau =
                org.districtBureau(districtCode).map(DepartmentView::code).orElse(null);
        return org.staffWithRole(Role.LEADER).stream()
                .filter(s -> (bureau != null && bureau.equals(s.departmentCode()))
                        || (s.scope() == DataScope.DISTRICT && districtCode.equals(s.orgUnitCode())))
                .map(StaffMember::username)
                .distinct()
                .toList();
    }

    @Override
    public List<String> muckSupervisorsOf(String districtCode) {
        return org.staffWithRole(Role.MUCK_SUPERVISOR).stream()
                .filter(s -> districtCode == null ? s.scope() == DataScope.CITY : s.coversArea(districtCode))
                .map(StaffMember::username)
                .distinct()
                .toList();
    }

    @Override
    public List<String> allLeaders() {
        return org.staffWithRole(Role.LEADER).stream()
                .map(StaffMember::username)
                .distinct()
                .toList();
    }

    @Override
    public String departmentCode(Long departmentId) {
        return departmentId == null
                ? null
                : org.department(departmentId).map(DepartmentView::code).orElse(null);
    }

    @Override
    public String placeName(String areaCode) {
        return areaCode == null ? null : org.nameOf(areaCode);
    }

    @Override
    public String categoryName(String categoryCode) {
        if (categoryCode == null) {
            return "";
        }
        return catalog.resolve(categoryCode).map(CategoryView::name).orElse(categoryCode);
    }

    @Override
    public String displayName(String username) {
        if (username == null) {
            return "";
        }
        return org.staff(username).map(StaffMember::displayName).orElse(username);
    }

    private List<String> inDepartment(Role role, String departmentCode) {
        if (departmentCode == null) {
            return List.of();
        }
        return org.staffWithRole(role).stream()
                .filter(s -> departmentCode.equals(s.departmentCode()))
                .map(StaffMember::username)
                .distinct()
                .toList();
    }
}
