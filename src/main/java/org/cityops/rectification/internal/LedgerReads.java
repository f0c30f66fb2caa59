package org.cityops.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.CityClock;
import org.cityops.platform.NotFoundException;
import org.cityops.rectification.IndicatorValue;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.LedgerRows.CategoryRow;
import org.cityops.rectification.internal.LedgerRows.EvidenceRow;
import org.cityops.rectification.internal.LedgerRows.InspectionRow;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerRows.ProblemEventRow;
import org.cityops.rectification.internal.LedgerRows.ProblemRow;
import org.cityops.rectification.internal.LedgerRows.ProgressRow;
import org.springframework.stereotype.Service;

/**
 * Everything the ledger shows, read within the signed-in user's scope ({@link LedgerAccess}): the office, leaders
 * and administrators see the whole ledger; a department user (本部门) sees the measures its department leads or
 * cooperates in, the problems that have such a measure, and counts over those only. Every method applies the scope
 * itself: a measure, a problem, their history, progress and evidence read by id are a 404 when there is none and a
 * 403 when they are another department's, whatever was read before.
 */
@Service
public class LedgerReads {

    private final LedgerRepository repo;
    private final Clock clock;
    private final IndicatorRegistry indicators;

    LedgerReads(LedgerRepository repo, Clock clock, IndicatorRegistry indicators) {
        this.repo = repo;
        this.clock = clock;
        this.indicators = indicators;
    }

    public record Summary(
            long inspectionId,
            int categories,
            int problems,
            int measures,
            Map<ProblemStatus, Integer> problemsByStatus,
            Map<MeasureStatus, Integer> measuresByStatus,
            int overdue,
            int dueWithin7Days,
            int signedOff,
            int rulesEstablished,
            int researchReports) {}

    public record ProblemView(ProblemRow problem, List<MeasureRow> measures) {}

    /** A problem with its history and the inspection it belongs to. */
    public record ProblemDetail(ProblemView view, long inspectionId, List<ProblemEventRow> events) {}

    /** A measure with its progress (newest first) and evidence, and the inspection it belongs to. */
    public record MeasureDetail(
            MeasureRow measure, long inspectionId, List<ProgressRow> progress, List<EvidenceRow> evidence) {}

    public record MeasurePage(List<MeasureRow> rows, long total) {}

    /** A piece of evidence: a link ({@code row.url()}) or stored bytes ({@code content}). */
    public record EvidenceFile(EvidenceRow row, byte[] content) {}

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    /** The 本部门 filter of the actor, or null when the actor sees the whole ledger. */
    private static Long scope(StaffMember me) {
        return LedgerAccess.scope(me);
    }

    public List<InspectionRow> inspections(StaffMember me) {
        return repo.inspections();
    }

    public InspectionRow inspection(StaffMember me, long id) {
        return repo.inspection(id).orElseThrow(() -> new NotFoundException("巡察不存在 no such inspection " + id));
    }

    public Summary summary(StaffMember me, long inspectionId) {
        inspection(me, inspectionId);
        LedgerRepository.Counts c = repo.counts(inspectionId, scope(me), today());
        Map<ProblemStatus, Integer> byStatus = new EnumMap<>(ProblemStatus.class);
        for (ProblemStatus s : ProblemStatus.values()) {
            byStatus.put(s, c.problemsByStatus().getOrDefault(s.name(), 0));
        }
        Map<MeasureStatus, Integer> byMeasure = new EnumMap<>(MeasureStatus.class);
        int measures = 0;
        for (MeasureStatus s : MeasureStatus.values()) {
            int n = c.measuresByStatus().getOrDefault(s.name(), 0);
            byMeasure.put(s, n);
            measures += n;
        }
        var achievements = repo.achievements(inspectionId);
        int rules =
                (int) achievements.stream().filter(a -> "RULE".equals(a.kind())).count();
        int reports = (int) achievements.stream()
                .filter(a -> "RESEARCH_REPORT".equals(a.kind()))
                .count();
        return new Summary(
                inspectionId,
                c.categories(),
                c.problems(),
                measures,
                byStatus,
                byMeasure,
                c.overdue(),
                c.dueSoon(),
                c.signedOff(),
                rules,
                reports);
    }

    /** Problems in number order with their measures; a department user sees only problems with its measures. */
    public List<ProblemView> problems(StaffMember me, long inspectionId) {
        inspection(me, inspectionId);
        Long scope = scope(me);
        List<MeasureRow> measures = repo.measures(MeasureQuery.all(inspectionId, scope, today()));
        Map<Long, List<MeasureRow>> byProblem = new LinkedHashMap<>();
        for (MeasureRow m : measures) {
            byProblem.computeIfAbsent(m.problemId(), k -> new ArrayList<>()).add(m);
        }
        List<ProblemView> out = new ArrayList<>();
        for (ProblemRow p : repo.problems(inspectionId)) {
            List<MeasureRow> ms = byProblem.getOrDefault(p.id(), List.of());
            if (scope == null || !ms.isEmpty()) {
                out.add(new ProblemView(p, ms));
            }
        }
        return out;
    }

