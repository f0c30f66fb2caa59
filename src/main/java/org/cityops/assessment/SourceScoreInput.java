package org.cityops.assessment;

import java.time.YearMonth;
import java.util.List;
import org.cityops.org.StaffMember;

/**
 * The assessment's source input for other modules: a module that measures something (e.g. sanitation's
 * 机械化作业覆盖率) hands it in as 专业部门评价 scores, entered by the calling department member under the same
 * validation, status rules and audit as a score typed in on the assessment's pages. Never write the assessment's
 * tables directly.
 *
 * <p>Idempotency: every score carries a source key. A submission whose key (for any of its scores) was already
 * entered in the period is refused whole with a 409 ({@code ConflictException}, field {@code sourceKey}); nothing
 * is replaced, since a counted score changes only through the assessment's own review and revision.
 */
public interface SourceScoreInput {

    /**
     * One 专业部门评价 score. {@code subjectType} is the assessment's subject type name (DISTRICT, STREET, …,
     * DEPARTMENT); {@code score} is 0..100; {@code sourceKey} at most 64 characters, unique per period.
     */
    record ProfessionalScore(
            String subjectType, String subjectCode, String itemCode, double score, String sourceKey, String note) {}

    /** What was entered: the period that covers the month and the new scores' ids. */
    record Submitted(long periodId, String periodLabel, List<Long> scoreIds) {}

    /**
     * Enters all scores (or none) in the assessment period covering the whole {@code month}: the shortest such
     * period, the newest if several are as short. 404 when no period covers it; 409 when it is locked or published
     * or a key was already submitted; 400 (field named) for a bad score or unknown subject; 403 when {@code who} is
     * not a department member or scores its own department.
     */
    Submitted submitProfessional(YearMonth month, List<ProfessionalScore> scores, StaffMember who);
}
