package org.cityops.enforcement.construction;

import org.cityops.enforcement.document.DocumentType;

/** Outbound notices (告知/推送): a document and a log line; no external system is called. */
public enum NoticeKind {
    REAL_ESTATE_RESTRICTION("不动产登记限制", DocumentType.REAL_ESTATE_RESTRICTION, "常州市不动产登记中心"),
    CREDIT_PENALTY("信用惩戒", DocumentType.CREDIT_PENALTY, "常州市公共信用信息中心");

    private final String label;
    private final DocumentType document;
    private final String defaultRecipient;

    NoticeKind(String label, DocumentType document, String defaultRecipient) {
        this.label = label;
        this.document = document;
        this.defaultRecipient = defaultRecipient;
    }

    public String label() {
        return label;
    }

    public DocumentType document() {
        return document;
    }

    public String defaultRecipient() {
        return defaultRecipient;
    }
}
