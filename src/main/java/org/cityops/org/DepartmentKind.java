package org.cityops.org;

/** Kinds of department (责任单位). */
public enum DepartmentKind {
    /** 局机关 */
    BUREAU("局机关"),
    /** 专业部门, e.g. 环卫处, 执法支队, 市公园管理中心 */
    PROFESSIONAL("专业部门"),
    /** 区城管局 */
    DISTRICT_BUREAU("区城管局"),
    /** 街道办事处 */
    STREET_OFFICE("街道"),
    OTHER("其他");

    private final String label;

    DepartmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
