package org.cityops.org.internal.admin;

import org.cityops.org.DepartmentKind;

/** A department (专业部门/责任单位) with its optimistic-lock version. */
public record DepartmentRow(long id, String code, String name, DepartmentKind kind, String orgUnitCode, int version) {

    String summary() {
        return code + " " + name + " " + kind + (orgUnitCode == null ? "" : " unit=" + orgUnitCode);
    }
}
