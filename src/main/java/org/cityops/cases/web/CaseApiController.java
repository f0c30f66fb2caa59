package org.cityops.cases.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.Satisfaction;
import org.cityops.cases.internal.CaseFilter;
import org.cityops.cases.internal.CasePage;
import org.cityops.cases.internal.CaseQueries;
import org.cityops.cases.internal.CaseRow;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.CaseView;
import org.cityops.cases.internal.DispatchPreviews;
import org.cityops.cases.internal.MergeTargets;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.TransferredCases;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.catalog.Urgency;
import org.cityops.org.CurrentActor;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The case JSON API: intake, read, transitions, lists, queues, map, duplicates, photos. */
@RestController
@RequestMapping("/api/v1/cases")
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SHIFT_LEADER','DISPATCHER','INSPECTOR','HANDLER','LEADER','ASSESSOR')")
class CaseApiController {

    private final CaseService cases;
    private final CaseQueries queries;
    private final OrgDirectory org;
    private final DispatchPreviews dispatchPreviews;
    private final MergeTargets mergeTargets;
    private final TransferredCases transferred;

    CaseApiController(
            CaseService cases,
            CaseQueries queries,
            OrgDirectory org,
            DispatchPreviews dispatchPreviews,
            MergeTargets mergeTargets,
            TransferredCases transferred) {
        this.cases = cases;
        this.queries = queries;
        this.org = org;
        this.dispatchPreviews = dispatchPreviews;
        this.mergeTargets = mergeTargets;
        this.transferred = transferred;
    }

    /** Who reported: optional. */
    record Reporter(
            @Size(max = 100, message = "姓名过长 reporter name longer than {max}")
            String name,

            @Size(max = 40, message = "电话过长 reporter phone longer than {max}")
            String phone) {}

    static final String NO_LOCATION = "缺少位置 location (lat, lon) is required";

    record IntakeBody(
            @NotNull(message = "缺少来源 channel is required") CaseChannel channel,

            @NotBlank(message = "缺少问题类别 categoryCode is required")
            String categoryCode,

            @NotBlank(message = "缺少问题描述 description is required")
            @Size(max = CaseService.MAX_DESCRIPTION, message = "问题描述过长（最多{max}字） description longer than {max}")
            String description,

            @NotNull(message = NO_LOCATION) Double lat,
            @NotNull(message = NO_LOCATION) Double lon,

            @Size(max = 300, message = "地址过长 address longer than {max}")
            String address,

            Urgency urgency,
            @Valid Reporter reporter) {}

