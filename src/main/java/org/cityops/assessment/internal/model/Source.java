package org.cityops.assessment.internal.model;

/** The five sources of the multi-source score (多元评价). */
public enum Source {
    PUBLIC("公众评价"),
    THIRD_PARTY("第三方评价"),
    SUPERVISION("监督考核评价"),
    DEPARTMENT("专业部门评价"),
    DISTRICT("区级评价");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
