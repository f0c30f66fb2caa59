package org.cityops.cases.internal;

import java.time.Duration;
import java.time.Instant;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.Satisfaction;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.Urgency;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
// Size: one file on purpose: the case aggregate keeps its whole lifecycle state in one place (TransitionPolicy
// holds the rules); over 400 lines since the formatter wrapped it
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;

/**
 * A case (案卷): the aggregate that owns its lifecycle. Every change goes through {@link #apply}, which checks
 * scope, role and the {@link TransitionPolicy} table, moves the status, restarts or keeps the step clock, and
 * returns the {@link StepRecord} of what happened. No web or SQL here; the repository persists the fields
 * (package-private) and uses {@code version} for optimistic locking.
 */
final class Case {

    static final int MAX_NOTE = 2000;

    Long id;
    String number;
    long version;
    String tenantId = "default";

    CaseChannel channel;
    long categoryId;
    String categoryCode;
    String categoryName;
    Urgency urgency;
    String description;
    double lat;
    double lon;
    String address;
    String gridCode;
    String communityCode;
    String streetCode;
    String streetName;
    String districtCode;
    String districtName;
    String reporterName;
    String reporterPhone;
    String reporterUsername;
    String sourceModule;
    String sourceRef;

    CaseStatus status;
    CaseStatus suspendedFrom;
    Long departmentId;
    ProcessStage stage;
    Instant stageStartedAt;
    Instant dueAt;
    Instant warnAt;
    boolean warned;
    boolean overdue;
    Instant suspendedAt;
    /** 预计恢复日期 of a 挂账 request (REQUEST_SUSPEND), kept while requested or suspended */
    java.time.LocalDate resumeExpected;
    /** the inspector the current (or last) 核实 / 核查 task was sent to */
    String inspector;

    boolean supervised;
    String supervisionNote;
    int reworkCount;
    int returnCount;
    int extensionCount;
    Integer requestedExtensionHours;
    int lateSteps;
    Satisfaction satisfaction;
    Long mergedInto;
    Instant createdAt;
    Instant updatedAt;
    Instant closedAt;

    Case() {}

