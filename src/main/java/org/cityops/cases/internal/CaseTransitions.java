package org.cityops.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.audit.RecordDigest;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseStatus;
import org.cityops.catalog.Catalog;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One step of a case's lifecycle after intake (立案 … 结案, 合并, 挂账 …): the aggregate decides by
 * {@link TransitionPolicy}; this fills in what it cannot know (routing for 派遣, the target of 合并, the inspector),
 * and commits the step, its photo, the audit entries and the events together, with the 指派监督员 step of the grid's
 * inspector when the step opened a 核查 task.
 */
@Component
class CaseTransitions {

    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final Catalog catalog;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final StepEvents events;
    private final CasePhotos photos;
    private final CaseViews views;
    private final Clock clock;
    private final TransactionTemplate tx;

    CaseTransitions(
            CaseRepository cases,
            Deadlines deadlines,
            Catalog catalog,
            OrgDirectory org,
            AuditTrail audit,
            StepEvents events,
            CasePhotos photos,
            CaseViews views,
            Clock clock,
            PlatformTransactionManager tm) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.catalog = catalog;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.photos = photos;
        this.views = views;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
    }

    CaseView transition(long caseId, TransitionRequest req, StaffMember who, Long expectedVersion, byte[] photo) {
        String photoType = photo == null || photo.length == 0 ? null : Photos.check(photo);
        return tx.execute(s -> {
            Case c = cases.find(caseId).orElseThrow(() -> new NotFoundException("案卷不存在 case not found"));
            if (expectedVersion != null && CaseScope.sees(who, c) && c.version != expectedVersion) {
                throw new ConflictException("案卷已被他人处理，请刷新 the case changed since you loaded it", "version");
            }
            Instant now = DbTime.toDb(clock.instant()).toInstant();
            TransitionRequest effective = prepare(c, req, who);
            CaseStatus before = c.status;
            StepRecord step = c.apply(effective, who, now, deadlines);
            if (CitizenVisitService.CITIZEN.equals(who)) {
                // the platform takes the 回访 on the citizen's behalf (their answer through the link)
                step = step.withRole("PUBLIC");
            }
            if (effective.action() == CaseAction.FILE) {
                // the history keeps whose 漏报 a filed public report is: the inspector responsible for the grid
                step = step.withInspector(org.inspectorFor(c.gridCode).orElse(null));
            }
            StepRecord assigned = defaultInspector(c, now);
            cases.update(c);
            RecordDigest stepRow = cases.insertStep(c.id, step);
            String dept = views.departmentCode(step.departmentId());
            audit.record(
                    "CASE",
                    c.number,
                    step.action(),
                    "status=" + before,
                    "status=" + c.status + (dept == null ? "" : " dept=" + dept)
                            + (step.inspector() == null ? "" : " inspector=" + step.inspector())
                            + (step.note() == null ? "" : " note=" + step.note()),
                    stepRow);
            if (photoType != null) {
                String kind = photoKind(effective.action());
                long photoId = photos.insert(c.id, kind, photoType, photo, who.username(), now);
                audit.record(
                        "CASE",
                        c.number,
                        "PHOTO",
                        null,
                        "photo=" + photoId + " kind=" + kind + " bytes=" + photo.length + " step=" + step.action());
            }
            events.completed(c, step, dept, now);
            if (assigned != null) {
                RecordDigest assignedRow = cases.insertStep(c.id, assigned);
                audit.record(
                        "CASE",
                        c.number,
                        assigned.action(),
                        "status=" + c.status,
                        "status=" + c.status + " inspector=" + assigned.inspector() + " by=system",
                        assignedRow);
                events.completed(c, assigned, views.departmentCode(assigned.departmentId()), now);
            }
            return views.of(c, who);
        });
    }

    /** The kind of a photo sent with a step: 处置照片 with the handling report, 核查照片 with a check. */
    static String photoKind(CaseAction action) {
        return switch (action) {
            case REPORT_HANDLED -> "HANDLED";
            case CHECK_PASS, CHECK_FAIL -> "CHECK";
            default -> "REPORT";
        };
    }

    /**
     * A step that opened a 核查 task (处置反馈) sends it by default to the inspector responsible for the case's grid,
     * as a step of the platform (actor {@code system}); with nobody responsible the task waits for the shift leader.
     */
    private StepRecord defaultInspector(Case c, Instant now) {
        if (!TransitionPolicy.awaitsInspector(c.status) || c.inspector != null) {
            return null;
        }
        return org.inspectorFor(c.gridCode)
                .map(u -> c.assignDefault(u, StaffMember.SYSTEM, "SYSTEM", now, deadlines))
                .orElse(null);
    }

    /** Fills in what the aggregate cannot know: routing for DISPATCH, the target of MERGE, the inspector. */
    private TransitionRequest prepare(Case c, TransitionRequest req, StaffMember who) {
        if (req == null || req.action() == null) {
            throw new InvalidInputException("缺少操作 action is required", "action");
        }
        if (req.action() == CaseAction.ASSIGN_INSPECTOR) {
            c.authorize(CaseAction.ASSIGN_INSPECTOR, who);
            InspectorTasks.checkAssignee(
                    c, req.inspector(), req.inspector() == null ? Optional.empty() : org.staff(req.inspector()));
            return req;
        }
        if (req.action() == CaseAction.DISPATCH && CaseScope.sees(who, c)) {
            Long dept = req.departmentId();
            if (dept == null) {
                dept = catalog.responsibleDepartment(c.categoryId, c.gridCode)
                        .flatMap(org::departmentByCode)
                        .map(DepartmentView::id)
                        .orElseThrow(() -> new InvalidInputException(
                                "没有匹配的派遣规则，请选择部门 no routing rule matches, choose a department", "departmentId"));
            } else if (org.department(dept).isEmpty()) {
                throw new InvalidInputException("部门不存在 unknown department", "departmentId");
            }
            return new TransitionRequest(
                    req.action(),
                    req.note(),
                    dept,
                    req.extensionHours(),
                    req.satisfaction(),
                    req.reopen(),
                    req.mergeInto());
        }
        if (req.action() == CaseAction.MERGE
                && req.mergeInto() != null
                && !req.mergeInto().equals(c.id)) {
            Case target = cases.find(req.mergeInto())
                    .orElseThrow(() -> new InvalidInputException("要合并到的案卷不存在 target case not found", "mergeInto"));
            if (!CaseScope.sees(who, target)) {
                throw new AccessDeniedToEntityException("无权访问目标案卷 target case outside your data scope");
            }
            if (target.status == CaseStatus.MERGED || target.status == CaseStatus.REJECTED) {
                throw new ConflictException("目标案卷已作废或已合并 target case is rejected or merged", "mergeInto");
            }
        }
        return req;
    }
}
