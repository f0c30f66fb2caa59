package org.cityops.enforcement.file;

/** How an enforcement case came in (案件来源). */
public enum CaseSource {
    /** 巡查发现 */
    PATROL("巡查发现"),
    /** 投诉举报 */
    COMPLAINT("投诉举报"),
    /** 上级交办 */
    ASSIGNED("上级交办"),
    /** 12319案件移送 */
    TRANSFER("12319移送");

    private final String label;

    CaseSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
