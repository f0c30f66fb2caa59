package org.cityops.sanitation.report;

/** How a segment stands on a day. */
public enum CoverageStatus {
    DONE("已完成"),
    PARTIAL("部分覆盖"),
    MISSED("未作业"),
    UNPLANNED("无计划");

    private final String label;

    CoverageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
