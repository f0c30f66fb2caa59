package org.cityops.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cityops.audit.AuditTrail;
import org.cityops.org.CurrentStaff;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.CityClock;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.rectification.IndicatorValue;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.LedgerDraft.CategoryDraft;
import org.cityops.rectification.internal.LedgerDraft.MeasureDraft;
import org.cityops.rectification.internal.LedgerDraft.ProblemDraft;
import org.cityops.rectification.internal.LedgerRows.InspectionRow;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerRows.ProblemRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's use cases: import, assignment, progress and evidence, completion, status override, 销号 and
 * reopening. Each checks who may do it, changes the state in one transaction and writes the audit trail.
 */
@Service
public class LedgerService {

    public static final String ENTITY_INSPECTION = "RECT_INSPECTION";
    public static final String ENTITY_PROBLEM = "RECT_PROBLEM";
    public static final String ENTITY_MEASURE = "RECT_MEASURE";

    private final LedgerRepository repo;
    private final CurrentStaff currentStaff;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;
    private final IndicatorRegistry indicators;

    LedgerService(LedgerRepository repo, CurrentStaff currentStaff, OrgDirectory org, AuditTrail audit, Clock clock,
            IndicatorRegistry indicators) {
        this.repo = repo;
        this.currentStaff = currentStaff;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
        this.indicators = indicators;
    }

    public record ImportResult(long inspectionId, int categories, int problems, int measures,
            List<String> unmatchedDepartments, List<String> warnings) {
    }

    public record Summary(long inspectionId, int categories, int problems, int measures,
            Map<ProblemStatus, Integer> problemsByStatus, Map<MeasureStatus, Integer> measuresByStatus, int overdue,
            int dueWithin7Days, int signedOff, int rulesEstablished, int researchReports) {
    }

    public record ProblemView(ProblemRow problem, List<MeasureRow> measures) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    // ---------------------------------------------------------------- import

    @Transactional
    public ImportResult importJson(byte[] json) {
        LedgerAccess.requireEditor(currentStaff.require());
        return store(new JsonLedgerReader().read(json), List.of());
    }

    @Transactional
    public ImportResult importXlsx(byte[] xlsx, String fileName) {
        LedgerAccess.requireEditor(currentStaff.require());
        XlsxLedgerReader.Result r = new XlsxLedgerReader().read(xlsx, fileName);
        return store(r.draft(), r.warnings());
    }

    /** Stores a checked draft; also used by the demo seeder (no user). */
    @Transactional
    public ImportResult store(LedgerDraft d, List<String> warnings) {
        String actor = currentStaff.find().map(StaffMember::username).orElse("system");
        Instant now = clock.instant();
        DepartmentMatcher matcher = new DepartmentMatcher(org.departments());
        List<String> unmatched = new ArrayList<>();
        long inspectionId = repo.insertInspection(d, actor, now);
        LocalDate today = today();
        for (CategoryDraft c : d.categories()) {
            long categoryId = repo.insertCategory(inspectionId, c.seq(), c.title());
            for (ProblemDraft p : c.problems()) {
                ProblemStatus derived = ProblemStatusRule.derive(p.measures().stream().map(MeasureDraft::status).toList());
                long problemId = repo.insertProblem(inspectionId, categoryId, p.number(), p.title(), derived);
                if (p.status() != null && p.status() != derived) {
                    repo.updateOverride(problemId, p.status(), "导入时给定 status given in the imported file", actor, now);
                }
                int seq = 1;
                for (MeasureDraft m : p.measures()) {
                    Long lead = departmentId(matcher, m.leadDepartment(), unmatched);
                    long measureId = repo.insertMeasure(inspectionId, problemId, seq++, m, lead, m.leaderUsername(),
                            m.status() == MeasureStatus.COMPLETED ? today : null);
                    List<Long> coopIds = new ArrayList<>();
                    for (String name : m.cooperating()) {
                        coopIds.add(departmentId(matcher, name, unmatched));
                    }
                    repo.replaceCooperating(measureId, m.cooperating(), coopIds);
                    if (m.progress() != null) {
                        repo.insertProgress(measureId, today, m.progress(), actor, now);
                    }
                }
            }
        }
        audit.record(ENTITY_INSPECTION, Long.toString(inspectionId), "IMPORT", null,
                d.name() + ": " + d.categories().size() + " categories, " + d.problemCount() + " problems, "
                        + d.measureCount() + " measures");
        return new ImportResult(inspectionId, d.categories().size(), d.problemCount(), d.measureCount(),
                unmatched.stream().distinct().toList(), warnings);
    }

