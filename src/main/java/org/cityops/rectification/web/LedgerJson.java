package org.cityops.rectification.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cityops.rectification.IndicatorValue;
import org.cityops.rectification.internal.LedgerReads.ProblemView;
import org.cityops.rectification.internal.LedgerRows.EvidenceRow;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerRows.ProblemEventRow;
import org.cityops.rectification.internal.LedgerRows.ProblemRow;
import org.cityops.rectification.internal.LedgerRows.ProgressRow;

/** JSON shapes of the rectification API. */
final class LedgerJson {

    private LedgerJson() {}

    record Category(int seq, String numeral, String title) {}

    record Override(String status, String justification, String by) {}

    record SignOff(String by, LocalDate date, String opinion) {}

    record Indicator(String key, String params, String current, String atSignOff, Instant signOffAt) {}

    record Measure(
            long id,
            int seq,
            Integer subNo,
            String title,
            String text,
            String responsibleLeader,
            String leaderUsername,
            String leadDepartment,
            Long leadDepartmentId,
            List<String> cooperatingDepartments,
            LocalDate deadline,
            boolean longTerm,
            String expectedOutcome,
            String status,
            String statusLabel,
            LocalDate completedOn,
            boolean overdue,
            boolean dueSoon,
            String latestProgress,
            int evidenceCount,
            Indicator indicator,
            int problemNumber) {}

    record Problem(
            long id,
            Category category,
            int number,
            String title,
            String status,
            String statusLabel,
            String derivedStatus,
            Override override,
            boolean signedOff,
            SignOff signOff,
            int reopenCount,
            List<Measure> measures) {}

    record Event(String kind, String fromStatus, String toStatus, String text, String actor, LocalDate date) {}

    record ProblemDetail(Problem problem, List<Event> history) {}

    record Progress(long id, LocalDate date, String text, String author) {}

    record Evidence(
            long id,
            String kind,
            String name,
            String contentType,
            Long size,
            String url,
            String author,
            Instant createdAt) {}

    record MeasureDetail(Measure measure, List<Progress> progress, List<Evidence> evidence) {}

    static Measure measure(MeasureRow m, LocalDate today, IndicatorValue now) {
        Indicator ind = m.indicatorKey() == null
                ? null
                : new Indicator(
                        m.indicatorKey(),
                        m.indicatorParams(),
                        now == null ? null : now.display(),
                        m.indicatorSignoffValue(),
                        m.indicatorSignoffAt());
        return new Measure(
                m.id(),
                m.seq(),
                m.subNo(),
                m.title(),
                m.text(),
                m.responsibleLeader(),
                m.leaderUsername(),
                m.leadDepartment(),
                m.leadDepartmentId(),
                m.cooperating(),
                m.deadline(),
                m.longTerm(),
                m.expectedOutcome(),
                m.status().name(),
                m.status().label(),
                m.completedOn(),
                m.overdue(today),
                m.dueSoon(today),
                m.latestProgress(),
                m.evidenceCount(),
                ind,
                m.problemNumber());
    }

    static Problem problem(ProblemView pv, LocalDate today, Map<Long, IndicatorValue> indicators) {
        ProblemRow p = pv.problem();
        return new Problem(
                p.id(),
                new Category(
                        p.categorySeq(),
                        org.cityops.rectification.internal.ChineseNumerals.of(p.categorySeq()),
                        p.categoryTitle()),
                p.number(),
                p.title(),
                p.status().name(),
                p.status().label(),
                p.derivedStatus().name(),
                p.overrideStatus() == null
                        ? null
                        : new Override(p.overrideStatus().name(), p.overrideJustification(), p.overrideBy()),
                p.signedOff(),
                p.signedOff() ? new SignOff(p.signedOffBy(), p.signedOffOn(), p.signoffOpinion()) : null,
                p.reopenCount(),
                pv.measures().stream()
                        .map(m -> measure(m, today, indicators.get(m.id())))
                        .toList());
    }

    static Event event(ProblemEventRow e) {
        return new Event(e.kind(), e.fromStatus(), e.toStatus(), e.text(), e.actor(), e.eventDate());
    }

    static Progress progress(ProgressRow p) {
        return new Progress(p.id(), p.entryDate(), p.text(), p.author());
    }

    static Evidence evidence(EvidenceRow e) {
        return new Evidence(
                e.id(), e.kind(), e.name(), e.contentType(), e.sizeBytes(), e.url(), e.author(), e.createdAt());
    }
}
