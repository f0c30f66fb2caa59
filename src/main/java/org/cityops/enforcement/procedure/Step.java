package org.cityops.enforcement.procedure;

/** What can be done to an enforcement case; {@link ProcedurePolicy} says from which stage, by whom, and when not. */
public enum Step {
    /** 立案 */
    FILE("立案"),
    /** 行政处罚事先告知 (with the proposed penalty, tier and fine) */
    NOTIFY("处罚告知"),
    /** 当事人陈述申辩 (recorded) */
    STATEMENT("陈述申辩"),
    /** 当事人放弃陈述申辩和听证 */
    WAIVE("放弃陈述申辩"),
    /** 当事人申请听证: starts a 听证 suspension until the hearing ends */
    REQUEST_HEARING("申请听证"),
    /** 中止计时 (检测, 鉴定, 公告, 中止) */
    SUSPEND("中止计时"),
    /** 恢复计时 (also: 听证结束) */
    RESUME("恢复计时"),
    /** 延长决定期限 (经负责人批准) */
    EXTEND_DECISION("延长决定期限"),
    /** 提交法制审核 */
    SUBMIT_REVIEW("提交法制审核"),
    /** 法制审核通过 */
    APPROVE_REVIEW("法制审核通过"),
    /** 法制审核退回 (补充调查) */
    RETURN_REVIEW("法制审核退回"),
    /** 作出行政处罚决定 */
    DECIDE("作出处罚决定"),
    /** 不予行政处罚 (首违不罚) */
    NOT_PUNISH("不予处罚"),
    /** 撤案 */
    WITHDRAW("撤案"),
    /** 移送 */
    TRANSFER("移送"),
    /** 送达决定书 */
    SERVE("送达"),
    /** 缴纳罚款 (含加处罚款) */
    PAY("缴纳罚款"),
    /** 申请强制执行 */
    ENFORCE("申请强制执行"),
    /** 终结执行 */
    TERMINATE_ENFORCEMENT("终结执行"),
    /** 结案 */
    CLOSE("结案");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
