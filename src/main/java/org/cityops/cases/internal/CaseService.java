package org.cityops.cases.internal;

// Size: too long: photos, idempotency records and inspector assignment are to move into their own classes (issue
// 13, point 5, open)

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.audit.RecordDigest;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseClosed;
import org.cityops.cases.CaseDispatched;
import org.cityops.cases.CaseFiled;
import org.cityops.cases.CaseReported;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.cases.CaseVisited;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryView;
import org.cityops.catalog.ProcessStage;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case use cases: intake (from every channel), transitions, reads. Each change commits the aggregate, its
 * step record, the audit entry and the domain events in one transaction; intake returns only after commit.
 */
@Service
public class CaseService {

    public static final int MAX_DESCRIPTION = 2000;

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final Deadlines deadlines;
    private final Catalog catalog;
    private final GridLocator locator;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final CaseQueries queries;
    private final double duplicateRadiusMeters;
    private final java.time.Duration duplicateWindow;

    CaseService(
            CaseRepository cases,
            CaseNumbers numbers,
            Deadlines deadlines,
            Catalog catalog,
            GridLocator locator,
            OrgDirectory org,
            AuditTrail audit,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock,
            PlatformTransactionManager tm,
            CaseQueries queries,
            @org.springframework.beans.factory.annotation.Value("${cityops.cases.duplicate.radius-meters:100}")
                    double radius,
            @org.springframework.beans.factory.annotation.Value("${cityops.cases.duplicate.window:P3D}")
                    java.time.Duration window) {
        this.queries = queries;
        this.duplicateRadiusMeters = radius;
        this.duplicateWindow = window;
        this.cases = cases;
        this.numbers = numbers;
        this.deadlines = deadlines;
        this.catalog = catalog;
        this.locator = locator;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
    }

    /** Result of an intake: the case, and whether this was a replay of an earlier submission. */
    /** @param view the new case as its creator sees it; {@code null} for a replay (read it with {@link #created}) */
    public record Intake(long caseId, String caseNumber, boolean replay, CaseView view) {

        Intake(long caseId, String caseNumber, boolean replay) {
            this(caseId, caseNumber, replay, null);
        }
    }

    /**
     * 受理. {@code idempotencyKey} (optional): a replay with the same key and body returns the first case; the
     * same key with a different body is a 409.
     */
    public Intake intake(NewCase in, Performer who, String idempotencyKey, String sourceModule, String sourceRef) {
        return intake(in, who, idempotencyKey, sourceModule, sourceRef, null);
    }

    /** Intake with a photo, stored in the same transaction as the case. */
    public Intake intake(
            NewCase in, Performer who, String idempotencyKey, String sourceModule, String sourceRef, byte[] photo) {
        Checked checked = check(in);
        String photoType = photo == null || photo.length == 0 ? null : Photos.check(photo);
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? null
                : who.username() + ":" + idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw new InvalidInputException("Idempotency-Key 过长 too long", "Idempotency-Key");
        }
        String hash = key == null ? null : hash(in);
        if (key != null) {
            Optional<Intake> earlier = replay(key, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return tx.execute(s -> {
                Created created = create(in, checked, who, key, hash, sourceModule, sourceRef);
                List<Long> photoIds = List.of();
                if (photoType != null) {
                    photoIds = List.of(insertPhoto(created.c().id, "REPORT", photoType, photo, who));
                }
                Case c = created.c();
                return new Intake(c.id, c.number, false, view(c, who, List.of(created.step()), photoIds));
            });
        } catch (DuplicateKeyException raced) {
            if (key != null) {
                return replay(key, hash).orElseThrow(() -> raced);
            }
            throw raced;
        }
    }

