package org.cityops.sanitation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.sanitation.attendance.AttendanceSheet;
import org.cityops.sanitation.attendance.Post;
import org.cityops.sanitation.attendance.SheetRow;
import org.cityops.sanitation.attendance.Shift;
import org.cityops.sanitation.attendance.ShiftDays;
import org.cityops.sanitation.attendance.Shifts;
import org.cityops.sanitation.attendance.Worker;
import org.cityops.sanitation.attendance.WorkerPosts;
import org.cityops.sanitation.attendance.Workers;
import org.cityops.sanitation.report.CoverageReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 作业人员在岗 API: posts, shifts, workers (phones masked), the daily attendance sheet and its .xlsx, 离岗 alerts. */
@RestController
@RequestMapping("/api/v1/sanitation")
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class AttendanceApiController {

    private final WorkerPosts posts;
    private final Shifts shifts;
    private final Workers workers;
    private final AttendanceSheet attendance;
    private final Clock clock;

    AttendanceApiController(
            WorkerPosts posts, Shifts shifts, Workers workers, AttendanceSheet attendance, Clock clock) {
        this.posts = posts;
        this.shifts = shifts;
        this.workers = workers;
        this.attendance = attendance;
        this.clock = clock;
    }

    record PostRequest(
            @NotBlank(message = "必填 required") String code,
            @NotBlank(message = "必填 required") String name,
            @NotBlank(message = "必填（WKT POLYGON）required") String wkt,
            String section,
            String company,
            List<Long> segmentIds) {}

    @GetMapping("/posts")
    List<Post> posts(@CurrentActor StaffMember me) {
        return posts.posts(me);
    }

    @PostMapping("/posts")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    ResponseEntity<Post> createPost(@CurrentActor StaffMember me, @Valid @RequestBody PostRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(posts.createPost(
                        new WorkerPosts.PostDraft(
                                r.code(), r.name(), r.wkt(), r.section(), r.company(), r.segmentIds()),
                        me,
                        false));
    }

    record ShiftRequest(
            @NotBlank(message = "必填 required") String name,
            @NotBlank(message = "必填 HH:mm required") String start,
            @NotBlank(message = "必填 HH:mm required") String end,

            @NotNull(message = "必填（EVERY_DAY 每天 / WORKING_DAYS 工作日）required")
            ShiftDays days) {}

    @GetMapping("/shifts")
    List<Shift> shifts() {
        return shifts.shifts();
    }

    @PostMapping("/shifts")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    ResponseEntity<Shift> createShift(@CurrentActor StaffMember me, @Valid @RequestBody ShiftRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(shifts.createShift(r.name(), r.start(), r.end(), r.days(), me));
    }

    record WorkerRequest(
            @NotBlank(message = "必填 required") String name,
            String phone,
            @NotBlank(message = "必填 required") String terminal,
            @NotNull(message = "必填 required") Long postId,
            @NotNull(message = "必填 required") Long shiftId) {}

    @GetMapping("/workers")
    List<Worker> workers(@CurrentActor StaffMember me) {
        return workers.workers(me);
    }

    @PostMapping("/workers")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    ResponseEntity<Worker> createWorker(@CurrentActor StaffMember me, @Valid @RequestBody WorkerRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(workers.createWorker(r.name(), r.phone(), r.terminal(), r.postId(), r.shiftId(), me, false));
    }

    @GetMapping("/attendance")
    List<SheetRow> sheet(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return attendance.sheet(day == null ? CoverageReport.today(clock) : day, me);
    }

    @GetMapping("/attendance/alerts")
    List<AttendanceSheet.OffPostAlert> alerts(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return attendance.alerts(attendance.sheet(day == null ? CoverageReport.today(clock) : day, me));
    }

    @GetMapping("/attendance/export")
    ResponseEntity<byte[]> export(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        LocalDate d = day == null ? CoverageReport.today(clock) : day;
        return XlsxDownload.download("作业人员考勤表-" + d + ".xlsx", attendance.exportSheet(d, me));
    }
}
