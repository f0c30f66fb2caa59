package org.cityops.org.internal.admin;

import org.cityops.org.OrgUnitKind;

/** An administrative unit (行政区划) as the administration sees it, with its optimistic-lock version. */
public record UnitRow(long id, String code, String name, OrgUnitKind kind, String parentCode, int version) {

    String summary() {
        return code + " " + name + " " + kind + (parentCode == null ? "" : " parent=" + parentCode);
    }
}
