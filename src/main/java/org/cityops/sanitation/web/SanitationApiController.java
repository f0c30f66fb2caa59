package org.cityops.sanitation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.cityops.assessment.SourceScoreInput;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.SanitationVehicle;
import org.cityops.sanitation.fleet.VehicleType;
import org.cityops.sanitation.fleet.WorkPlan;
import org.cityops.sanitation.ledger.Segment;
import org.cityops.sanitation.ledger.SegmentDraft;
import org.cityops.sanitation.ledger.Segments;
import org.cityops.sanitation.report.CoverageReport;
import org.cityops.sanitation.report.MonthlyRateSubmission;
import org.cityops.sanitation.report.PassView;
import org.cityops.sanitation.report.RateRow;
import org.cityops.sanitation.report.SegmentDay;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 环卫作业监管 API: the road ledger, vehicles, plans, coverage by day and rates. */
@RestController
@RequestMapping("/api/v1/sanitation")
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class SanitationApiController {

    private final Segments segments;
    private final Fleet fleet;
    private final CoverageReport report;
    private final MonthlyRateSubmission submission;
    private final Clock clock;

    SanitationApiController(
            Segments segments, Fleet fleet, CoverageReport report, MonthlyRateSubmission submission, Clock clock) {
        this.segments = segments;
        this.fleet = fleet;
        this.report = report;
        this.submission = submission;
        this.clock = clock;
    }

    @GetMapping("/segments")
    List<Segment> segments(@CurrentActor StaffMember me) {
        return segments.list(me);
    }

    @GetMapping("/segments/{id}")
    Segment segment(@CurrentActor StaffMember me, @PathVariable long id) {
        return segments.get(id, me);
    }

    record SegmentRequest(
            @NotBlank(message = "必填 required") String code,
            @NotBlank(message = "必填 required") String name,
            @NotBlank(message = "必填 required") String grade,
            @NotNull(message = "必填 required") Double widthM,
            Boolean oneWay,
            String section,
            String company,
            @NotBlank(message = "必填 required") String wkt) {}

    @PostMapping("/segments")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    ResponseEntity<Segment> create(@CurrentActor StaffMember me, @Valid @RequestBody SegmentRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(segments.create(
                        new SegmentDraft(
                                r.code(),
                                r.name(),
                                r.grade(),
                                r.widthM(),
                                r.oneWay(),
                                r.section(),
                                r.company(),
                                r.wkt()),
                        me,
                        false));
    }

    /** GeoJSON (.geojson/.json) or .xlsx, all or nothing: 200 with the count, or 400 with every row's problems. */
    @PostMapping("/segments/import")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    ResponseEntity<Segments.ImportReport> importSegments(
            @CurrentActor StaffMember me, @RequestParam("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase();
        Segments.ImportReport r;
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            r = segments.importGeoJson(new String(file.getBytes(), StandardCharsets.UTF_8), me);
        } else if (name.endsWith(".xlsx")) {
            try (InputStream in = file.getInputStream()) {
                r = segments.importXlsx(in, me);
            }
        } else {
            throw new InvalidInputException("文件须为 .geojson 或 .xlsx file must be .geojson or .xlsx", "file");
        }
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    @GetMapping("/segments/export")
    ResponseEntity<byte[]> export(@CurrentActor StaffMember me) {
        return XlsxDownload.download("道路清扫保洁台账.xlsx", segments.exportXlsx(me));
    }

    @GetMapping("/vehicles")
    List<SanitationVehicle> vehicles(@CurrentActor StaffMember me) {
        return fleet.vehicles(me);
    }

    record VehicleRequest(
            @NotBlank(message = "必填 required") String plate,

            @NotNull(message = "必填 required") @Min(0) @Max(9)
            Integer plateColor,

            @NotBlank(message = "必填 required") String terminal,
            @NotNull(message = "必填 required") VehicleType type,

            @NotNull(message = "必填 required") @Min(0) @Max(31)
            Integer workBit,

            String company,
            String districtCode) {}

    @PostMapping("/vehicles")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    ResponseEntity<SanitationVehicle> register(@CurrentActor StaffMember me, @Valid @RequestBody VehicleRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(fleet.register(
                        r.plate(),
                        r.plateColor(),
                        r.terminal(),
                        r.type(),
                        r.workBit(),
                        r.company(),
                        r.districtCode(),
                        me));
    }

    @GetMapping("/plans")
    List<WorkPlan> plans() {
        return fleet.plans();
    }

    record PlanRequest(
            @NotBlank(message = "必填 required") String name,

            @NotNull(message = "必填 required") @Min(1) @Max(24)
            Integer passesPerDay,

            @NotBlank(message = "必填 required") String windows,
            @NotNull(message = "必填 required") Double minSpeedKmh,
            @NotNull(message = "必填 required") Double maxSpeedKmh,
            @NotEmpty(message = "必填 required") List<Long> segmentIds) {}

    @PostMapping("/plans")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    ResponseEntity<WorkPlan> createPlan(@CurrentActor StaffMember me, @Valid @RequestBody PlanRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(fleet.createPlan(
                        r.name(), r.passesPerDay(), r.windows(), r.minSpeedKmh(), r.maxSpeedKmh(), r.segmentIds(), me));
    }

    @GetMapping("/coverage")
    List<SegmentDay> coverage(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return report.day(day == null ? CoverageReport.today(clock) : day, me);
    }

    @GetMapping("/coverage/export")
    ResponseEntity<byte[]> exportCoverage(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        LocalDate d = day == null ? CoverageReport.today(clock) : day;
        return XlsxDownload.download("作业覆盖-" + d + ".xlsx", report.exportDay(d, me));
    }

    @GetMapping("/segments/{id}/passes")
    List<PassView> passes(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return report.passesOf(id, day == null ? CoverageReport.today(clock) : day, me);
    }

    @GetMapping("/rates")
    List<RateRow> rates(
            @CurrentActor StaffMember me,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "district") String by) {
        return report.rates(from, to, by, me);
    }

    /** Hands a finished month's coverage rate per district to the assessment as 专业部门评价 scores (once). */
    @PostMapping("/rates/{month}/submit")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    SourceScoreInput.Submitted submitRates(@CurrentActor StaffMember me, @PathVariable String month) {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("月份格式须为 yyyy-MM month must be yyyy-MM", "month");
        }
        return submission.submit(m, me);
    }
}