    /** The status that counts of each problem the user sees, by problem id. */
    public Map<Long, ProblemStatus> problemStatuses(StaffMember me, long inspectionId) {
        Map<Long, ProblemStatus> out = new LinkedHashMap<>();
        repo.problems(inspectionId, scope(me)).forEach(p -> out.put(p.id(), p.status()));
        return out;
    }

    /** The ledger list with the user's filters; the 本部门 scope is added here, whatever the caller asked. */
    public MeasurePage measures(StaffMember me, MeasureQuery q) {
        inspection(me, q.inspectionId());
        MeasureQuery scoped = new MeasureQuery(
                q.inspectionId(),
                scope(me),
                q.categoryId(),
                q.department(),
                q.leader(),
                q.status(),
                q.problemStatus(),
                q.overdue(),
                q.dueSoon(),
                q.problemId(),
                today(),
                q.limit(),
                q.offset());
        return new MeasurePage(repo.measures(scoped), repo.countMeasures(scoped));
    }

    /** A problem with the measures the user sees; 403 for a department user who has none of them. */
    public ProblemView problem(StaffMember me, long problemId) {
        ProblemRow p =
                repo.problem(problemId).orElseThrow(() -> new NotFoundException("问题不存在 no such problem " + problemId));
        long inspectionId = repo.inspectionOfProblem(problemId).orElseThrow();
        Long scope = scope(me);
        List<MeasureRow> ms =
                repo.measures(MeasureQuery.all(inspectionId, scope, today()).forProblem(problemId));
        if (scope != null && ms.isEmpty()) {
            throw new AccessDeniedToEntityException("不是本部门的问题 not a problem of your department");
        }
        return new ProblemView(p, ms);
    }

    /** {@link #problem} with its history (override, 销号, reopen). */
    public ProblemDetail problemDetail(StaffMember me, long problemId) {
        ProblemView view = problem(me, problemId);
        return new ProblemDetail(view, repo.inspectionOfProblem(problemId).orElseThrow(), repo.events(problemId));
    }

    /** A measure; 403 for a department user whose department neither leads nor cooperates in it. */
    public MeasureRow measure(StaffMember me, long measureId) {
        MeasureRow m = repo.measure(measureId)
                .orElseThrow(() -> new NotFoundException("整改措施不存在 no such measure " + measureId));
        if (!LedgerAccess.seesAll(me) && !owns(me, measureId)) {
            throw new AccessDeniedToEntityException("不是本部门的整改措施 not a measure of your department");
        }
        return m;
    }

    /** {@link #measure} with its progress and evidence. */
    public MeasureDetail measureDetail(StaffMember me, long measureId) {
        MeasureRow m = measure(me, measureId);
        return new MeasureDetail(
                m, repo.measureOwner(measureId).orElseThrow()[0], repo.progress(measureId), repo.evidence(measureId));
    }

    /** A piece of evidence by its id, in the scope of its measure. */
    public EvidenceFile evidenceFile(StaffMember me, long evidenceId) {
        EvidenceRow e =
                repo.evidenceById(evidenceId).orElseThrow(() -> new NotFoundException("佐证材料不存在 no such evidence"));
        measure(me, e.measureId());
        return new EvidenceFile(e, e.url() != null ? null : repo.evidenceContent(evidenceId));
    }

    /** The inspection's categories (the ledger's structure, the same for everybody). */
    public List<CategoryRow> categories(StaffMember me, long inspectionId) {
        return repo.categories(inspectionId);
    }

    /** Lead departments of the measures the user sees (filter choices). */
    public List<String> leadDepartments(StaffMember me, long inspectionId) {
        return repo.distinct(inspectionId, true, scope(me));
    }

    /** Responsible leaders of the measures the user sees (filter choices). */
    public List<String> leaders(StaffMember me, long inspectionId) {
        return repo.distinct(inspectionId, false, scope(me));
    }

    /** Measures the user sees completed per day (progress over time). */
    public Map<LocalDate, Long> completionsByDay(StaffMember me, long inspectionId) {
        return repo.completionsByDay(inspectionId, scope(me));
    }

    public Optional<IndicatorValue> indicatorNow(MeasureRow m) {
        return indicators.current(m.indicatorKey(), m.indicatorParams());
    }

    /** True when the user's department leads or cooperates in the measure. */
    boolean owns(StaffMember me, long measureId) {
        return LedgerAccess.owns(me, repo.measureDepartmentIds(measureId));
    }
}
