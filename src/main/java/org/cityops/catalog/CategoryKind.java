package org.cityops.catalog;

/** 部件 (a public facility) or 事件 (an event or behaviour). */
public enum CategoryKind {
    /** 部件 / 管理部件 */
    COMPONENT("部件"),
    /** 事件 / 管理事项 */
    EVENT("事件");

    private final String label;

    CategoryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
