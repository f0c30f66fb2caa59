package org.cityops.catalog;

/** 紧急程度 of a case: decides its time limits. */
public enum Urgency {
    /** 一般 */
    NORMAL("一般"),
    /** 紧急 */
    URGENT("紧急"),
    /** 特急 */
    CRITICAL("特急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
