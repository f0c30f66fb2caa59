package org.cityops.org;

/** How much of the city a user's queries cover (数据权限). */
public enum DataScope {
    /** 全市 */
    CITY("全市"),
    /** 本区: the user's district (or county-level city) and everything under it */
    DISTRICT("本区"),
    /** 本街道: the user's street/town and its communities */
    STREET("本街道"),
    /** 本部门: what is assigned to the user's department */
    DEPARTMENT("本部门"),
    /** 本人: only what the user created or was assigned */
    SELF("本人");

    private final String label;

    DataScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
