package org.cityops.org;

/** Staff roles. Spring Security authorities are {@code ROLE_} + the name. */
public enum Role {
    ADMIN("管理员"),
    OPERATOR("受理员"),
    SHIFT_LEADER("值班长"),
    DISPATCHER("派遣员"),
    INSPECTOR("监督员"),
    HANDLER("处置人员"),
    ASSESSOR("考评员"),
    LEADER("领导"),
    RECTIFICATION_OFFICE("整改办"),
    MUCK_SUPERVISOR("渣土监管员"),
    SANITATION_SUPERVISOR("环卫监管员"),
    /** 街面秩序监管员: keeps the street-front ledgers (户外广告/店招, 停放区, 运营企业, 违停拖移) */
    STREETFRONT_SUPERVISOR("街面秩序监管员"),
    /** 执法队员 / 承办人 (城管执法办案) */
    ENFORCEMENT_OFFICER("执法队员"),
    /** 法制审核员 */
    LEGAL_REVIEWER("法制审核员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name shown in the UI. */
    public String label() {
        return label;
    }
}
