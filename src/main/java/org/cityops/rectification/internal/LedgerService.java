package org.cityops.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.rectification.IndicatorValue;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.LedgerReads.ProblemView;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerRows.ProblemRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's changes: assignment, progress and evidence, completion, status override, 销号 and reopening,
 * indicators and achievements. Each checks who may do it ({@link LedgerAccess}) and what the ledger's state allows
 * ({@link MeasureStatusRule}, {@link SignOffRule}, {@link ProblemStatusRule}), changes the state in one transaction
 * and writes the audit trail. Reads are {@link LedgerReads}'s; imports {@link LedgerImporter}'s.
 */
@Service
public class LedgerService {

    public static final String ENTITY_INSPECTION = "RECT_INSPECTION";
    public static final String ENTITY_PROBLEM = "RECT_PROBLEM";
    public static final String ENTITY_MEASURE = "RECT_MEASURE";

    private final LedgerRepository repo;
    private final LedgerWrites writes;
    private final LedgerReads reads;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;
    private final IndicatorRegistry indicators;

    LedgerService(
            LedgerRepository repo,
            LedgerWrites writes,
            LedgerReads reads,
            OrgDirectory org,
            AuditTrail audit,
            Clock clock,
            IndicatorRegistry indicators) {
        this.repo = repo;
        this.writes = writes;
        this.reads = reads;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
        this.indicators = indicators;
    }

    private LocalDate today() {
        return reads.today();
    }