    private Optional<Intake> replay(String key, String hash) {
        return jdbc.sql("""
                SELECT i.request_hash, c.id, c.case_number FROM case_idempotency i JOIN city_case c ON c.id = i.case_id
                WHERE i.idem_key = :k""")
                .param("k", key)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(hash)) {
                        throw new ConflictException(
                                "Idempotency-Key 已用于另一个请求 key was already used for a different request",
                                "Idempotency-Key");
                    }
                    return new Intake(rs.getLong(2), rs.getString(3), true);
                })
                .optional();
    }

    private record Checked(CategoryView category, GridLocation location) {}

    private Checked check(NewCase in) {
        if (in == null) {
            throw new InvalidInputException("请求为空 empty request", null);
        }
        if (in.channel() == null) {
            throw new InvalidInputException("缺少来源 channel is required", "channel");
        }
        if (in.categoryCode() == null || in.categoryCode().isBlank()) {
            throw new InvalidInputException("缺少问题类别 categoryCode is required", "categoryCode");
        }
        CategoryView category = catalog.resolve(in.categoryCode().strip())
                .filter(CategoryView::active)
                .orElseThrow(() -> new InvalidInputException(
                        "未知的问题类别 unknown category '" + in.categoryCode() + "'", "categoryCode"));
        if (in.description() == null || in.description().isBlank()) {
            throw new InvalidInputException("缺少问题描述 description is required", "description");
        }
        if (in.description().length() > MAX_DESCRIPTION) {
            throw new InvalidInputException(
                    "问题描述过长（最多" + MAX_DESCRIPTION + "字） description longer than " + MAX_DESCRIPTION, "description");
        }
        if (in.lat() == null || in.lon() == null) {
            throw new InvalidInputException("缺少位置 location (lat, lon) is required", in.lat() == null ? "lat" : "lon");
        }
        if (in.lat().isNaN() || in.lon().isNaN() || Math.abs(in.lat()) > 90 || Math.abs(in.lon()) > 180) {
            throw new InvalidInputException("坐标不合法 lat/lon out of range", "lat");
        }
        GridLocation location = locator.locate(in.lat(), in.lon())
                .orElseThrow(() -> new InvalidInputException("位置不在本市网格内 location is outside the city", "lat"));
        if (in.address() != null && in.address().length() > 300) {
            throw new InvalidInputException("地址过长 address longer than 300", "address");
        }
        if (in.reporterName() != null && in.reporterName().length() > 100) {
            throw new InvalidInputException("姓名过长 reporter name longer than 100", "reporter.name");
        }
        if (in.reporterPhone() != null && in.reporterPhone().length() > 40) {
            throw new InvalidInputException("电话过长 reporter phone longer than 40", "reporter.phone");
        }
        return new Checked(category, location);
    }

    private record Created(Case c, StepRecord step) {}

    private Created create(
            NewCase in,
            Checked checked,
            Performer who,
            String key,
            String hash,
            String sourceModule,
            String sourceRef) {
        Instant now = DbTime.toDb(clock.instant()).toInstant();
        CategoryView cat = checked.category();
        Case c = Case.report(
                in.channel(),
                cat.id(),
                cat.qualifiedCode(),
                cat.name(),
                in.urgency(),
                in.description().strip(),
                in.lat(),
                in.lon(),
                blankToNull(in.address()),
                now);
        GridLocation g = checked.location();
        c.gridCode = g.gridCode();
        c.communityCode = g.communityCode();
        c.streetCode = g.streetCode();
        c.streetName = g.streetName();
        c.districtCode = g.districtCode();
        c.districtName = g.districtName();
        c.reporterName = blankToNull(in.reporterName());
        c.reporterPhone = blankToNull(in.reporterPhone());
        c.reporterUsername = who.username();
        c.sourceModule = sourceModule;
        c.sourceRef = sourceRef;
        c.number = numbers.next();
        String role = who.roles().isEmpty()
                ? (who == Performer.SYSTEM ? "SYSTEM" : "PUBLIC")
                : who.roles().stream().map(Enum::name).sorted().findFirst().orElse("");
        StepRecord step = c.opened(who, role, deadlines);
        String verifier = TransitionPolicy.awaitsInspector(c.status)
                ? org.inspectorFor(c.gridCode).orElse(null)
                : null;
        StepRecord assigned = verifier == null
                ? null
                : c.assignDefault(verifier, staffActor(who, role), staffRole(who, role), now, deadlines);
        cases.insert(c);
        RecordDigest stepRow = cases.insertStep(c.id, step);
        if (key != null) {
            jdbc.sql(
                            "INSERT INTO case_idempotency (idem_key, request_hash, case_id, created_at) VALUES (:k, :h, :c, :t)")
                    .param("k", key)
                    .param("h", hash)
                    .param("c", c.id)
                    .param("t", DbTime.toDb(now))
                    .update();
        }
        audit.record(
                "CASE",
                c.number,
                "INTAKE",
                null,
                "status=" + c.status + " channel=" + c.channel + " category=" + c.categoryCode + " grid=" + c.gridCode,
                stepRow);
        events.publishEvent(new CaseReported(
                c.id,
                c.number,
                c.channel,
                c.categoryCode,
                c.gridCode,
                c.districtCode,
                now,
                who.username(),
                role,
                c.communityCode,
                c.streetCode));
        if (assigned != null) {
            RecordDigest assignedRow = cases.insertStep(c.id, assigned);
            audit.record(
                    "CASE",
                    c.number,
                    assigned.action(),
                    "status=" + c.status,
                    "status=" + c.status + " inspector=" + assigned.inspector(),
                    assignedRow);
            publish(c, assigned, null, now);
        }
        return new Created(c, step);
    }

    /** One step of the lifecycle; 403 (scope/role), 409 (illegal or concurrent), 400 (missing input). */
    public CaseView transition(long caseId, TransitionRequest req, Performer who) {
        return transition(caseId, req, who, null, null);
    }

    /**
     * One step with the version the caller saw ({@code expectedVersion}, optional: 409 when the case moved on) and
     * a photo sent with it (optional: HANDLED for 处置反馈, CHECK for 核查, else REPORT). The photo is checked
     * before the transaction; the version is compared, and the photo stored, inside the step's transaction and
     * only after the step was allowed, so a refused or concurrent step leaves neither step nor photo behind.
     */
    public CaseView transition(long caseId, TransitionRequest req, Performer who, Long expectedVersion, byte[] photo) {
        String photoType = photo == null || photo.length == 0 ? null : Photos.check(photo);
        return tx.execute(s -> {
            Case c = load(caseId);
            if (expectedVersion != null && who.sees(c) && c.version != expectedVersion) {
                throw new ConflictException("案卷已被他人处理，请刷新 the case changed since you loaded it", "version");
            }
            Instant now = DbTime.toDb(clock.instant()).toInstant();
            TransitionRequest effective = prepare(c, req, who);
            CaseStatus before = c.status;
            StepRecord step = c.apply(effective, who, now, deadlines);
            if (effective.action() == CaseAction.FILE) {
                // the history keeps whose 漏报 a filed public report is: the inspector responsible for the grid
                step = step.withInspector(org.inspectorFor(c.gridCode).orElse(null));
            }
            StepRecord assigned = defaultInspector(c, now);
            cases.update(c);
            RecordDigest stepRow = cases.insertStep(c.id, step);
            String dept = departmentCode(step.departmentId());
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
                long photoId = insertPhoto(c.id, kind, photoType, photo, who, now);
                audit.record(
                        "CASE",
                        c.number,
                        "PHOTO",
                        null,
                        "photo=" + photoId + " kind=" + kind + " bytes=" + photo.length + " step=" + step.action());
            }
            publish(c, step, dept, now);
            if (assigned != null) {
                RecordDigest assignedRow = cases.insertStep(c.id, assigned);
                audit.record(
                        "CASE",
                        c.number,
                        assigned.action(),
                        "status=" + c.status,
                        "status=" + c.status + " inspector=" + assigned.inspector() + " by=system",
                        assignedRow);
                publish(c, assigned, departmentCode(assigned.departmentId()), now);
            }
            return view(c, who);
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
                .map(u -> c.assignDefault(u, Performer.SYSTEM, "SYSTEM", now, deadlines))
                .orElse(null);
    }

    /** Who sends the 核实 task of a new case: the staff member who took it in, else the platform. */
    private static Performer staffActor(Performer who, String role) {
        return "PUBLIC".equals(role) || "SYSTEM".equals(role) || who.roles().isEmpty() ? Performer.SYSTEM : who;
    }

    private static String staffRole(Performer who, String role) {
        return staffActor(who, role) == Performer.SYSTEM ? "SYSTEM" : role;
    }

    /** Fills in what the aggregate cannot know: routing for DISPATCH, the target of MERGE, the inspector. */
    private TransitionRequest prepare(Case c, TransitionRequest req, Performer who) {
        if (req == null || req.action() == null) {
            throw new InvalidInputException("缺少操作 action is required", "action");
        }
        if (req.action() == CaseAction.ASSIGN_INSPECTOR) {
            c.authorize(CaseAction.ASSIGN_INSPECTOR, who);
            InspectorTasks.checkAssignee(
                    c,
                    req.inspector(),
                    req.inspector() == null
                            ? Optional.empty()
                            : org.staff(req.inspector()).map(Performer::of));
            return req;
        }
        if (req.action() == CaseAction.DISPATCH && who.sees(c)) {
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
            if (!who.sees(target)) {
                throw new AccessDeniedToEntityException("无权访问目标案卷 target case outside your data scope");
            }
            if (target.status == CaseStatus.MERGED || target.status == CaseStatus.REJECTED) {
                throw new ConflictException("目标案卷已作废或已合并 target case is rejected or merged", "mergeInto");
            }
        }
        return req;
    }

    /**
     * Who a step is held against, beyond its actor: a return or a failed check against the dispatcher of the
     * (last) dispatch (准确派遣). (A filing is held against the supervisor responsible for the case's grid, 漏报:
     * the FILE step itself records that inspector.)
     */
    private String assignee(Case c, CaseAction action) {
        if (action == CaseAction.RETURN || action == CaseAction.CHECK_FAIL) {
            return cases.steps(c.id).stream()
                    .filter(s -> CaseAction.DISPATCH.name().equals(s.action()))
                    .reduce((first, second) -> second)
                    .map(StepRecord::actor)
                    .orElse(null);
        }
        return null;
    }

    private Boolean lastHandlingOnTime(Case c) {
        return cases.steps(c.id).stream()
                .filter(s -> CaseAction.REPORT_HANDLED.name().equals(s.action()))
                .reduce((first, second) -> second)
                .map(StepRecord::onTime)
                .orElse(null);
    }

    private void publish(Case c, StepRecord step, String dept, Instant now) {
        CaseAction action = CaseAction.valueOf(step.action());
        String assignee = action == CaseAction.ASSIGN_INSPECTOR || action == CaseAction.FILE
                ? step.inspector()
                : assignee(c, action);
        events.publishEvent(new CaseStepCompleted(
                c.id,
                c.number,
                action,
                step.stage(),
                step.from(),
                step.to(),
                step.actor(),
                step.role(),
                dept,
                c.districtCode,
                c.gridCode,
                step.dueAt(),
                step.actedAt(),
                step.onTime(),
                c.categoryCode,
                c.channel,
                c.communityCode,
                c.streetCode,
                c.channel == CaseChannel.INSPECTOR ? c.reporterUsername : null,
                c.supervised,
                action == CaseAction.VISIT ? c.satisfaction : null,
                step.note(),
                assignee,
                c.inspector,
                action == CaseAction.CLOSE ? lastHandlingOnTime(c) : null));
        switch (action) {
            case FILE -> events.publishEvent(new CaseFiled(c.id, c.number, c.categoryCode, c.districtCode, now));
            case DISPATCH -> events.publishEvent(new CaseDispatched(c.id, c.number, dept, c.dueAt, now));
            case CLOSE ->
                events.publishEvent(
                        new CaseClosed(c.id, c.number, dept, c.districtCode, c.reworkCount, c.lateSteps == 0, now));
            case VISIT ->
                events.publishEvent(
                        new CaseVisited(c.id, c.number, c.satisfaction, c.status == CaseStatus.DISPATCHED, now));
            default -> {}
        }
    }

    public CaseView get(long caseId, Performer who) {
        Case c = load(caseId);
        if (!who.sees(c)) {
            throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
        }
        return view(c, who);
    }

    /** The case just taken in, as its creator sees it (the creator may see what it created). */
    public CaseView created(long caseId, Performer who) {
        return view(load(caseId), who);
    }

    public Optional<Long> idOf(String number) {
        return cases.findByNumber(number).map(Case::id);
    }

    Case load(long caseId) {
        return cases.find(caseId).orElseThrow(() -> new NotFoundException("案卷不存在 case not found"));
    }

    CaseView view(Case c, Performer who) {
        List<Long> photos = jdbc.sql("SELECT id FROM case_photo WHERE case_id = :id ORDER BY id")
                .param("id", c.id)
                .query(Long.class)
                .list();
        return view(c, who, cases.steps(c.id), photos);
    }

    private CaseView view(Case c, Performer who, List<StepRecord> steps, List<Long> photos) {
        Instant now = clock.instant();
        DepartmentView dept =
                c.departmentId == null ? null : org.department(c.departmentId).orElse(null);
        Set<CaseAction> actions = TransitionPolicy.available(c.status, who.roles());
        if (who.roles().contains(Role.HANDLER)
                && (who.departmentId() == null || !who.departmentId().equals(c.departmentId))) {
            actions.removeIf(a -> TransitionPolicy.rule(a).roles().equals(Set.of(Role.HANDLER)));
        }
        List<CaseView.Step> history = steps.stream()
                .map(s -> new CaseView.Step(
                        s.action(),
                        label(s.action()),
                        s.stage(),
                        s.from(),
                        s.to(),
                        s.actor(),
                        s.actorName(),
                        s.role(),
                        s.departmentId(),
                        s.startedAt(),
                        s.dueAt(),
                        s.actedAt(),
                        s.onTime(),
                        s.note(),
                        s.inspector()))
                .toList();
        return new CaseView(
                c.id,
                c.number,
                c.status,
                c.status.label(),
                c.channel,
                c.categoryCode,
                c.categoryName,
                c.urgency,
                c.description,
                c.lat,
                c.lon,
                c.address,
                c.gridCode,
                c.communityCode,
                c.streetCode,
                c.streetName,
                c.districtCode,
                c.districtName,
                c.departmentId,
                dept == null ? null : dept.code(),
                dept == null ? null : dept.name(),
                c.stage,
                c.dueAt,
                c.warnAt,
                c.overdueAt(now),
                c.warned || c.warnAt != null && c.status.isOpen() && now.isAfter(c.warnAt),
                c.supervised,
                c.supervisionNote,
                c.reworkCount,
                c.returnCount,
                c.extensionCount,
                c.requestedExtensionHours,
                c.lateSteps,
                c.satisfaction,
                c.mergedInto,
                c.reporterName,
                c.reporterPhone,
                c.createdAt,
                c.updatedAt,
                c.closedAt,
                c.version,
                actions,
                history,
                photos,
                c.inspector,
                c.resumeExpected,
                alerts(c.id));
    }

    private List<CaseView.Alert> alerts(long caseId) {
        return jdbc.sql("""
                SELECT kind, stage, department_id, due_at, raised_at FROM case_alert WHERE case_id = :c ORDER BY id""")
                .param("c", caseId)
                .query((rs, n) -> {
                    long d = rs.getLong("department_id");
                    String dept = rs.wasNull() ? null : departmentCode(d);
                    String stage = rs.getString("stage");
                    return new CaseView.Alert(
                            rs.getString("kind"),
                            stage == null ? null : ProcessStage.valueOf(stage),
                            dept,
                            CaseRepository.time(rs, "due_at"),
                            CaseRepository.time(rs, "raised_at"));
                })
                .list();
    }

    static String label(String action) {
        if ("INTAKE".equals(action)) {
            return "受理";
        }
        try {
            return CaseAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }

    private String departmentCode(Long id) {
        return id == null ? null : org.department(id).map(DepartmentView::code).orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String hash(NewCase in) {
        String canonical = String.join(
                "\u0001",
                Objects.toString(in.channel()),
                Objects.toString(in.categoryCode()),
                Objects.toString(in.description()),
                Objects.toString(in.lat()),
                Objects.toString(in.lon()),
                Objects.toString(in.address()),
                Objects.toString(in.urgency()),
                Objects.toString(in.reporterName()),
                Objects.toString(in.reporterPhone()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Channels staff may use through the API (OPEN311, CITIZEN and ALERT have their own doors). */
    static boolean staffChannel(CaseChannel ch) {
        return ch == CaseChannel.HOTLINE
                || ch == CaseChannel.INSPECTOR
                || ch == CaseChannel.MEDIA
                || ch == CaseChannel.LEADER;
    }

    /** A photo as stored. */
    public record Photo(long id, long caseId, String kind, String contentType, byte[] data) {}

    /** Checks a photo before anything is written (400 when not acceptable); returns its sniffed type. */
    public static String checkPhoto(byte[] data) {
        return Photos.check(data);
    }

    /** Adds a photo (REPORT, HANDLED or CHECK) to a case the performer may see. */
    public long addPhoto(long caseId, String kind, byte[] data, Performer who) {
        String type = Photos.check(data);
        String k = kind == null ? "REPORT" : kind.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("REPORT", "HANDLED", "CHECK").contains(k)) {
            throw new InvalidInputException("照片类型应为REPORT/HANDLED/CHECK kind must be REPORT, HANDLED or CHECK", "kind");
        }
        return tx.execute(s -> {
            Case c = load(caseId);
            if (!who.sees(c)) {
                throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
            }
            if (c.status.isFinal()) {
                throw new ConflictException("案卷已归档 case is archived", null);
            }
            long id = insertPhoto(caseId, k, type, data, who);
            audit.record("CASE", c.number, "PHOTO", null, "photo=" + id + " kind=" + k + " bytes=" + data.length);
            return id;
        });
    }

    /** Stores a photo in the caller's transaction; returns its id. */
    private long insertPhoto(long caseId, String kind, String contentType, byte[] data, Performer who) {
        return insertPhoto(caseId, kind, contentType, data, who, clock.instant());
    }

    /** {@code at}: the upload time (a photo sent with a step carries the step's time). */
    private long insertPhoto(long caseId, String kind, String contentType, byte[] data, Performer who, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_photo (case_id, kind, content_type, size_bytes, data, uploaded_by, uploaded_at)
                VALUES (:c, :k, :t, :s, :d, :u, :at)""")
                .param("c", caseId)
                .param("k", kind)
                .param("t", contentType)
                .param("s", data.length)
                .param("d", data)
                .param("u", who.username())
                .param("at", DbTime.toDb(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * A photo of a case the performer may see ({@code who} null: public access, handling photos (处置照片) only;
     * a report photo may show people or number plates and a CHECK photo is internal, so both are then answered
     * as not found — the same rule as Open311's media).
     */
    public Photo photo(long caseId, long photoId, Performer who) {
        Case c = load(caseId);
        if (who != null && !who.sees(c)) {
            throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
        }
        String publicKinds = who == null ? " AND kind = 'HANDLED'" : "";
        return jdbc.sql("SELECT id, case_id, kind, content_type, data FROM case_photo WHERE id = :id AND case_id = :c"
                        + publicKinds)
                .param("id", photoId)
                .param("c", caseId)
                .query((rs, n) ->
                        new Photo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .optional()
                .orElseThrow(() -> new NotFoundException("照片不存在 photo not found"));
    }

    /** Open cases of the same category near a case, reported within the duplicate window (重复上报 candidates). */
    public List<CaseRow> duplicates(long caseId, Performer who) {
        Case c = load(caseId);
        if (!who.sees(c)) {
            throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
        }
        return queries.duplicatesOf(
                c.id, c.categoryId, c.lat, c.lon, c.createdAt, duplicateRadiusMeters, duplicateWindow, who);
    }
}
