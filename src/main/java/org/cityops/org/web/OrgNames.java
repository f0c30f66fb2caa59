package org.cityops.org.web;

import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.springframework.stereotype.Component;

/**
 * Names for the codes of the org tree on server-rendered pages of every module: {@code ${@orgNames.unit('320402')}} →
 * 天宁区, {@code ${@orgNames.department('QCGJ-320402')}} → 天宁区城管局. An unknown code is shown as it is.
 */
@Component("orgNames")
public class OrgNames {

    private final OrgDirectory directory;

    OrgNames(OrgDirectory directory) {
        this.directory = directory;
    }

    /** 行政区划 name of a unit code (区、街道、社区), or the code if unknown; empty for none. */
    public String unit(String code) {
        return code == null || code.isBlank() ? "" : directory.nameOf(code);
    }

    /** Name of the department with this code, or the code if unknown; empty for none. */
    public String department(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return directory.departmentByCode(code).map(DepartmentView::name).orElse(code);
    }
}
