package org.cityops.rectification.internal;

import java.time.LocalDate;
import java.util.List;
import org.cityops.rectification.InspectionKind;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;

/** A ledger as read from a JSON or .xlsx file, checked and ready to be stored in one transaction. */
public record LedgerDraft(
        String name,
        String inspectingBody,
        InspectionKind kind,
        String periodText,
        LocalDate feedbackDate,
        String organization,
        String reportTitle,
        List<CategoryDraft> categories) {

    public record CategoryDraft(int seq, String title, List<ProblemDraft> problems) {}

    /** @param status a status set in the file (becomes an override), or null to derive it */
    public record ProblemDraft(int number, String title, ProblemStatus status, List<MeasureDraft> measures) {}

    public record MeasureDraft(
            Integer subNo,
            String title,
            boolean titleDerived,
            String text,
            String leader,
            String leadDepartment,
            List<String> cooperating,
            LocalDate deadline,
            boolean longTerm,
            String expectedOutcome,
            MeasureStatus status,
            String progress,
            String leaderUsername) {}

    public int problemCount() {
        return categories.stream().mapToInt(c -> c.problems().size()).sum();
    }

    public int measureCount() {
        return categories.stream()
                .flatMap(c -> c.problems().stream())
                .mapToInt(p -> p.measures().size())
                .sum();
    }
}