    /** 整改办 assigns 责任领导, 牵头部门, 配合部门 and 整改时限 (or 长期坚持). */
    @Transactional
    public MeasureRow assign(
            StaffMember me,
            long measureId,
            String leader,
            String leaderUsername,
            String leadDepartment,
            List<String> cooperating,
            String deadline,
            String expectedOutcome) {
        LedgerAccess.requireEditor(me);
        MeasureRow before = reads.measure(me, measureId);
        Deadlines.Deadline d;
        try {
            d = Deadlines.parse(deadline);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), "deadline");
        }
        DepartmentMatcher matcher = new DepartmentMatcher(org.departments());
        List<String> ignored = new ArrayList<>();
        Long lead = matcher.idOf(blank(leadDepartment), ignored);
        List<String> coop = cooperating == null
                ? List.of()
                : cooperating.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        List<Long> coopIds = coop.stream().map(n -> matcher.idOf(n, ignored)).toList();
        writes.updateAssignment(
                measureId,
                blank(leader),
                blank(leaderUsername),
                blank(leadDepartment),
                lead,
                d.date(),
                d.longTerm(),
                blank(expectedOutcome));
        writes.replaceCooperating(measureId, coop, coopIds);
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
    public long addProgress(StaffMember me, long measureId, LocalDate date, String text) {
        MeasureRow m = requireUpdatable(me, measureId);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("进展内容不能为空 progress text is required", "text");
        }
        LocalDate day = date == null ? today() : date;
        if (day.isAfter(today())) {
            throw new InvalidInputException("进展日期不能晚于今天 the date cannot be in the future", "date");
        }
        long id = writes.insertProgress(measureId, day, text.trim(), me.username(), clock.instant());
        MeasureStatus next = MeasureStatusRule.afterProgress(m.status());
        if (next != m.status()) {
            setStatus(m, next);
        }
        audit.record(ENTITY_MEASURE, Long.toString(measureId), "PROGRESS", null, day + " " + abbreviate(text));
        return id;
    }

    /** Evidence: a file or photo (bytes), a link to a document, or a link to platform data. */
    @Transactional
    public long addEvidence(
            StaffMember me,
            long measureId,
            Long progressId,
            String kind,
            String name,
            String contentType,
            byte[] content,
            String url) {
        requireUpdatable(me, measureId);
        String k =
                kind == null ? (content != null ? "FILE" : "LINK") : kind.trim().toUpperCase();
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
        long id = writes.insertEvidence(
                measureId,
                progressId,
                k,
                n,
                bytes ? contentType : null,
                bytes ? content : null,
                link,
                me.username(),
                clock.instant());
        audit.record(ENTITY_MEASURE, Long.toString(measureId), "EVIDENCE", null, k + " " + n);
        return id;
    }

    /** Sets a measure's status (department or office); the problem's derived status follows. */
    @Transactional
    public MeasureRow changeStatus(StaffMember me, long measureId, MeasureStatus status) {
        MeasureRow m = requireUpdatable(me, measureId);
        ProblemRow p = status == null ? null : repo.problem(m.problemId()).orElseThrow();
        MeasureStatus to = MeasureStatusRule.requireChangeable(p != null && p.signedOff(), status);
        setStatus(m, to);
        audit.record(
                ENTITY_MEASURE, Long.toString(measureId), "STATUS", m.status().name(), to.name());
        return repo.measure(measureId).orElseThrow();
    }

    private void setStatus(MeasureRow m, MeasureStatus status) {
        writes.updateMeasureStatus(m.id(), status, MeasureStatusRule.completedOn(status, m.completedOn(), today()));
        recomputeProblem(m.problemId());
    }

    private void recomputeProblem(long problemId) {
        writes.updateDerivedStatus(problemId, ProblemStatusRule.derive(repo.measureStatuses(problemId)));
    }

    private MeasureRow requireUpdatable(StaffMember me, long measureId) {
        MeasureRow m = repo.measure(measureId)
                .orElseThrow(() -> new NotFoundException("整改措施不存在 no such measure " + measureId));
        if (!LedgerAccess.edits(me) && !reads.owns(me, measureId)) {
            throw new AccessDeniedToEntityException("只能更新本部门的整改措施 you may only update your department's measures");
        }
        return m;
    }

    /**
     * A leader overrides the derived status with a justification; a null status removes the override (the
     * derived status counts again).
     */
    @Transactional
    public ProblemRow overrideStatus(StaffMember me, long problemId, ProblemStatus status, String justification) {
        LedgerAccess.requireLeader(me);
        ProblemRow p =
                repo.problem(problemId).orElseThrow(() -> new NotFoundException("问题不存在 no such problem " + problemId));
        if (justification == null || justification.isBlank()) {
            throw new InvalidInputException("请说明理由 a justification is required", "justification");
        }
        writes.updateOverride(
                problemId,
                status,
                status == null ? null : justification.trim(),
                status == null ? null : me.username(),
                status == null ? null : clock.instant());
        ProblemRow after = repo.problem(problemId).orElseThrow();
        writes.insertEvent(
                problemId,
                "OVERRIDE",
                p.status().name(),
                after.status().name(),
                justification.trim(),
                me.username(),
                today(),
                clock.instant());
        audit.record(
                ENTITY_PROBLEM,
                Long.toString(problemId),
                "STATUS_OVERRIDE",
                p.status().name(),
                after.status().name() + " (" + abbreviate(justification) + ")");
        return after;
    }

    /** 销号 ({@link SignOffRule}); freezes the value of each measure's indicator. */
    @Transactional
    public ProblemRow signOff(StaffMember me, long problemId, LocalDate date, String opinion) {
        LedgerAccess.requireLeader(me);
        ProblemView view = reads.problem(me, problemId);
        ProblemRow p = view.problem();
        SignOffRule.requireSignable(
                p.signedOff(),
                view.measures().stream()
                        .map(m -> new SignOffRule.MeasureState(m.seq(), m.status(), m.evidenceCount()))
                        .toList(),
                opinion);
        LocalDate day = date == null ? today() : date;
        Instant now = clock.instant();
        for (MeasureRow m : view.measures()) {
            if (m.indicatorKey() != null) {
                String frozen = indicators
                        .current(m.indicatorKey(), m.indicatorParams())
                        .map(IndicatorValue::display)
                        .orElse("不可用 not available");
                writes.freezeIndicator(m.id(), frozen, now);
            }
        }
        writes.updateSignOff(problemId, true, me.username(), day, opinion.trim(), false);
        writes.insertEvent(
                problemId, "SIGN_OFF", p.status().name(), p.status().name(), opinion.trim(), me.username(), day, now);
        audit.record(
                ENTITY_PROBLEM, Long.toString(problemId), "SIGN_OFF", "open", "销号 " + day + " " + abbreviate(opinion));
        return repo.problem(problemId).orElseThrow();
    }

    /**
     * 反弹回潮 ({@link SignOffRule}): reopens a signed-off problem. The sign-off and any override are cleared,
     * completed measures go back to 推进中 so departments report again; the history keeps the earlier sign-off.
     */
    @Transactional
    public ProblemRow reopen(StaffMember me, long problemId, String reason) {
        if (!LedgerAccess.signsOff(me) && !LedgerAccess.edits(me)) {
            throw new AccessDeniedToEntityException("只有领导或整改办可以重新打开 only a leader or the office reopens");
        }
        ProblemRow p =
                repo.problem(problemId).orElseThrow(() -> new NotFoundException("问题不存在 no such problem " + problemId));
        SignOffRule.requireReopenable(p.signedOff(), reason);
        Instant now = clock.instant();
        for (MeasureRow m : repo.measures(
                MeasureQuery.all(repo.inspectionOfProblem(problemId).orElseThrow(), null, today())
                        .forProblem(problemId))) {
            MeasureStatus next = SignOffRule.afterReopen(m.status());
            if (next != m.status()) {
                writes.updateMeasureStatus(m.id(), next, null);
            }
        }
        writes.updateSignOff(problemId, false, null, null, null, true);
        writes.updateOverride(problemId, null, null, null, null);
        recomputeProblem(problemId);
        ProblemRow after = repo.problem(problemId).orElseThrow();
        writes.insertEvent(
                problemId,
                "REOPEN",
                p.status().name(),
                after.status().name(),
                reason.trim(),
                me.username(),
                today(),
                now);
        audit.record(
                ENTITY_PROBLEM,
                Long.toString(problemId),
                "REOPEN",
                "销号",
                after.status().name() + " " + abbreviate(reason));
        return after;
    }

    /** Links a live indicator to a measure (office), or removes it (null key). */
    @Transactional
    public MeasureRow linkIndicator(StaffMember me, long measureId, String key, String params) {
        LedgerAccess.requireEditor(me);
        MeasureRow m = reads.measure(me, measureId);
        String k = blank(key);
        if (k != null && indicators.find(k).isEmpty()) {
            throw new InvalidInputException("未知的指标 unknown indicator " + k, "indicator");
        }
        writes.updateIndicator(measureId, k, k == null ? null : blank(params));
        audit.record(ENTITY_MEASURE, Long.toString(measureId), "INDICATOR", m.indicatorKey(), k + " " + params);
        return repo.measure(measureId).orElseThrow();
    }

    /** 建章立制 (RULE) or 调研报告 (RESEARCH_REPORT), counted in the report. */
    @Transactional
    public long addAchievement(
            StaffMember me, long inspectionId, Long problemId, String kind, String title, LocalDate issuedOn) {
        LedgerAccess.requireEditor(me);
        reads.inspection(me, inspectionId);
        if (!"RULE".equals(kind) && !"RESEARCH_REPORT".equals(kind)) {
            throw new InvalidInputException("类型应为 RULE 或 RESEARCH_REPORT kind must be RULE or RESEARCH_REPORT", "kind");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("请填写名称 a title is required", "title");
        }
        long id = writes.insertAchievement(inspectionId, problemId, kind, title.trim(), issuedOn, clock.instant());
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
