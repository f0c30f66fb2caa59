package org.cityops.enforcement.document;

/**
 * The 执法文书 the module generates. A numbered type takes a 文号 from its own counter when issued (签发); a type
 * with an approval chain goes 承办人 → 部门负责人 → 分管负责人 before it is issued; a 笔录 or 送达回证 is a record
 * the party signs on site and is issued as it is drafted. A repeatable type may have several documents in one
 * case, one per round (第几次); any other has one per case (a second is a 409).
 */
public enum DocumentType {
    FILING_APPROVAL("立案审批表", Owner.CASE, null, true, false),
    SITE_INSPECTION("现场检查笔录", Owner.CASE, null, false, true),
    INQUIRY("询问笔录", Owner.CASE, null, false, true),
    RECTIFICATION_ORDER("责令改正通知书", Owner.CASE, "责改", true, false),
    PRIOR_NOTICE("行政处罚事先告知书", Owner.CASE, "罚告", true, false),
    HEARING_NOTICE("听证告知书", Owner.CASE, "听告", true, false),
    DECISION("行政处罚决定书", Owner.CASE, "罚决", true, false),
    SERVICE_RECEIPT("送达回证", Owner.CASE, null, false, true),
    CLOSING_APPROVAL("结案审批表", Owner.CASE, null, true, false),
    DEMOLITION_ORDER("限期拆除决定书", Owner.STRUCTURE, "限拆", true, true),
    REAL_ESTATE_RESTRICTION("协助限制不动产登记通知书", Owner.STRUCTURE, "协登", true, false),
    CREDIT_PENALTY("失信惩戒信息推送函", Owner.STRUCTURE, "信推", true, false);

    /** What a document belongs to. */
    public enum Owner {
        CASE,
        STRUCTURE
    }

    private final String label;
    private final Owner owner;
    private final String numberWord;
    private final boolean approval;
    private final boolean repeatable;

    DocumentType(String label, Owner owner, String numberWord, boolean approval, boolean repeatable) {
        this.label = label;
        this.owner = owner;
        this.numberWord = numberWord;
        this.approval = approval;
        this.repeatable = repeatable;
    }

    public String label() {
        return label;
    }

    public Owner owner() {
        return owner;
    }

    /** The word of the 文号 after the bureau's prefix (常城执 + 罚决 + 字), null for an unnumbered type. */
    public String numberWord() {
        return numberWord;
    }

    public boolean numbered() {
        return numberWord != null;
    }

    public boolean needsApproval() {
        return approval;
    }

    public boolean repeatable() {
        return repeatable;
    }

    public static DocumentType parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
