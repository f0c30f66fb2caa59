package org.cityops.rectification.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.CurrentActor;
// Size: to be split by resource (ledger, measures, evidence) when it grows again; over 400 lines since the
// formatter wrapped it
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.rectification.IndicatorSource;
import org.cityops.rectification.IndicatorValue;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.IndicatorRegistry;
import org.cityops.rectification.internal.LedgerImporter;
import org.cityops.rectification.internal.LedgerImporter.ImportResult;
import org.cityops.rectification.internal.LedgerReads;
import org.cityops.rectification.internal.LedgerReads.EvidenceFile;
import org.cityops.rectification.internal.LedgerReads.MeasureDetail;
import org.cityops.rectification.internal.LedgerReads.ProblemView;
import org.cityops.rectification.internal.LedgerReads.Summary;
import org.cityops.rectification.internal.LedgerRows.InspectionRow;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerService;
import org.cityops.rectification.internal.MeasureQuery;
import org.cityops.rectification.internal.WarningService;
import org.cityops.rectification.internal.imports.LedgerImportException;
import org.cityops.rectification.internal.imports.XlsxLedgerWriter;
import org.cityops.rectification.internal.report.DocxReportWriter;
import org.cityops.rectification.internal.report.HtmlReportWriter;
import org.cityops.rectification.internal.report.RectificationReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of the rectification ledger (巡察整改台账). */
@RestController
@RequestMapping("/api/v1/rectification")
@PreAuthorize("hasAnyRole('RECTIFICATION_OFFICE','LEADER','ADMIN','HANDLER')")
class RectificationApiController {

    static final MediaType XLSX = MediaType.parseMediaType(WorkbookWriter.CONTENT_TYPE);
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final LedgerService ledger;
    private final LedgerReads reads;
    private final LedgerImporter importer;
    private final IndicatorRegistry indicators;
    private final WarningService warnings;

    RectificationApiController(
            LedgerService ledger,
            LedgerReads reads,
            LedgerImporter importer,
            IndicatorRegistry indicators,
            WarningService warnings) {
        this.ledger = ledger;
        this.reads = reads;
        this.importer = importer;
        this.indicators = indicators;
        this.warnings = warnings;
    }

    // ------------------------------------------------------------ import / export

    @PostMapping(path = "/inspections/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportResult> importJson(@CurrentActor StaffMember me, @RequestBody byte[] body) {
        return created(importer.importJson(me, body));
    }

    @PostMapping(path = "/inspections/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> importFile(@CurrentActor StaffMember me, @RequestPart("file") MultipartFile file)
            throws IOException {
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase();
        ImportResult r = name.endsWith(".json")
                ? importer.importJson(me, file.getBytes())
                : importer.importXlsx(me, file.getBytes(), file.getOriginalFilename());
        return created(r);
    }

    private static ResponseEntity<ImportResult> created(ImportResult r) {
        return ResponseEntity.created(URI.create("/api/v1/rectification/inspections/" + r.inspectionId()))
                .body(r);
    }

    @ExceptionHandler(LedgerImportException.class)
    ProblemDetail importRefused(LedgerImportException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        pd.setTitle("导入失败 import refused");
        if (e.field() != null) {
            pd.setProperty("field", e.field());
        }
        pd.setProperty("errors", e.errors());
        return pd;
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return file(new XlsxLedgerWriter().template(), XLSX, "整改台账模板.xlsx");
    }

    @GetMapping("/inspections/{id}/ledger.xlsx")
    ResponseEntity<byte[]> ledgerXlsx(@CurrentActor StaffMember me, @PathVariable long id) {
        InspectionRow insp = reads.inspection(me, id);
        return file(new XlsxLedgerWriter().write(insp, reads.problems(me, id)), XLSX, "整改台账-" + id + ".xlsx");
    }

    @GetMapping("/inspections/{id}/report.docx")
    @PreAuthorize("hasAnyRole('RECTIFICATION_OFFICE','LEADER','ADMIN')")
    ResponseEntity<byte[]> reportDocx(@CurrentActor StaffMember me, @PathVariable long id) {
        return file(new DocxReportWriter().write(report(me, id)), DOCX, "整改情况报告-" + id + ".docx");
    }

    @GetMapping(path = "/inspections/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasAnyRole('RECTIFICATION_OFFICE','LEADER','ADMIN')")
    ResponseEntity<String> reportHtml(@CurrentActor StaffMember me, @PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(new HtmlReportWriter().write(report(me, id)));
    }

    private RectificationReport report(@CurrentActor StaffMember me, long id) {
        return RectificationReport.build(
                reads.inspection(me, id), reads.summary(me, id), reads.problems(me, id), reads.today());
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(bytes);
    }

    // ------------------------------------------------------------ queries

    @GetMapping("/inspections")
    List<InspectionRow> inspections(@CurrentActor StaffMember me) {
        return reads.inspections(me);
    }

    @GetMapping("/inspections/{id}/summary")
    Summary summary(@CurrentActor StaffMember me, @PathVariable long id) {
        return reads.summary(me, id);
    }

    @GetMapping("/inspections/{id}/problems")
    List<LedgerJson.Problem> problems(@CurrentActor StaffMember me, @PathVariable long id) {
        LocalDate today = reads.today();
        return reads.problems(me, id).stream()
                .map(p -> LedgerJson.problem(p, today, indicatorValues(p.measures())))
                .toList();
    }

    record MeasureList(long total, int page, int size, List<LedgerJson.Measure> items) {}

    @GetMapping("/inspections/{id}/measures")
    MeasureList measures(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) Long category,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String leader,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String problemStatus,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean dueSoon,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        MeasureQuery q = query(
                id, category, department, leader, status, problemStatus, overdue, dueSoon, page, size, reads.today());
        var result = reads.measures(me, q);
        LocalDate today = reads.today();
        Map<Long, IndicatorValue> values = indicatorValues(result.rows());
        return new MeasureList(
                result.total(),
                q.offset() / q.limit(),
                q.limit(),
                result.rows().stream()
                        .map(m -> LedgerJson.measure(m, today, values.get(m.id())))
                        .toList());
    }

