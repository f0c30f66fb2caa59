package org.cityops.streetfront.signs;

/** Outcome of one structure safety inspection (结构安全检查). */
public enum InspectionResult {
    PASS("合格"),
    FINDING("发现问题");

    private final String label;

    InspectionResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
