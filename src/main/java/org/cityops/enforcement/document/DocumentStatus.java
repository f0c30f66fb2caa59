package org.cityops.enforcement.document;

/** Where a document stands. */
public enum DocumentStatus {
    APPROVING("审批中"),
    ISSUED("已签发"),
    REJECTED("已退回");

    private final String label;

    DocumentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