    static MeasureQuery query(
            long id,
            Long category,
            String department,
            String leader,
            String status,
            String problemStatus,
            boolean overdue,
            boolean dueSoon,
            int page,
            int size,
            LocalDate today) {
        MeasureStatus ms = null;
        if (status != null && !status.isBlank()) {
            ms = MeasureStatus.parse(status);
            if (ms == null) {
                throw new InvalidInputException("未知的措施状态 unknown status " + status, "status");
            }
        }
        ProblemStatus ps = null;
        if (problemStatus != null && !problemStatus.isBlank()) {
            ps = ProblemStatus.parse(problemStatus);
            if (ps == null) {
                throw new InvalidInputException("未知的问题状态 unknown status " + problemStatus, "problemStatus");
            }
        }
        int s = Math.max(1, Math.min(size, 500));
        int p = Math.max(0, page);
        return new MeasureQuery(
                id, null, category, blank(department), blank(leader), ms, ps, overdue, dueSoon, null, today, s, p * s);
    }

    private Map<Long, IndicatorValue> indicatorValues(List<MeasureRow> rows) {
        Map<Long, IndicatorValue> out = new HashMap<>();
        for (MeasureRow m : rows) {
            if (m.indicatorKey() != null) {
                indicators.current(m.indicatorKey(), m.indicatorParams()).ifPresent(v -> out.put(m.id(), v));
            }
        }
        return out;
    }

    @GetMapping("/problems/{id}")
    LedgerJson.ProblemDetail problem(@CurrentActor StaffMember me, @PathVariable long id) {
        LedgerReads.ProblemDetail d = reads.problemDetail(me, id);
        ProblemView pv = d.view();
        return new LedgerJson.ProblemDetail(
                LedgerJson.problem(pv, reads.today(), indicatorValues(pv.measures())),
                d.events().stream().map(LedgerJson::event).toList());
    }

    @GetMapping("/measures/{id}")
    LedgerJson.MeasureDetail measure(@CurrentActor StaffMember me, @PathVariable long id) {
        MeasureDetail d = reads.measureDetail(me, id);
        MeasureRow m = d.measure();
        return new LedgerJson.MeasureDetail(
                LedgerJson.measure(m, reads.today(), reads.indicatorNow(m).orElse(null)),
                d.progress().stream().map(LedgerJson::progress).toList(),
                d.evidence().stream().map(LedgerJson::evidence).toList());
    }

