package org.cityops.enforcement.construction;

/** 发现方式. */
public enum FoundBy {
    PATROL("巡查发现"),
    HOTLINE("12319热线"),
    REPORT("群众举报"),
    SATELLITE("卫片执法");

    private final String label;

    FoundBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
