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
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
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

    Case() {
    }

    /** 受理: a new report. Inspectors' own reports skip 核实 and wait for 立案. */
    static Case report(CaseChannel channel, long categoryId, String categoryCode, String categoryName,
            Urgency urgency, String description, double lat, double lon, String address, Instant now) {
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
    StepRecord opened(Performer who, String role, Deadlines deadlines) {
        startStage(stageOf(status), createdAt, deadlines);
        return new StepRecord("INTAKE", null, null, status, who.username(), who.displayName(), role, null,
                createdAt, null, createdAt, true, null);
    }

    /** Which time limit runs while a case is in a status (null: none). */
    static ProcessStage stageOf(CaseStatus status) {
        return switch (status) {
            case PENDING_VERIFY -> ProcessStage.VERIFY;
            case PENDING_FILE -> ProcessStage.FILE;
            case FILED -> ProcessStage.DISPATCH;
            case DISPATCHED, ACCEPTED, EXTENSION_REQUESTED, SUSPENDED -> ProcessStage.HANDLE;
            case HANDLED -> ProcessStage.CHECK;
            case CHECKED -> ProcessStage.CLOSE;
            default -> null;
        };
    }

    /**
     * Takes one step. Checks, in order: data scope (403), role (403), the department for handler actions
     * (403), the state machine (409), required input (400).
     */
    StepRecord apply(TransitionRequest req, Performer who, Instant now, Deadlines deadlines) {
        if (req == null || req.action() == null) {
            throw new InvalidInputException("缺少操作 action is required", "action");
        }
        CaseAction action = req.action();
        TransitionPolicy.Rule rule = TransitionPolicy.rule(action);
        if (!who.sees(this)) {
            throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
        }
        Role role = rule.roles().stream().filter(who.roles()::contains).findFirst()
                .orElseThrow(() -> new AccessDeniedToEntityException(
                        "当前角色不能执行" + action.label() + " your role may not " + action));
        if (role == Role.HANDLER && (who.departmentId() == null || !who.departmentId().equals(departmentId))) {
            throw new AccessDeniedToEntityException("不是本部门的案卷 case is not assigned to your department");
        }
        if (!rule.from().contains(status)) {
            throw new ConflictException("状态为" + status.label() + "的案卷不能" + action.label()
                    + " illegal transition " + action + " from " + status, "action");
        }
        String note = req.note() == null ? null : req.note().strip();
        if (note != null && note.isEmpty()) {
            note = null;
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("说明过长 note longer than " + MAX_NOTE, "note");
        }
        if (TransitionPolicy.needsNote(action) && note == null) {
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
                if (satisfaction == Satisfaction.DISSATISFIED && Boolean.TRUE.equals(req.reopen())) {
                    reworkCount++;
                    closedAt = null;
                    status = CaseStatus.DISPATCHED;
                    restart = true;
                } else {
                    status = CaseStatus.VISITED;
                }
            }
            case SUSPEND -> {
                suspendedFrom = status;
                suspendedAt = now;
                status = CaseStatus.SUSPENDED;
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

        boolean onTime = due == null || !now.isAfter(due);
        if (!onTime) {
            lateSteps++;
        }
        ProcessStage newStage = stageOf(status);
        if (restart || newStage != fromStage) {
            startStage(newStage, now, deadlines);
        }
        updatedAt = now;
        return new StepRecord(action.name(), fromStage, from, status, who.username(), who.displayName(),
                role.name(), deptAtStep, started, due, now, onTime, note);
    }

    /** Steps that answer a time limit (the others are side actions: approvals, 督办, 挂账). */
    private static boolean timed(CaseAction action) {
        return switch (action) {
            case VERIFY, FILE, REJECT, MERGE, DISPATCH, ACCEPT, RETURN, REQUEST_EXTENSION, REPORT_HANDLED, CHECK_PASS,
                    CHECK_FAIL, CLOSE -> true;
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
}
