package org.cityops.enforcement.procedure;

/** Why a case's clocks stop (期限中止): the periods that do not count towards the limits. */
public enum SuspensionKind {
    /** 听证 */
    HEARING("听证"),
    /** 检测、检验 */
    TESTING("检测"),
    /** 鉴定 */
    APPRAISAL("鉴定"),
    /** 公告 (送达 or notice by announcement) */
    ANNOUNCEMENT("公告"),
    /** 案件中止 (e.g. the party cannot be found, another case must be decided first) */
    SUSPENSION("中止");

    private final String label;

    SuspensionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