    record TransitionBody(
            @NotNull(message = "缺少操作 action is required") CaseAction action,

            @Size(max = 2000, message = "说明过长 note longer than {max}")
            String note,

            @Size(max = 2000, message = "说明过长 note longer than {max}")
            String reason,

            Long departmentId,
            String departmentCode,
            Integer extensionHours,
            Satisfaction satisfaction,
            Boolean reopen,
            Long mergeInto,
            String mergeIntoNumber,
            Long version,
            String inspector,
            LocalDate expectedDate) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OPERATOR','SHIFT_LEADER','INSPECTOR','LEADER','DISPATCHER')")
    ResponseEntity<CaseView> intake(
            @CurrentActor StaffMember me,
            @Valid @RequestBody IntakeBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (body.channel() != null && !body.channel().takenByStaff()) {
            throw new InvalidInputException(
                    "该来源不能通过此接口受理 channel " + body.channel()
                            + " is not taken here (use the public page, Open311 or an event)",
                    "channel");
        }
        NewCase in = new NewCase(
                body.channel(),
                body.categoryCode(),
                body.description(),
                body.lat(),
                body.lon(),
                body.address(),
                body.urgency(),
                body.reporter() == null ? null : body.reporter().name(),
                body.reporter() == null ? null : body.reporter().phone());
        CaseService.Intake intake = cases.intake(in, me, idempotencyKey, null, null);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + intake.caseId()))
                .header("Idempotent-Replayed", String.valueOf(intake.replay()))
                .body(intake.view());
    }

    @GetMapping("/{id}")
    CaseView get(@CurrentActor StaffMember me, @PathVariable long id) {
        return cases.get(id, me);
    }

    @PostMapping(path = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseView transition(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody TransitionBody body) {
        Long dept = body.departmentId();
        if (dept == null
                && body.departmentCode() != null
                && !body.departmentCode().isBlank()) {
            dept = org.departmentByCode(body.departmentCode().strip())
                    .map(DepartmentView::id)
                    .orElseThrow(() -> new InvalidInputException("部门不存在 unknown department", "departmentCode"));
        }
        String note = body.note() != null ? body.note() : body.reason();
        Long mergeInto = body.mergeInto();
        if (body.action() == CaseAction.MERGE && mergeInto == null && body.mergeIntoNumber() != null) {
            mergeInto = mergeTargets.idOf(body.mergeIntoNumber(), me); // 合并 by case number
        }
        // the version is compared inside the step's transaction
        return cases.transition(
                id,
                new TransitionRequest(
                        body.action(),
                        note,
                        dept,
                        body.extensionHours(),
                        body.satisfaction(),
                        body.reopen(),
                        mergeInto,
                        body.inspector(),
                        body.expectedDate()),
                me,
                body.version(),
                null);
    }

    @GetMapping
    CasePage list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) List<CaseStatus> status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) Long department,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) CaseChannel channel,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String number,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queries.list(
                filter(status, category, district, department, overdue, channel, from, to, number), me, page, size);
    }

    static CaseFilter filter(
            List<CaseStatus> status,
            String category,
            String district,
            Long department,
            Boolean overdue,
            CaseChannel channel,
            LocalDate from,
            LocalDate to,
            String number) {
        Set<CaseStatus> statuses = status == null || status.isEmpty() ? null : EnumSet.copyOf(status);
        Instant f = from == null ? null : from.atStartOfDay(CityClock.ZONE).toInstant();
        Instant t =
                to == null ? null : to.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant();
        return new CaseFilter(
                statuses, blank(category), blank(district), department, overdue, channel, f, t, blank(number));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The signed-in user's work queue (by role), most urgent first; an inspector's own 核实 / 核查 tasks first,
     * {@code mine=true} only those (我的任务).
     */
    @GetMapping("/queue")
    CasePage queue(
            @CurrentActor StaffMember me,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queries.queue(me, mine, page, size);
    }

    /** Recent SLA alerts (80% warning, overdue) for the caller's department or area. */
    @GetMapping("/alerts")
    List<org.cityops.cases.internal.AlertRow> alerts(
            @CurrentActor StaffMember me, @RequestParam(defaultValue = "50") int limit) {
        return queries.alerts(me, limit);
    }

    /**
     * 转办信息: cases on the ground (district / street) of the caller's department that the routing sent to another
     * department, read-only; empty for callers whose department has no such ground.
     */
    @GetMapping("/transferred")
    List<TransferredCases.Row> transferred(@CurrentActor StaffMember me, @RequestParam(defaultValue = "50") int limit) {
        return transferred.of(me, limit);
    }

    /** Open cases inside {@code bbox=west,south,east,north} (WGS-84). */
    @GetMapping("/map")
    List<CaseRow> map(
            @CurrentActor StaffMember me, @RequestParam String bbox, @RequestParam(defaultValue = "2000") int limit) {
        String[] p = bbox.split(",");
        if (p.length != 4) {
            throw new InvalidInputException("bbox 应为 west,south,east,north", "bbox");
        }
        try {
            return queries.openInBox(
                    me,
                    Double.parseDouble(p[1]),
                    Double.parseDouble(p[0]),
                    Double.parseDouble(p[3]),
                    Double.parseDouble(p[2]),
                    limit);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("bbox 应为数字 bbox must be numbers", "bbox");
        }
    }

    /**
     * 按派遣规则 before confirming: the department the routing rules choose for this case and the rule that
     * matched ({@code matched=false}: no rule, the dispatcher chooses a department).
     */
    @GetMapping("/{id}/dispatch-preview")
    DispatchPreviews.Preview dispatchPreview(@CurrentActor StaffMember me, @PathVariable long id) {
        return dispatchPreviews.preview(id, me);
    }

    @GetMapping("/{id}/duplicates")
    List<CaseRow> duplicates(@CurrentActor StaffMember me, @PathVariable long id) {
        return cases.duplicates(id, me);
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> photo(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestPart("photo") MultipartFile photo,
            @RequestParam(defaultValue = "REPORT") String kind)
            throws IOException {
        long photoId = cases.addPhoto(id, kind, photo.getBytes(), me);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/photos/" + photoId))
                .body(java.util.Map.of("id", photoId));
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@CurrentActor StaffMember me, @PathVariable long id, @PathVariable long photoId) {
        CaseService.Photo p = cases.photo(id, photoId, me);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff")
                .body(p.data());
    }
}
