package org.cityops.cases;

/** What staff can do to a case; see the transition table in docs/cases.md. */
public enum CaseAction {
    /** 核实 */
    VERIFY("核实"),
    /** 立案 */
    FILE("立案"),
    /** 作废 / 不予立案 */
    REJECT("作废"),
    /** 派遣 (also 改派 after a return) */
    DISPATCH("派遣"),
    /** 签收 */
    ACCEPT("签收"),
    /** 处置反馈 */
    REPORT_HANDLED("处置反馈"),
    /** 核查通过 */
    CHECK_PASS("核查通过"),
    /** 核查不通过 → 返工 */
    CHECK_FAIL("核查不通过(返工)"),
    /** 结案 */
    CLOSE("结案"),
    /** 回访 */
    VISIT("回访"),
    /** 回退: the department says it is not theirs */
    RETURN("回退"),
    /** 申请延期 */
    REQUEST_EXTENSION("申请延期"),
    /** 批准延期 */
    APPROVE_EXTENSION("批准延期"),
    /** 驳回延期 */
    DENY_EXTENSION("驳回延期"),
    /** 申请挂账: the department asks to suspend, with a reason and the expected date */
    REQUEST_SUSPEND("申请挂账"),
    /** 挂账: the shift leader approves a request (or suspends on its own motion); the clock stops */
    SUSPEND("挂账"),
    /** 驳回挂账: the request is refused, the case goes back to the department */
    REFUSE_SUSPEND("驳回挂账"),
    /** 指派监督员: sends the waiting 核实 / 核查 task to an inspector (or to another one) */
    ASSIGN_INSPECTOR("指派监督员"),
    /** 挂账恢复 */
    RESUME("挂账恢复"),
    /** 督办 */
    SUPERVISE("督办"),
    /** 合并 into an existing case (重复上报) */
    MERGE("合并");

    private final String label;

    CaseAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
