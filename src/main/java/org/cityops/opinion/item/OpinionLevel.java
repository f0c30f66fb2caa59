package org.cityops.opinion.item;

/** 敏感度 / 等级 of a 舆情 item. */
public enum OpinionLevel {
    GENERAL("一般"),
    MAJOR("较大"),
    SERIOUS("重大");

    private final String label;

    OpinionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