    @GetMapping("/evidence/{id}")
    ResponseEntity<byte[]> evidence(@CurrentActor StaffMember me, @PathVariable long id) {
        EvidenceFile f = reads.evidenceFile(me, id);
        var e = f.row();
        if (e.url() != null) {
            // links stored before only same-origin paths were accepted are not followed (no open redirect)
            String path = org.cityops.rectification.internal.EvidenceLinks.sameOriginPath(e.url())
                    .orElseThrow(() -> new org.cityops.platform.NotFoundException(
                            "该链接不是本平台内的路径，不予跳转 the link is not a path on this platform"));
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create(path))
                    .build();
        }
        MediaType type = e.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : safeType(e.contentType());
        return file(f.content(), type, e.name());
    }

    private static MediaType safeType(String ct) {
        try {
            MediaType t = MediaType.parseMediaType(ct);
            return t.getType().equals("image") && !t.getSubtype().contains("svg")
                            || t.getSubtype().equals("pdf")
                    ? t
                    : MediaType.APPLICATION_OCTET_STREAM;
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    record IndicatorInfo(String key, String label, List<String> parameters) {}

    @GetMapping("/indicators")
    List<IndicatorInfo> indicators() {
        return indicators.all().stream()
                .map((IndicatorSource s) -> new IndicatorInfo(s.key(), s.label(), s.parameters()))
                .toList();
    }

    @GetMapping("/warnings")
    List<WarningService.Warning> warnings(
            @CurrentActor StaffMember me, @RequestParam(required = false) Long inspection) {
        return warnings.queue(me, inspection);
    }

    // ------------------------------------------------------------ commands

    record StatusOverride(
            String status,

            @NotBlank(message = "请说明理由 a justification is required")
            String justification) {}

    @PutMapping("/problems/{id}/status")
    LedgerJson.Problem overrideStatus(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody StatusOverride body) {
        ProblemStatus status = null;
        if (body.status() != null && !body.status().isBlank() && !"DERIVED".equalsIgnoreCase(body.status())) {
            status = ProblemStatus.parse(body.status());
            if (status == null) {
                throw new InvalidInputException(
                        "未知的问题状态 unknown status " + body.status()
                                + " (RECTIFIED, SIGNIFICANT_PROGRESS, INITIAL_PROGRESS, NOT_STARTED, DERIVED)",
                        "status");
            }
        }
        ledger.overrideStatus(me, id, status, body.justification());
        return problem(me, id).problem();
    }

    record SignOffRequest(LocalDate date, String opinion) {}

    @PostMapping("/problems/{id}/sign-off")
    LedgerJson.Problem signOff(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody SignOffRequest body) {
        ledger.signOff(me, id, body.date(), body.opinion());
        return problem(me, id).problem();
    }

    record ReopenRequest(
            @NotBlank(message = "请说明反弹情况 a reason is required")
            String reason) {}

    @PostMapping("/problems/{id}/reopen")
    LedgerJson.Problem reopen(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ReopenRequest body) {
        ledger.reopen(me, id, body.reason());
        return problem(me, id).problem();
    }

    record Assignment(
            String responsibleLeader,
            String leaderUsername,
            String leadDepartment,
            List<String> cooperatingDepartments,
            String deadline,
            String expectedOutcome) {}

    @PutMapping("/measures/{id}/assignment")
    LedgerJson.MeasureDetail assign(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody Assignment a) {
        ledger.assign(
                me,
                id,
                a.responsibleLeader(),
                a.leaderUsername(),
                a.leadDepartment(),
                a.cooperatingDepartments(),
                a.deadline(),
                a.expectedOutcome());
        return measure(me, id);
    }

    record ProgressRequest(
            LocalDate date,

            @NotBlank(message = "进展内容不能为空 progress text is required")
            String text) {}

    @PostMapping("/measures/{id}/progress")
    ResponseEntity<LedgerJson.MeasureDetail> progress(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ProgressRequest body) {
        ledger.addProgress(me, id, body.date(), body.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(measure(me, id));
    }

    record LinkEvidence(String kind, String name, String url) {}

    @PostMapping(path = "/measures/{id}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LedgerJson.MeasureDetail> linkEvidence(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody LinkEvidence body) {
        ledger.addEvidence(
                me, id, null, body.kind() == null ? "LINK" : body.kind(), body.name(), null, null, body.url());
        return ResponseEntity.status(HttpStatus.CREATED).body(measure(me, id));
    }

    @PostMapping(path = "/measures/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<LedgerJson.MeasureDetail> uploadEvidence(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String kind)
            throws IOException {
        String k = kind != null
                ? kind
                : file.getContentType() != null && file.getContentType().startsWith("image/") ? "PHOTO" : "FILE";
        ledger.addEvidence(me, id, null, k, file.getOriginalFilename(), file.getContentType(), file.getBytes(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(measure(me, id));
    }

    record MeasureStatusRequest(
            @NotBlank(message = "必填 required") String status) {}

    @PutMapping("/measures/{id}/status")
    LedgerJson.MeasureDetail measureStatus(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody MeasureStatusRequest body) {
        MeasureStatus s = MeasureStatus.parse(body.status());
        if (s == null) {
            throw new InvalidInputException(
                    "未知的措施状态 unknown status " + body.status() + " (NOT_STARTED, IN_PROGRESS, COMPLETED)", "status");
        }
        ledger.changeStatus(me, id, s);
        return measure(me, id);
    }

    record IndicatorLink(String key, String params) {}

    @PutMapping("/measures/{id}/indicator")
    LedgerJson.MeasureDetail indicator(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody IndicatorLink body) {
        ledger.linkIndicator(me, id, body.key(), body.params());
        return measure(me, id);
    }

    record AchievementRequest(String kind, String title, LocalDate issuedOn, Long problemId) {}

    @PostMapping("/inspections/{id}/achievements")
    ResponseEntity<Map<String, Long>> achievement(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody AchievementRequest body) {
        long a = ledger.addAchievement(me, id, body.problemId(), body.kind(), body.title(), body.issuedOn());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", a));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
