package org.cityops.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * 回访 by the citizen who reported a case (the visit module's link): what the reporter may see of the case, and
 * the VISIT step taken on the citizen's behalf, exactly as an operator's 回访 (same step, same {@link CaseVisited}
 * and {@link CaseStepCompleted} with the satisfaction, so it counts in the assessment's 公众评价), recorded in the
 * caller's transaction.
 */
public interface CitizenVisits {

    /** The channels a citizen reports through (12319 热线, 公众举报, Open311): the ones a 回访 link is sent for. */
    static boolean citizenChannel(CaseChannel channel) {
        return channel == CaseChannel.HOTLINE || channel == CaseChannel.CITIZEN || channel == CaseChannel.OPEN311;
    }

    /**
     * The case as its reporter may see it on the 回访 page, with the reporter's phone for the link's SMS (never
     * shown on a page); empty when the case is unknown.
     */
    Optional<VisitCase> visitCase(long caseId);

    /**
     * Takes the VISIT step for the citizen (actor {@code citizen}, role PUBLIC): the case must be 已结案 (a case
     * already visited by an operator, or reopened, is a 409 {@link org.cityops.platform.ConflictException}).
     * 不满意 does not reopen the case by itself: the operator sees the answer and decides.
     *
     * @param comment the citizen's words, may be null; kept in the step's note
     */
    void visitByCitizen(long caseId, Satisfaction satisfaction, String comment);

    /**
     * What the 回访 page shows (no staff notes, no names; the address with personal numbers masked) and, not
     * for display, the reporter's phone.
     */
    record VisitCase(
            long caseId,
            String caseNumber,
            CaseChannel channel,
            CaseStatus status,
            String categoryName,
            String districtName,
            String address,
            Instant reportedAt,
            Instant closedAt,
            Satisfaction satisfaction,
            String reporterPhone) {

        @Override
        public String toString() {
            return "VisitCase[" + caseNumber + ", " + status + "]";
        }
    }
}
