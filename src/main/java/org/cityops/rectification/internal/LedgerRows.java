package org.cityops.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cityops.rectification.InspectionKind;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;

/** What the ledger's queries return (read models). */
public final class LedgerRows {

    private LedgerRows() {}

    public record InspectionRow(
            long id,
            String name,
            String inspectingBody,
            InspectionKind kind,
            String periodText,
            LocalDate feedbackDate,
            String organization,
            String reportTitle,
            Instant createdAt) {}

    public record CategoryRow(long id, int seq, String title) {

        /** 一, 二, … */
        public String numeral() {
            return ChineseNumerals.of(seq);
        }
    }

    public record ProblemRow(
            long id,
            long categoryId,
            int categorySeq,
            String categoryTitle,
            int number,
            String title,
            ProblemStatus derivedStatus,
            ProblemStatus overrideStatus,
            String overrideJustification,
            String overrideBy,
            boolean signedOff,
            String signedOffBy,
            LocalDate signedOffOn,
            String signoffOpinion,
            int reopenCount,
            int version) {

        /** The status that counts: a leader's override, else the derived one. */
        public ProblemStatus status() {
            return overrideStatus != null ? overrideStatus : derivedStatus;
        }
    }

    public record MeasureRow(
            long id,
            long problemId,
            int problemNumber,
            String problemTitle,
            long categoryId,
            int categorySeq,
            int seq,
            Integer subNo,
            String title,
            boolean titleDerived,
            String text,
            String responsibleLeader,
            String leaderUsername,
            String leadDepartment,
            Long leadDepartmentId,
            LocalDate deadline,
            boolean longTerm,
            String expectedOutcome,
            MeasureStatus status,
            LocalDate completedOn,
            String indicatorKey,
            String indicatorParams,
            String indicatorSignoffValue,
            Instant indicatorSignoffAt,
            List<String> cooperating,
            String latestProgress,
            LocalDate latestProgressDate,
            int evidenceCount,
            int version) {

        /** 逾期 on {@code today} ({@link WarningRule}). */
        public boolean overdue(LocalDate today) {
            return WarningRule.kindOf(status, deadline, today).orElse(null) == WarningRule.Kind.OVERDUE;
        }

        /** 临期 on {@code today} ({@link WarningRule}). */
        public boolean dueSoon(LocalDate today) {
            return WarningRule.kindOf(status, deadline, today).orElse(null) == WarningRule.Kind.DUE_SOON;
        }

        /** 整改时限 as shown: a date, 长期坚持 or empty. */
        public String deadlineText() {
            return longTerm ? Deadlines.LONG_TERM : deadline == null ? "" : deadline.toString();
        }

        /** The measure as the report prints it: "title。text", or only the text when the title is a summary. */
        public String reportText() {
            String prefix = subNo == null ? "" : "(" + subNo + ")";
            if (titleDerived || title == null || title.isBlank() || text.startsWith(title)) {
                return prefix + text;
            }
            return prefix + title + "。" + text;
        }
    }

    public record ProgressRow(
            long id, long measureId, LocalDate entryDate, String text, String author, Instant createdAt) {}

    public record EvidenceRow(
            long id,
            long measureId,
            Long progressId,
            String kind,
            String name,
            String contentType,
            Long sizeBytes,
            String url,
            String author,
            Instant createdAt) {}

    public record ProblemEventRow(
            long id,
            long problemId,
            String kind,
            String fromStatus,
            String toStatus,
            String text,
            String actor,
            LocalDate eventDate,
            Instant createdAt) {}

    public record AchievementRow(
            long id, long inspectionId, Long problemId, String kind, String title, LocalDate issuedOn) {}

    public record WarningRow(long id, long measureId, String kind, LocalDate flaggedOn, String escalatedTo) {}
}
