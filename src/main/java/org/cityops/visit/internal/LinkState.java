package org.cityops.visit.internal;

import java.time.Instant;
import org.cityops.cases.CaseStatus;

/**
 * What a 回访 link may do now, as one rule: a link works once, for 7 days, and only while its case waits for its
 * 回访 (已结案); an operator's 回访 (or a reopening) first ends it. Unknown or malformed tokens are FORGED.
 */
public enum LinkState {
    /** the form is shown and an answer is taken */
    OPEN,
    /** no such token */
    FORGED,
    /** answered already */
    USED,
    /** older than its 7 days */
    EXPIRED,
    /** the case is no longer waiting for 回访 (visited by an operator, or reopened) */
    CASE_VISITED;

    /**
     * @param usedAt    when the link was answered, or null
     * @param expiresAt when it expires
     * @param status    the case's status now
     */
    public static LinkState of(Instant usedAt, Instant expiresAt, CaseStatus status, Instant now) {
        if (usedAt != null) {
            return USED;
        }
        if (!now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        if (status != CaseStatus.CLOSED) {
            return CASE_VISITED;
        }
        return OPEN;
    }
}