    private static Long departmentId(DepartmentMatcher matcher, String name, List<String> unmatched) {
        if (name == null) {
            return null;
        }
        Optional<DepartmentView> dept = matcher.match(name);
        if (dept.isEmpty()) {
            unmatched.add(name);
        }
        return dept.map(DepartmentView::id).orElse(null);
    }

    // ---------------------------------------------------------------- queries

    public List<InspectionRow> inspections() {
        currentStaff.require();
        return repo.inspections();
    }

    public InspectionRow inspection(long id) {
        currentStaff.require();
        return repo.inspection(id).orElseThrow(() -> new NotFoundException("巡察不存在 no such inspection " + id));
    }

    public Summary summary(long inspectionId) {
        inspection(inspectionId);
        Long scope = LedgerAccess.scope(currentStaff.require());
        LedgerRepository.Counts c = repo.counts(inspectionId, scope, today());
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
        int rules = (int) achievements.stream().filter(a -> "RULE".equals(a.kind())).count();
        int reports = (int) achievements.stream().filter(a -> "RESEARCH_REPORT".equals(a.kind())).count();
        return new Summary(inspectionId, c.categories(), c.problems(), measures, byStatus, byMeasure, c.overdue(),
                c.dueSoon(), c.signedOff(), rules, reports);
    }

