package org.cityops.cases;

/** Where a case (案卷) stands in its lifecycle (受理→核实→立案→派遣→处置→核查→结案→回访). */
public enum CaseStatus {
    /** 待核实: reported by a non-inspector channel, an inspector must verify on site */
    PENDING_VERIFY("待核实"),
    /** 待立案: verified (or reported by an inspector), waiting for the shift leader */
    PENDING_FILE("待立案"),
    /** 已立案 / 待派遣 */
    FILED("待派遣"),
    /** 已派遣 / 待签收 */
    DISPATCHED("待签收"),
    /** 已签收 / 处置中 */
    ACCEPTED("处置中"),
    /** 延期申请中 (the handler keeps working while the shift leader decides) */
    EXTENSION_REQUESTED("延期申请中"),
    /** 挂账申请中: the department asked to suspend; the clock keeps running until the shift leader approves */
    SUSPEND_REQUESTED("挂账申请中"),
    /** 挂账 (缓办): the clock stops */
    SUSPENDED("挂账"),
    /** 已处置 / 待核查 */
    HANDLED("待核查"),
    /** 核查通过 / 待结案 */
    CHECKED("待结案"),
    /** 已结案 / 待回访 */
    CLOSED("已结案"),
    /** 已回访 (归档) */
    VISITED("已回访"),
    /** 作废 / 不予立案 */
    REJECTED("作废"),
    /** 已合并 into another case (重复上报) */
    MERGED("已合并");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still being worked on: not closed, visited, rejected or merged. */
    public boolean isOpen() {
        return this != CLOSED && this != VISITED && this != REJECTED && this != MERGED;
    }

    /** No action leads anywhere from here. */
    public boolean isFinal() {
        return this == VISITED || this == REJECTED || this == MERGED;
    }
}
