package org.cityops.enforcement.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cityops.enforcement.discretion.BenchmarkSheet;
import org.cityops.enforcement.discretion.Tier;
import org.cityops.enforcement.discretion.TierBenchmark;
import org.cityops.enforcement.discretion.ViolationCatalogue;
import org.cityops.enforcement.discretion.ViolationItem;
import org.cityops.enforcement.file.CaseSource;
import org.cityops.enforcement.file.CaseViews;
import org.cityops.enforcement.file.EnforcementCase;
import org.cityops.enforcement.file.EnforcementCases;
import org.cityops.enforcement.file.NewEnforcementCase;
import org.cityops.enforcement.party.PartyKind;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.enforcement.procedure.StatutoryClock;
import org.cityops.enforcement.procedure.Step;
import org.cityops.enforcement.procedure.StepInput;
import org.cityops.enforcement.procedure.SuspensionKind;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.excel.XlsxDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 城管执法办案 API: enforcement cases, their steps and clocks, the violation catalogue with its benchmarks. */
@RestController
@RequestMapping("/api/v1/enforcement")
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class EnforcementApiController {

    private final EnforcementCases cases;
    private final ViolationCatalogue catalogue;
    private final BenchmarkSheet sheet;

    EnforcementApiController(EnforcementCases cases, ViolationCatalogue catalogue, BenchmarkSheet sheet) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.sheet = sheet;
    }

    record OpenBody(
            @NotNull(message = "缺少案件来源 source is required") CaseSource source,

            @Size(max = 40, message = "案件编号过长 case number longer than {max}")
            String sourceCaseNumber,

            @NotNull(message = "缺少当事人类别 partyKind is required")
            PartyKind partyKind,

            @NotBlank(message = "缺少当事人 partyName is required") @Size(max = 200, message = "当事人名称过长 longer than {max}")
            String partyName,

            @NotBlank(message = "缺少证件号码 partyId is required") @Size(max = 18, message = "证件号码为18位 18 characters")
            String partyId,

            @Size(max = 32, message = "电话过长 longer than {max}")
            String partyPhone,

            @NotBlank(message = "缺少违法行为 itemCode is required")
            String itemCode,

            @NotBlank(message = "缺少案情 description is required") @Size(max = 2000, message = "案情过长 longer than {max}")
            String description,

            @NotNull(message = "缺少位置 location is required") Double lat,
            @NotNull(message = "缺少位置 location is required") Double lon,

            @Size(max = 300, message = "地址过长 longer than {max}")
            String address,

            @NotNull(message = "缺少发现日期 discoveredOn is required")
            LocalDate discoveredOn,

            LocalDate violationEndedOn,
            Boolean lifeSafety) {}

    record StepBody(
            LocalDate on,

            @Size(max = 2000, message = "说明过长 note longer than {max}")
            String note,

            String tier,

            @DecimalMin(value = "0", message = "罚款不能为负 fine must not be negative")
            BigDecimal fine,

            Boolean severePenalty,
            SuspensionKind kind,
            LocalDate expectedEnd,

            @Min(value = 1, message = "延长天数至少1天 at least 1 day") @Max(value = 90, message = "最多90天 at most 90 days")
            Integer days,

            Boolean firstOffence,
            Boolean minorHarm,
            Boolean corrected,

            @DecimalMin(value = "0", message = "金额不能为负 amount must not be negative")
            BigDecimal amount) {

        StepInput input() {
            return new StepInput(
                    on,
                    note,
                    tier,
                    fine,
                    null,
                    null,
                    yes(severePenalty),
                    kind,
                    expectedEnd,
                    days,
                    yes(firstOffence),
                    yes(minorHarm),
                    yes(corrected),
                    amount);
        }
    }

    record TierBody(
            @NotNull(message = "缺少档次 tier is required") Tier tier,

            @NotBlank(message = "缺少适用情形 conditions are required")
            String conditions,

            @NotNull(message = "缺少罚款下限 fineMin is required")
            @DecimalMin(value = "0", message = "不能为负 must not be negative")
            BigDecimal fineMin,

            @NotNull(message = "缺少罚款上限 fineMax is required")
            @DecimalMin(value = "0", message = "不能为负 must not be negative")
            BigDecimal fineMax) {}

    record ItemBody(
            @NotBlank(message = "缺少违法行为名称 name is required") @Size(max = 200)
            String name,

            @NotBlank(message = "缺少违反条款 clause is required") @Size(max = 500)
            String clause,

            @NotBlank(message = "缺少处罚依据 basis is required") @Size(max = 500)
            String basis,

            @NotBlank(message = "缺少处罚种类 penaltyKind is required") @Size(max = 200)
            String penaltyKind,

            @NotEmpty(message = "至少一个裁量档次 at least one tier")
            List<@Valid TierBody> tiers) {}

    /** A clock as the API shows it, with labels. */
    record ClockJson(
            String kind,
            String label,
            String basisInLaw,
            String dayBasis,
            LocalDate start,
            LocalDate lastDay,
            LocalDate warnOn,
            long daysLeft,
            long suspendedDays,
            String status,
            String statusLabel) {

        static ClockJson of(StatutoryClock.Reading r) {
            return r == null
                    ? null
                    : new ClockJson(
                            r.kind().name(),
                            r.kind().label(),
                            r.kind().basisInLaw(),
                            r.kind().basis().label(),
                            r.start(),
                            r.lastDay(),
                            r.warnOn(),
                            r.daysLeft(),
                            r.suspendedDays(),
                            r.status().name(),
                            r.status().label());
        }
    }

    /** A case in a list: the party's number masked. */
    record RowJson(
            long id,
            String caseNumber,
            String stage,
            String stageLabel,
            String source,
            String sourceCaseNumber,
            String partyName,
            String partyId,
            String itemName,
            String districtCode,
            String handler,
            boolean suspended,
            ClockJson clock) {

        static RowJson of(CaseViews.Row r) {
            EnforcementCase c = r.c();
            return new RowJson(
                    c.id(),
                    c.caseNumber(),
                    c.stage().name(),
                    c.stage().label(),
                    c.source().name(),
                    c.sourceCaseNumber(),
                    c.partyName(),
                    c.maskedPartyId(),
                    c.itemName(),
                    c.districtCode(),
                    c.handler(),
                    r.suspended(),
                    ClockJson.of(r.clock()));
        }
    }

    record PageJson(List<RowJson> rows, long total, int page, int size) {}

    record DetailJson(
            EnforcementCase c,
            String stageLabel,
            List<ClockJson> clocks,
            List<CaseViews.TimelineEntry> timeline,
            List<String> available,
            boolean hearingEligible,
            boolean reviewRequired,
            BigDecimal lateFee) {

        static DetailJson of(CaseViews.Detail d) {
            return new DetailJson(
                    d.c(),
                    d.c().stage().label(),
                    d.clocks().stream().map(ClockJson::of).toList(),
                    d.timeline(),
                    d.available().stream().map(Step::name).sorted().toList(),
                    d.hearingEligible(),
                    d.reviewRequired(),
                    d.lateFee());
        }
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER')")
    DetailJson open(@CurrentActor StaffMember me, @Valid @RequestBody OpenBody b) {
        EnforcementCase c = cases.open(
                new NewEnforcementCase(
                        b.source(),
                        b.sourceCaseNumber(),
                        b.partyKind(),
                        b.partyName(),
                        b.partyId(),
                        b.partyPhone(),
                        b.itemCode(),
                        b.description(),
                        b.lat(),
                        b.lon(),
                        b.address(),
                        b.discoveredOn(),
                        b.violationEndedOn(),
                        yes(b.lifeSafety())),
                me);
        return DetailJson.of(cases.detail(c.id(), me));
    }

    @GetMapping("/cases")
    PageJson list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Stage stage,
            @RequestParam(defaultValue = "true") boolean open,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        CaseViews.Page p = cases.list(me, stage, open, page, size);
        return new PageJson(p.rows().stream().map(RowJson::of).toList(), p.total(), p.page(), p.size());
    }

    @GetMapping("/cases/{id}")
    DetailJson get(@CurrentActor StaffMember me, @PathVariable long id) {
        return DetailJson.of(cases.detail(id, me));
    }

    @PostMapping("/cases/{id}/steps/{step}")
    @PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
    DetailJson step(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @PathVariable Step step,
            @Valid @RequestBody(required = false) StepBody body) {
        StepInput in = body == null ? null : body.input();
        return DetailJson.of(cases.step(id, step, in, me));
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    @GetMapping("/items")
    List<ViolationItem> items() {
        return catalogue.list();
    }

    @PutMapping("/items/{code}")
    @PreAuthorize("hasAnyRole('ADMIN','LEGAL_REVIEWER')")
    ViolationItem saveItem(@PathVariable String code, @Valid @RequestBody ItemBody b) {
        return catalogue.save(new ViolationItem(
                code,
                b.name(),
                b.clause(),
                b.basis(),
                b.penaltyKind(),
                b.tiers().stream()
                        .map(t -> new TierBenchmark(t.tier(), t.conditions(), t.fineMin(), t.fineMax()))
                        .toList()));
    }

    /** The benchmark table as .xlsx (one row per item and tier), in the import's form. */
    @GetMapping("/items.xlsx")
    ResponseEntity<byte[]> exportItems() {
        return XlsxDownload.download("自由裁量基准.xlsx", sheet.export());
    }

    /** Imports the benchmark table: all or nothing; 400 with every problem by row and column. */
    @PostMapping(value = "/items/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','LEGAL_REVIEWER')")
    ResponseEntity<BenchmarkSheet.ImportReport> importItems(@RequestParam("file") MultipartFile file)
            throws java.io.IOException {
        BenchmarkSheet.ImportReport report = sheet.importXlsx(file.getInputStream());
        return report.errors().isEmpty()
                ? ResponseEntity.ok(report)
                : ResponseEntity.badRequest().body(report);
    }

    /** Choosing a tier: its range and the generated 裁量理由 (with the fine, if given). */
    @GetMapping("/items/{code}/choice")
    ViolationCatalogue.Choice choose(
            @PathVariable String code,
            @RequestParam Tier tier,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal fine) {
        return catalogue.choose(code, tier, fine);
    }
}
