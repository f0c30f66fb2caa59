package org.cityops.opinion.item;

/** What may happen to a 舆情 item. */
public enum TriageAction {
    /** 排除 (duty officer, with a reason) */
    DISMISS("排除"),
    /** 转办 to a unit with a reply deadline (duty officer) */
    FORWARD("转办"),
    /** 回复 by the unit it was forwarded to */
    REPLY("回复"),
    /** 超期督办: the scheduled check finds the reply deadline passed */
    ESCALATE("超期督办"),
    /** 转12319: ask the cases module for a MEDIA-channel case (duty officer) */
    REQUEST_CASE("转12319"),
    /** the cases module answered with a case */
    CASE_OPENED("立案"),
    /** the cases module refused the request: back to 待研判 with the reason */
    CASE_FAILED("转12319失败");

    private final String label;

    TriageAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
