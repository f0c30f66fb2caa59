package org.cityops.org;

/**
 * How a record is placed for data scope (数据权限): by which of area code, department and owner. A scope level
 * that cannot place a kind of record falls back to the actor's own placement on a dimension the record has (see
 * {@link ScopeRule}).
 */
public enum RecordKind {
    /**
     * Placed by area, department and owner: a case (its grid code 网格, its handling department 处置部门, its reporter
     * 上报人).
     */
    AREA_DEPARTMENT_OWNER,
    /** Placed by area only: construction-waste companies, sites, vehicles, permits and alarms (by district 区县). */
    AREA,
    /** Placed by department only: a rectification measure (牵头单位/配合单位). */
    DEPARTMENT
}
