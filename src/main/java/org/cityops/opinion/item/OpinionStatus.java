package org.cityops.opinion.item;

/** Where a 舆情 item stands in its triage (研判处置). */
public enum OpinionStatus {
    /** 待研判: received, nobody has decided yet */
    NEW("待研判"),
    /** 已排除: not ours or not true, with a reason */
    DISMISSED("已排除"),
    /** 已转办: forwarded to a unit, waiting for its reply before the deadline */
    FORWARDED("已转办"),
    /** 回复超期: the unit did not reply in time (escalated once) */
    OVERDUE("回复超期"),
    /** 已回复: the unit replied */
    REPLIED("已回复"),
    /** 转12319中: a case was asked for, the cases module has not answered yet */
    CASE_REQUESTED("转12319中"),
    /** 已转12319: a case was opened; the item carries its number */
    CASE_OPENED("已转12319");

    private final String label;

    OpinionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** No further triage. */
    public boolean finished() {
        return this == DISMISSED || this == REPLIED || this == CASE_OPENED;
    }
}
