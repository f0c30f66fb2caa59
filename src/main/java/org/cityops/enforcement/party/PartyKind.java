package org.cityops.enforcement.party;

/** 当事人类别. */
public enum PartyKind {
    /** 自然人 (identified by 公民身份号码) */
    PERSON("自然人"),
    /** 法人或其他组织 (identified by 统一社会信用代码) */
    UNIT("单位");

    private final String label;

    PartyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
