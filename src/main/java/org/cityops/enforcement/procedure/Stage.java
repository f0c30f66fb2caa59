package org.cityops.enforcement.procedure;

/** Where an enforcement case (行政处罚案件) stands in the procedure of the 行政处罚法. */
public enum Stage {
    /** 待立案: a clue (线索) found on patrol, complained about, assigned or transferred from a 12319 case */
    PENDING_FILING("待立案"),
    /** 调查取证: filed (立案), evidence being collected */
    INVESTIGATING("调查取证"),
    /** 已告知: 行政处罚事先告知 served, the party's 陈述申辩 (and 听证) periods run */
    NOTIFIED("已告知"),
    /** 法制审核中 */
    IN_REVIEW("法制审核中"),
    /** 审核通过, 待决定 */
    REVIEWED("待决定"),
    /** 已决定, 待送达 */
    DECIDED("待送达"),
    /** 已送达, 待履行 (payment runs) */
    SERVED("待履行"),
    /** 申请强制执行 / 强制执行中 */
    ENFORCING("强制执行"),
    /** 已履行, 待结案 */
    PERFORMED("待结案"),
    /** 结案 */
    CLOSED("已结案"),
    /** 不予处罚 (e.g. 首违不罚) */
    NOT_PUNISHED("不予处罚"),
    /** 撤案 (违法事实不能成立) */
    WITHDRAWN("已撤案"),
    /** 移送 (to another authority, e.g. 涉嫌犯罪 to the police) */
    TRANSFERRED("已移送");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** No step leads anywhere from here. */
    public boolean isFinal() {
        return this == CLOSED || this == NOT_PUNISHED || this == WITHDRAWN || this == TRANSFERRED;
    }
}