    /** 受理: a new report. Inspectors' own reports skip 核实 and wait for 立案. */
    static Case report(
            CaseChannel channel,
            long categoryId,
            String categoryCode,
            String categoryName,
            Urgency urgency,
            String description,
            double lat,
            double lon,
            String address,
            Instant now) {
        Case c = new Case();
        c.channel = channel;
        c.categoryId = categoryId;
        c.categoryCode = categoryCode;
        c.categoryName = categoryName;
        c.urgency = urgency == null ? Urgency.NORMAL : urgency;
        c.description = description;
        c.lat = lat;
        c.lon = lon;
        c.address = address;
        c.status = channel == CaseChannel.INSPECTOR ? CaseStatus.PENDING_FILE : CaseStatus.PENDING_VERIFY;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** Starts the clock of the first step; called once the intake's limits are known. */
    StepRecord opened(StaffMember who, String role, Deadlines deadlines) {
        startStage(stageOf(status), createdAt, deadlines);
        return new StepRecord(
                "INTAKE",
                null,
                null,
                status,
                who.username(),
                who.displayName(),
                role,
                null,
                createdAt,
                null,
                createdAt,
                true,
                null);
    }

    /** Which time limit runs while a case is in a status (null: none). */
    static ProcessStage stageOf(CaseStatus status) {
        return switch (status) {
            case PENDING_VERIFY -> ProcessStage.VERIFY;
            case PENDING_FILE -> ProcessStage.FILE;
            case FILED -> ProcessStage.DISPATCH;
            case DISPATCHED, ACCEPTED, EXTENSION_REQUESTED, SUSPEND_REQUESTED, SUSPENDED -> ProcessStage.HANDLE;
            case HANDLED -> ProcessStage.CHECK;
            case CHECKED -> ProcessStage.CLOSE;
            default -> null;
        };
    }

    /**
     * May {@code who} take {@code action} now? In order: data scope (403), role (403), the department for handler
     * actions (403), the state machine (409). Returns the role it acts in.
     */
    Role authorize(CaseAction action, StaffMember who) {
        TransitionPolicy.Rule rule = TransitionPolicy.rule(action);
        if (!CaseScope.sees(who, this)) {
            throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
        }
        Role role = rule.roles().stream()
                .filter(who.roles()::contains)
                .findFirst()
                .orElseThrow(() -> new AccessDeniedToEntityException(
                                "当前角色不能执行" + action.label() + " your role may not " + action)
                        .withKey(
                                "cases.error.roleMayNot",
                                new DomainException.MessageArg("cases.action." + action, action.label())));
        if (role == Role.HANDLER
                && (who.departmentId() == null || !who.departmentId().equals(departmentId))) {
            throw new AccessDeniedToEntityException("不是本部门的案卷 case is not assigned to your department");
        }
        if (!rule.from().contains(status)) {
            String waiting = action == CaseAction.ASSIGN_INSPECTOR ? "（只有待核实、待核查的案卷可指派监督员）" : "";
            throw new ConflictException(
                            "状态为" + status.label() + "的案卷不能" + action.label() + waiting + " illegal transition "
                                    + action + " from " + status,
                            "action")
                    .withKey(
                            action == CaseAction.ASSIGN_INSPECTOR
                                    ? "cases.error.illegalTransition.inspector"
                                    : "cases.error.illegalTransition",
                            new DomainException.MessageArg("cases.status." + status, status.label()),
                            new DomainException.MessageArg("cases.action." + action, action.label()));
        }
        return role;
    }

    /**
     * Takes one step. Checks, in order: data scope (403), role (403), the department for handler actions
     * (403), the state machine (409), required input (400).
     */
    StepRecord apply(TransitionRequest req, StaffMember who, Instant now, Deadlines deadlines) {
        if (req == null || req.action() == null) {
            throw new InvalidInputException("缺少操作 action is required", "action");
        }
        CaseAction action = req.action();
        TransitionPolicy.Rule rule = TransitionPolicy.rule(action);
        Role role = authorize(action, who);
        String note = req.note() == null ? null : req.note().strip();
        if (note != null && note.isEmpty()) {
            note = null;
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("说明过长 note longer than " + MAX_NOTE, "note");
        }
        if (TransitionPolicy.needsNote(action, status) && note == null) {
            throw new InvalidInputException(action.label() + "需要填写说明 a note/reason is required", "note");
        }

        CaseStatus from = status;
        ProcessStage fromStage = stage;
        Instant started = stageStartedAt;
        Instant due = timed(action) ? dueAt : null;
        Long deptAtStep = departmentId;
        boolean restart = false;

        switch (action) {
            case DISPATCH -> {
                if (req.departmentId() == null) {
                    throw new InvalidInputException("请选择处置部门 department is required", "departmentId");
                }
                departmentId = req.departmentId();
                deptAtStep = departmentId;
                status = CaseStatus.DISPATCHED;
                restart = true;
            }
            case RETURN -> {
                returnCount++;
                departmentId = null;
                status = CaseStatus.FILED;
            }
            case REQUEST_EXTENSION -> {
                if (req.extensionHours() == null || req.extensionHours() < 1 || req.extensionHours() > 24 * 90) {
                    throw new InvalidInputException("延期时长应为1到2160小时 extensionHours 1..2160", "extensionHours");
                }
                requestedExtensionHours = req.extensionHours();
                status = CaseStatus.EXTENSION_REQUESTED;
            }
            case APPROVE_EXTENSION -> {
                Due d = deadlines.extend(categoryId, urgency, stage, dueAt, Duration.ofHours(requestedExtensionHours));
                dueAt = d.dueAt();
                warnAt = d.warnAt();
                overdue = dueAt != null && !now.isBefore(dueAt);
                warned = warnAt != null && !now.isBefore(warnAt);
                extensionCount++;
                requestedExtensionHours = null;
                status = CaseStatus.ACCEPTED;
            }
            case DENY_EXTENSION -> {
                requestedExtensionHours = null;
                status = CaseStatus.ACCEPTED;
            }
            case CHECK_FAIL -> {
                reworkCount++;
                status = CaseStatus.ACCEPTED;
                restart = true;
            }
            case VISIT -> {
                if (req.satisfaction() == null) {
                    throw new InvalidInputException("请选择满意度 satisfaction is required", "satisfaction");
                }
                satisfaction = req.satisfaction();
                // the history keeps each visit's answer (a reopened case is visited again)
                note = "满意度：" + satisfaction.label() + (note == null ? "" : "；" + note);
                if (satisfaction == Satisfaction.DISSATISFIED && Boolean.TRUE.equals(req.reopen())) {
                    reworkCount++;
                    closedAt = null;
                    status = CaseStatus.DISPATCHED;
                    restart = true;
                } else {
                    status = CaseStatus.VISITED;
                }
            }
            case REQUEST_SUSPEND -> {
                if (req.expectedDate() == null) {
                    throw new InvalidInputException("申请挂账需要填写预计恢复日期 expectedDate is required", "expectedDate");
                }
                if (!req.expectedDate()
                        .isAfter(now.atZone(org.cityops.platform.CityClock.ZONE).toLocalDate())) {
                    throw new InvalidInputException("预计恢复日期应晚于今天 expectedDate must be after today", "expectedDate");
                }
                suspendedFrom = status;
                resumeExpected = req.expectedDate();
                status = CaseStatus.SUSPEND_REQUESTED;
                note = note + "（预计恢复日期 " + req.expectedDate() + "）";
            }
            case SUSPEND -> {
                if (status != CaseStatus.SUSPEND_REQUESTED) {
                    suspendedFrom = status;
                }
                suspendedAt = now;
                status = CaseStatus.SUSPENDED;
            }
            case REFUSE_SUSPEND -> {
                status = suspendedFrom == null ? CaseStatus.ACCEPTED : suspendedFrom;
                suspendedFrom = null;
                resumeExpected = null;
            }
            case ASSIGN_INSPECTOR -> {
                if (req.inspector() == null || req.inspector().isBlank()) {
                    throw new InvalidInputException("请指定监督员 inspector is required", "inspector");
                }
                inspector = req.inspector().strip();
                restart = true;
            }
            case RESUME -> {
                Due d = deadlines.resume(categoryId, urgency, stage, new Due(dueAt, warnAt), suspendedAt, now);
                dueAt = d.dueAt();
                warnAt = d.warnAt();
                overdue = dueAt != null && !now.isBefore(dueAt);
                warned = warnAt != null && !now.isBefore(warnAt);
                status = suspendedFrom == null ? CaseStatus.ACCEPTED : suspendedFrom;
                suspendedFrom = null;
                suspendedAt = null;
                resumeExpected = null;
            }
            case SUPERVISE -> {
                supervised = true;
                supervisionNote = note;
            }
            case MERGE -> {
                if (req.mergeInto() == null || req.mergeInto().equals(id)) {
                    throw new InvalidInputException("请指定要合并到的案卷 mergeInto must be another case", "mergeInto");
                }
                mergedInto = req.mergeInto();
                status = CaseStatus.MERGED;
            }
            case CLOSE -> {
                closedAt = now;
                status = CaseStatus.CLOSED;
            }
            default -> status = rule.to();
        }
        if (TransitionPolicy.awaitsInspector(status)
                && action != CaseAction.ASSIGN_INSPECTOR
                && !TransitionPolicy.awaitsInspector(from)) {
            inspector = null; // a new 核实 / 核查 task: nobody has it yet
        }

        boolean onTime = due == null || !now.isAfter(due);
        if (!onTime) {
            lateSteps++;
        }
        ProcessStage newStage = stageOf(status);
        if (restart || newStage != fromStage) {
            startStage(newStage, now, deadlines);
        }
        updatedAt = now;
        return new StepRecord(
                action.name(),
                fromStage,
                from,
                status,
                who.username(),
                who.displayName(),
                role.name(),
                deptAtStep,
                started,
                due,
                now,
                onTime,
                note,
                action == CaseAction.ASSIGN_INSPECTOR ? inspector : null);
    }

    /**
     * 派发核实 / 派发核查 done by the platform for the actor of the step that opened the task (the default: the
     * inspector responsible for the case's grid). Like ASSIGN_INSPECTOR, the task's time limit runs from now.
     */
    StepRecord assignDefault(String username, StaffMember who, String role, Instant now, Deadlines deadlines) {
        if (!TransitionPolicy.awaitsInspector(status)) {
            throw new IllegalStateException("no 核实/核查 task waits in " + status);
        }
        ProcessStage fromStage = stage;
        Instant started = stageStartedAt;
        Instant due = dueAt;
        inspector = username;
        startStage(stage, now, deadlines);
        updatedAt = now;
        return new StepRecord(
                CaseAction.ASSIGN_INSPECTOR.name(),
                fromStage,
                status,
                status,
                who.username(),
                who.displayName(),
                role,
                departmentId,
                started,
                due,
                now,
                due == null || !now.isAfter(due),
                null,
                username);
    }

    /** Steps that answer a time limit (the others are side actions: approvals, 督办, 挂账). */
    private static boolean timed(CaseAction action) {
        return switch (action) {
            case VERIFY,
                    FILE,
                    REJECT,
                    MERGE,
                    DISPATCH,
                    ACCEPT,
                    RETURN,
                    REQUEST_EXTENSION,
                    REPORT_HANDLED,
                    CHECK_PASS,
                    CHECK_FAIL,
                    CLOSE,
                    ASSIGN_INSPECTOR -> true;
            default -> false;
        };
    }

    private void startStage(ProcessStage newStage, Instant now, Deadlines deadlines) {
        stage = newStage;
        stageStartedAt = newStage == null ? null : now;
        Due d = newStage == null ? Due.NONE : deadlines.start(categoryId, urgency, newStage, now);
        dueAt = d.dueAt();
        warnAt = d.warnAt();
        warned = false;
        overdue = false;
    }

    /** Overdue now: the stored flag, or the due time passed and the clock is running (not 挂账). */
    boolean overdueAt(Instant now) {
        return status != CaseStatus.SUSPENDED && status.isOpen() && (overdue || dueAt != null && now.isAfter(dueAt));
    }

    Long id() {
        return id;
    }

    String number() {
        return number;
    }

    CaseStatus status() {
        return status;
    }

    Long departmentId() {
        return departmentId;
    }

    String gridCode() {
        return gridCode;
    }

    String reporterUsername() {
        return reporterUsername;
    }

    Instant dueAt() {
        return dueAt;
    }

    String inspector() {
        return inspector;
    }
}
