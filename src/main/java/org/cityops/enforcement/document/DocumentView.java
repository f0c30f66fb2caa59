package org.cityops.enforcement.document;

import java.time.Instant;
import java.util.List;

/** A document as the pages and the API show it. */
public record DocumentView(
        long id,
        DocumentType.Owner ownerKind,
        long ownerId,
        DocumentType type,
        String typeLabel,
        String stepKey,
        int revision,
        String title,
        String number,
        DocumentStatus status,
        String statusLabel,
        ApprovalLevel nextLevel,
        String nextLevelLabel,
        String sha256,
        String draftedBy,
        Instant createdAt,
        Instant issuedAt,
        List<Approval> approvals) {

    /** One signature or 退回 of the chain. */
    public record Approval(
            ApprovalLevel level, String levelLabel, boolean approved, String opinion, String actorName, Instant at) {

        public String line() {
            return levelLabel + "（" + actorName + "）" + (approved ? "同意" : "退回") + "：" + opinion;
        }
    }
}
