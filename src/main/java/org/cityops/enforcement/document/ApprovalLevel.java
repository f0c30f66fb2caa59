package org.cityops.enforcement.document;

/** The levels of a document's approval chain, in order. */
public enum ApprovalLevel {
    HANDLER("承办人"),
    DEPARTMENT("部门负责人"),
    DEPUTY("分管负责人");

    private final String label;

    ApprovalLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level after this one, null after 分管负责人 (the document is then issued). */
    public ApprovalLevel next() {
        return this == DEPUTY ? null : values()[ordinal() + 1];
    }
}