    /** Problems in number order with their measures; a department user sees only problems with its measures. */
    public List<ProblemView> problems(long inspectionId) {
        inspection(inspectionId);
        Long scope = LedgerAccess.scope(currentStaff.require());
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

    public record MeasurePage(List<MeasureRow> rows, long total) {
    }

    /** The ledger list with the user's filters; the 本部门 scope is added here, whatever the caller asked. */
    public MeasurePage measures(MeasureQuery q) {
        inspection(q.inspectionId());
        Long scope = LedgerAccess.scope(currentStaff.require());
        MeasureQuery scoped = new MeasureQuery(q.inspectionId(), scope, q.categoryId(), q.department(), q.leader(),
                q.status(), q.problemStatus(), q.overdue(), q.dueSoon(), q.problemId(), today(), q.limit(), q.offset());
        return new MeasurePage(repo.measures(scoped), repo.countMeasures(scoped));
    }

    public ProblemView problem(long problemId) {
        ProblemRow p = repo.problem(problemId)
                .orElseThrow(() -> new NotFoundException("问题不存在 no such problem " + problemId));
        long inspectionId = repo.inspectionOfProblem(problemId).orElseThrow();
        Long scope = LedgerAccess.scope(currentStaff.require());
        List<MeasureRow> ms = repo.measures(MeasureQuery.all(inspectionId, scope, today()).forProblem(problemId));
        if (scope != null && ms.isEmpty()) {
            throw new AccessDeniedToEntityException("不是本部门的问题 not a problem of your department");
        }
        return new ProblemView(p, ms);
    }

    public MeasureRow measure(long measureId) {
        MeasureRow m = repo.measure(measureId)
                .orElseThrow(() -> new NotFoundException("整改措施不存在 no such measure " + measureId));
        StaffMember me = currentStaff.require();
        if (!LedgerAccess.seesAll(me) && !ownsMeasure(me, measureId)) {
            throw new AccessDeniedToEntityException("不是本部门的整改措施 not a measure of your department");
        }
        return m;
    }

    public long inspectionOfMeasure(long measureId) {
        return repo.measureOwner(measureId).map(o -> o[0])
                .orElseThrow(() -> new NotFoundException("整改措施不存在 no such measure " + measureId));
    }

    private boolean ownsMeasure(StaffMember me, long measureId) {
        return me.departmentId() != null && repo.measureDepartmentIds(measureId).contains(me.departmentId());
    }

    public Optional<IndicatorValue> indicatorNow(MeasureRow m) {
        return indicators.current(m.indicatorKey(), m.indicatorParams());
    }

    // ---------------------------------------------------------------- commands

    /** 整改办 assigns 责任领导, 牵头部门, 配合部门 and 整改时限 (or 长期坚持). */
    @Transactional
    public MeasureRow assign(long measureId, String leader, String leaderUsername, String leadDepartment,
            List<String> cooperating, String deadline, String expectedOutcome) {
        LedgerAccess.requireEditor(currentStaff.require());
        MeasureRow before = measure(measureId);
        Deadlines.Deadline d;
        try {
            d = Deadlines.parse(deadline);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), "deadline");
        }
        DepartmentMatcher matcher = new DepartmentMatcher(org.departments());
        List<String> ignored = new ArrayList<>();
        Long lead = departmentId(matcher, blank(leadDepartment), ignored);
        List<String> coop = cooperating == null ? List.of() : cooperating.stream().map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList();
        List<Long> coopIds = coop.stream().map(n -> departmentId(matcher, n, ignored)).toList();
        repo.updateAssignment(measureId, blank(leader), blank(leaderUsername), blank(leadDepartment), lead, d.date(),
                d.longTerm(), blank(expectedOutcome));
        repo.replaceCooperating(measureId, coop, coopIds);
        MeasureRow after = repo.measure(measureId).orElseThrow();
        audit.record(ENTITY_MEASURE, Long.toString(measureId), "ASSIGN", assignment(before), assignment(after));
        return after;
    }

    private static String assignment(MeasureRow m) {
        return "leader=" + m.responsibleLeader() + ", lead=" + m.leadDepartment() + ", coop=" + m.cooperating()
                + ", deadline=" + m.deadlineText();
    }

    /** A department (or the office) posts progress; a measure not yet started becomes 推进中. */
    @Transactional
    public long addProgress(long measureId, LocalDate date, String text) {
        StaffMember me = currentStaff.require();
        MeasureRow m = requireUpdatable(me, measureId);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("进展内容不能为空 progress text is required", "text");
        }
        LocalDate day = date == null ? today() : date;
        if (day.isAfter(today())) {
            throw new InvalidInputException("进展日期不能晚于今天 the date cannot be in the future", "date");
        }
        long id = repo.insertProgress(measureId, day, text.trim(), me.username(), clock.instant());
        if (m.status() == MeasureStatus.NOT_STARTED) {
            setStatus(m, MeasureStatus.IN_PROGRESS);
        }
        audit.record(ENTITY_MEASURE, Long.toString(measureId), "PROGRESS", null, day + " " + abbreviate(text));
        return id;
    }

    /** Evidence: a file or photo (bytes), a link to a document, or a link to platform data. */
    @Transactional
    public long addEvidence(long measureId, Long progressId, String kind, String name, String contentType,
            byte[] content, String url) {
        StaffMember me = currentStaff.require();
        requireUpdatable(me, measureId);
        String k = kind == null ? (content != null ? "FILE" : "LINK") : kind.trim().toUpperCase();
        if (!List.of("FILE", "PHOTO", "LINK", "PLATFORM_DATA").contains(k)) {
            throw new InvalidInputException("未知的佐证类型 unknown evidence kind " + kind, "kind");
        }
        boolean bytes = k.equals("FILE") || k.equals("PHOTO");
        if (bytes && (content == null || content.length == 0)) {
            throw new InvalidInputException("请上传文件 a file is required", "file");
        }
        if (!bytes && (url == null || url.isBlank())) {
            throw new InvalidInputException("请填写链接 a link is required", "url");
        }
        String link = bytes ? null : EvidenceLinks.require(url);
        String n = name == null || name.isBlank() ? (bytes ? "附件" : link) : name.trim();
        long id = repo.insertEvidence(measureId, progressId, k, n, bytes ? contentType : null, bytes ? content : null,
                link, me.username(), clock.instant());
        audit.record(ENTITY_MEASURE, Long.toString(measureId), "EVIDENCE", null, k + " " + n);
        return id;
    }

    /** Sets a measure's status (department or office); the problem's derived status follows. */
    @Transactional
    public MeasureRow changeStatus(long measureId, MeasureStatus status) {
        StaffMember me = currentStaff.require();
        MeasureRow m = requireUpdatable(me, measureId);
        if (status == null) {
            throw new InvalidInputException("缺少状态 status is required", "status");
        }
        ProblemRow p = repo.problem(m.problemId()).orElseThrow();
        if (p.signedOff() && status != MeasureStatus.COMPLETED) {
            throw new ConflictException("问题已销号,请先重新打开 the problem is signed off; reopen it first");
        }
        setStatus(m, status);
        audit.record(ENTITY_MEASURE, Long.toString(measureId), "STATUS", m.status().name(), status.name());
        return repo.measure(measureId).orElseThrow();
    }

    private void setStatus(MeasureRow m, MeasureStatus status) {
        repo.updateMeasureStatus(m.id(), status, status == MeasureStatus.COMPLETED
                ? (m.completedOn() != null ? m.completedOn() : today()) : null);
        recomputeProblem(m.problemId());
    }

    private void recomputeProblem(long problemId) {
        repo.updateDerivedStatus(problemId, ProblemStatusRule.derive(repo.measureStatuses(problemId)));
    }

    private MeasureRow requireUpdatable(StaffMember me, long measureId) {
        MeasureRow m = repo.measure(measureId)
                .orElseThrow(() -> new NotFoundException("整改措施不存在 no such measure " + measureId));
        if (!LedgerAccess.edits(me) && !ownsMeasure(me, measureId)) {
            throw new AccessDeniedToEntityException("只能更新本部门的整改措施 you may only update your department's measures");
        }
        return m;
    }

    /**
     * A leader overrides the derived status with a justification; a null status removes the override (the
     * derived status counts again).
     */
    @Transactional
    public ProblemRow overrideStatus(long problemId, ProblemStatus status, String justification) {
        StaffMember me = currentStaff.require();
        LedgerAccess.requireLeader(me);
        ProblemRow p = repo.problem(problemId)
                .orElseThrow(() -> new NotFoundException("问题不存在 no such problem " + problemId));
        if (justification == null || justification.isBlank()) {
            throw new InvalidInputException("请说明理由 a justification is required", "justification");
        }
        repo.updateOverride(problemId, status, status == null ? null : justification.trim(),
                status == null ? null : me.username(), status == null ? null : clock.instant());
        ProblemRow after = repo.problem(problemId).orElseThrow();
        repo.insertEvent(problemId, "OVERRIDE", p.status().name(), after.status().name(), justification.trim(),
                me.username(), today(), clock.instant());
        audit.record(ENTITY_PROBLEM, Long.toString(problemId), "STATUS_OVERRIDE", p.status().name(),
                after.status().name() + " (" + abbreviate(justification) + ")");
        return after;
    }

    /**
     * 销号: only when every measure is 已完成 and has evidence. Freezes the value of each measure's indicator.
     */
    @Transactional
    public ProblemRow signOff(long problemId, LocalDate date, String opinion) {
        StaffMember me = currentStaff.require();
        LedgerAccess.requireLeader(me);
        ProblemView view = problem(problemId);
        ProblemRow p = view.problem();
        if (p.signedOff()) {
            throw new ConflictException("问题已销号 the problem is already signed off");
        }
        if (view.measures().isEmpty()) {
            throw new ConflictException("问题没有整改措施 the problem has no measures");
        }
        for (MeasureRow m : view.measures()) {
            if (m.status() != MeasureStatus.COMPLETED) {
                throw new ConflictException("措施 " + m.seq() + " 尚未完成 measure " + m.seq() + " is not complete");
            }
            if (m.evidenceCount() == 0) {
                throw new ConflictException("措施 " + m.seq() + " 没有佐证材料 measure " + m.seq() + " has no evidence");
            }
        }
        if (opinion == null || opinion.isBlank()) {
            throw new InvalidInputException("请填写审核意见 an opinion is required", "opinion");
        }
        LocalDate day = date == null ? today() : date;
        Instant now = clock.instant();
        for (MeasureRow m : view.measures()) {
            if (m.indicatorKey() != null) {
                String frozen = indicators.current(m.indicatorKey(), m.indicatorParams()).map(IndicatorValue::display)
                        .orElse("不可用 not available");
                repo.freezeIndicator(m.id(), frozen, now);
            }
        }
        repo.updateSignOff(problemId, true, me.username(), day, opinion.trim(), false);
        repo.insertEvent(problemId, "SIGN_OFF", p.status().name(), p.status().name(), opinion.trim(), me.username(),
                day, now);
        audit.record(ENTITY_PROBLEM, Long.toString(problemId), "SIGN_OFF", "open", "销号 " + day + " " + abbreviate(opinion));
        return repo.problem(problemId).orElseThrow();
    }

    /**
     * 反弹回潮: reopens a signed-off problem. The sign-off and any override are cleared, completed measures go back
     * to 推进中 so departments report again; the history keeps the earlier sign-off.
     */
    @Transactional
    public ProblemRow reopen(long problemId, String reason) {
        StaffMember me = currentStaff.require();
        if (!LedgerAccess.signsOff(me) && !LedgerAccess.edits(me)) {
            throw new AccessDeniedToEntityException("只有领导或整改办可以重新打开 only a leader or the office reopens");
        }
        ProblemRow p = repo.problem(problemId)
                .orElseThrow(() -> new NotFoundException("问题不存在 no such problem " + problemId));
        if (!p.signedOff()) {
            throw new ConflictException("问题尚未销号 the problem is not signed off");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("请说明反弹情况 a reason is required", "reason");
        }
        Instant now = clock.instant();
        for (MeasureRow m : repo.measures(MeasureQuery.all(repo.inspectionOfProblem(problemId).orElseThrow(), null,
                today()).forProblem(problemId))) {
            if (m.status() == MeasureStatus.COMPLETED) {
                repo.updateMeasureStatus(m.id(), MeasureStatus.IN_PROGRESS, null);
            }
        }
        repo.updateSignOff(problemId, false, null, null, null, true);
        repo.updateOverride(problemId, null, null, null, null);
        recomputeProblem(problemId);
        ProblemRow after = repo.problem(problemId).orElseThrow();
        repo.insertEvent(problemId, "REOPEN", p.status().name(), after.status().name(), reason.trim(), me.username(),
                today(), now);
        audit.record(ENTITY_PROBLEM, Long.toString(problemId), "REOPEN", "销号", after.status().name() + " "
                + abbreviate(reason));
        return after;
    }

    /** Links a live indicator to a measure (office), or removes it (null key). */
    @Transactional
    public MeasureRow linkIndicator(long measureId, String key, String params) {
        LedgerAccess.requireEditor(currentStaff.require());
        MeasureRow m = measure(measureId);
        String k = blank(key);
        if (k != null && indicators.find(k).isEmpty()) {
            throw new InvalidInputException("未知的指标 unknown indicator " + k, "indicator");
        }
        repo.updateIndicator(measureId, k, k == null ? null : blank(params));
        audit.record(ENTITY_MEASURE, Long.toString(measureId), "INDICATOR", m.indicatorKey(), k + " " + params);
        return repo.measure(measureId).orElseThrow();
    }

    /** 建章立制 (RULE) or 调研报告 (RESEARCH_REPORT), counted in the report. */
    @Transactional
    public long addAchievement(long inspectionId, Long problemId, String kind, String title, LocalDate issuedOn) {
        LedgerAccess.requireEditor(currentStaff.require());
        inspection(inspectionId);
        if (!"RULE".equals(kind) && !"RESEARCH_REPORT".equals(kind)) {
            throw new InvalidInputException("类型应为 RULE 或 RESEARCH_REPORT kind must be RULE or RESEARCH_REPORT", "kind");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("请填写名称 a title is required", "title");
        }
        long id = repo.insertAchievement(inspectionId, problemId, kind, title.trim(), issuedOn, clock.instant());
        audit.record(ENTITY_INSPECTION, Long.toString(inspectionId), "ACHIEVEMENT", null, kind + " " + title.trim());
        return id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.trim();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
