package org.cityops.cases;

/** 回访满意度. */
public enum Satisfaction {
    /** 满意 */
    SATISFIED("满意"),
    /** 基本满意 */
    BASICALLY_SATISFIED("基本满意"),
    /** 不满意 */
    DISSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
