package org.cityops.assessment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.assessment.internal.Computation;
import org.cityops.assessment.internal.Deductions;
import org.cityops.assessment.internal.FactQueries;
import org.cityops.assessment.internal.Periods;
import org.cityops.assessment.internal.Results;
import org.cityops.assessment.internal.Schemes;
import org.cityops.assessment.internal.SourceScores;
import org.cityops.assessment.internal.model.ScoringConfig;
import org.cityops.assessment.internal.model.Source;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

/** JSON API of the assessment module. */
@RestController
@RequestMapping("/api/v1/assessment")
@PreAuthorize("hasAnyRole('ADMIN','ASSESSOR','LEADER')")
class AssessmentApiController {

    private final Schemes schemes;
    private final Periods periods;
    private final Results results;
    private final Deductions deductions;
    private final SourceScores scores;

    AssessmentApiController(
            Schemes schemes, Periods periods, Results results, Deductions deductions, SourceScores scores) {
        this.schemes = schemes;
        this.periods = periods;
        this.results = results;
        this.deductions = deductions;
        this.scores = scores;
    }

    static final String SCHEME_CODE = "方案编码只能是字母数字 scheme code must be 1-64 letters/digits";

    record SchemeRequest(
            @NotNull(message = SCHEME_CODE) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = SCHEME_CODE)
            String code,

            @NotBlank(message = "方案名称必填 name required") String name,
            Map<Source, Double> weights,
            ScoringConfig scoring) {}

    record PeriodRequest(
            @NotNull(message = "开始日期必填 from required") LocalDate from,
            @NotNull(message = "结束日期必填 to required") LocalDate to,
            @NotBlank(message = "考核方案必填 scheme required") String scheme) {}

    record ReasonRequest(String reason) {}

    /** 更正 needs its reason. */
    record RevisionRequest(
            @NotBlank(message = "修订必须说明原因 a revision needs a reason")
            String reason) {}

    static final String ITEM_CODE = "标准项编码不合法 invalid item code";
    static final String POINTS = "分值必须在 0..100 之间 points must be in (0, 100]";
    static final String BASIS = "依据必须是 MANUAL/OVERDUE/REWORK basis must be MANUAL, OVERDUE or REWORK";

    record ItemRequest(
            @NotNull(message = ITEM_CODE) @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = ITEM_CODE)
            String code,

            @NotBlank(message = "名称必填 name required") String name,

            @NotNull(message = POINTS)
            @DecimalMin(value = "0", inclusive = false, message = POINTS)
            @DecimalMax(value = "100", message = POINTS)
            Double points,

            @NotNull(message = BASIS) @Pattern(regexp = "MANUAL|OVERDUE|REWORK", message = BASIS)
            String basis,

            Double leaderMultiplier,
            Double mediaMultiplier,
            Integer deptShare,
            Integer territoryShare) {}

    record DeductionRequest(
            String item,
            String department,
            String district,
            Long caseId,
            String caseNumber,
            Integer quantity,
            Boolean leaderAssigned,
            Boolean mediaExposed,
            String note) {}

    record AppealRequest(String reason) {}

    record ReviewRequest(@NotNull(message = "必填 required") Boolean accept, String note, Double score) {}

    record ScoreRequest(
            @NotNull(message = "必填 required") Source source,
            SubjectType subjectType,
            String subjectCode,
            String item,
            Double score,
            String note) {}

    @PostMapping("/schemes")
    @PreAuthorize("hasAnyRole('ADMIN','ASSESSOR')")
    ResponseEntity<Schemes.Scheme> createScheme(@CurrentActor StaffMember me, @Valid @RequestBody SchemeRequest r) {
        Schemes.Scheme s = schemes.save(me, r.code(), r.name(), r.weights(), r.scoring());
        return ResponseEntity.created(URI.create("/api/v1/assessment/schemes/" + s.id()))
                .body(s);
    }

    @GetMapping("/schemes")
    List<Schemes.Scheme> schemes() {
        return schemes.all();
    }

    @PostMapping("/periods")
    @PreAuthorize("hasAnyRole('ADMIN','ASSESSOR')")
    ResponseEntity<Periods.Period> open(@CurrentActor StaffMember me, @Valid @RequestBody PeriodRequest r) {
        Periods.Period p = periods.open(me, r.from(), r.to(), r.scheme());
        return ResponseEntity.created(URI.create("/api/v1/assessment/periods/" + p.id()))
                .body(p);
    }

    @GetMapping("/periods")
    List<Periods.Period> periods() {
        return periods.list();
    }

    @GetMapping("/periods/{id}")
    Map<String, Object> period(@PathVariable long id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", periods.get(id));
        m.put("versions", results.versions(id));
        return m;
    }

    @PostMapping("/periods/{id}/compute")
    @PreAuthorize("hasAnyRole('ADMIN','ASSESSOR')")
    Computation.Outcome compute(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @Valid @RequestBody(required = false) ReasonRequest r) {
        return periods.compute(me, id, r == null ? null : r.reason());
    }

    /** 更正: a new version of a locked period, with the reason. */
    @PostMapping("/periods/{id}/revise")
    @PreAuthorize("hasAnyRole('ADMIN','ASSESSOR','LEADER')")
    Computation.Outcome revise(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody RevisionRequest r) {
        return periods.revise(me, id, r.reason());
    }

    @PostMapping("/periods/{id}/lock")
    @PreAuthorize("hasAnyRole('ADMIN','ASSESSOR','LEADER')")
    Periods.Period lock(@PathVariable long id) {
        return periods.lock(id);
    }

    @PostMapping("/periods/{id}/publish")
    @PreAuthorize("hasAnyRole('ADMIN','LEADER')")
    Periods.Period publish(@PathVariable long id) {
        return periods.publish(id);
    }

    record ResultsView(
            long periodId,
            int version,
            boolean locked,
            boolean published,
            String subjectType,
            List<Results.SubjectResult> subjects) {}

    @GetMapping("/periods/{id}/results")
    ResultsView results(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String subjectType,
            @RequestParam(required = false) Integer version) {
        SubjectType type = type(subjectType);
        Results.Version v = results.version(id, version);
        return new ResultsView(
                id,
                v.version(),
                v.locked(),
                v.published(),
                type.name(),
                results.results(v.id(), type).stream()
                        .filter(r -> SubjectScope.permits(me, type, r.subjectCode()))
                        .toList());
    }

    @GetMapping("/periods/{id}/drill")
    Results.Drill drill(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String subjectType,
            @RequestParam String code,
            @RequestParam String indicator,
            @RequestParam(required = false) Integer version) {
        SubjectScope.require(me, type(subjectType), code);
        return results.drill(id, version, type(subjectType), code, indicator);
    }

    @GetMapping("/periods/{id}/deductions")
    List<Deductions.Deduction> deductionsOf(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String subjectType,
            @RequestParam String code,
            @RequestParam(required = false) Integer version) {
        SubjectScope.require(me, type(subjectType), code);
        Results.Version v = results.version(id, version);
        return deductions.ofSubject(id, v.id(), type(subjectType).name(), code);
    }

    @GetMapping("/periods/{id}/trend")
    List<Results.TrendPoint> trend(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String subjectType,
            @RequestParam String code,
            @RequestParam(name = "periods", required = false) Integer last) {
        SubjectScope.require(me, type(subjectType), code);
        Periods.Period p = periods.get(id);
        if (last == null) {
            return results.trend(p.schemeCode(), type(subjectType), code);
        }
        return results.trend(p.schemeCode(), type(subjectType), code, p.from(), last);
    }

    @GetMapping("/cases/{caseId}/steps")
    List<FactQueries.StepView> caseSteps(@CurrentActor StaffMember me, @PathVariable long caseId) {
        var steps = results.caseSteps(caseId);
        SubjectScope.requireCase(me, steps);
        return steps;
    }

    @PostMapping("/items")
    @PreAuthorize("hasAnyRole('ADMIN','ASSESSOR')")
    Deductions.Item saveItem(@Valid @RequestBody ItemRequest r) {
        return deductions.saveItem(
                r.code(),
                r.name(),
                r.points() == null ? 0 : r.points(),
                r.basis(),
                r.leaderMultiplier() == null ? 1 : r.leaderMultiplier(),
                r.mediaMultiplier() == null ? 1 : r.mediaMultiplier(),
                r.deptShare() == null ? 100 : r.deptShare(),
                r.territoryShare() == null ? 0 : r.territoryShare());
    }

    @GetMapping("/items")
    @PreAuthorize("hasAnyRole('ADMIN','ASSESSOR','LEADER','HANDLER')")
    List<Deductions.Item> items() {
        return deductions.items();
    }

    @PostMapping("/periods/{id}/deductions")
    @PreAuthorize("hasRole('ASSESSOR')")
    ResponseEntity<List<Deductions.Deduction>> deduct(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody DeductionRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(deductions.record(
                        me,
                        id,
                        r.item(),
                        r.department(),
                        r.district(),
                        r.caseId(),
                        r.caseNumber(),
                        r.quantity() == null ? 1 : r.quantity(),
                        Boolean.TRUE.equals(r.leaderAssigned()),
                        Boolean.TRUE.equals(r.mediaExposed()),
                        r.note()));
    }

    /** A handler's view of the deductions charged to their own department or district in a period. */
    @GetMapping("/periods/{id}/my-deductions")
    @PreAuthorize("hasRole('HANDLER')")
    List<Deductions.Deduction> myDeductions(@CurrentActor StaffMember me, @PathVariable long id) {
        Periods.Period p = periods.get(id);
        Long version =
                p.currentVersion() == 0 ? null : results.version(id, null).id();
        return deductions.ofUnit(id, version, me);
    }

    @PostMapping("/deductions/{id}/appeal")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Deductions.Appeal> appeal(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody AppealRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(deductions.appeal(id, r.reason(), me));
    }

    /** The appeals of a period on deductions whose subject is in the caller's scope. */
    @GetMapping("/periods/{id}/appeals")
    List<Deductions.Appeal> appeals(@CurrentActor StaffMember me, @PathVariable long id) {
        return deductions.appeals(id).stream()
                .filter(a -> SubjectScope.permits(me, deductions.deduction(a.deductionId())))
                .toList();
    }

    @PostMapping("/appeals/{id}/review")
    @PreAuthorize("hasRole('ASSESSOR')")
    Deductions.Appeal reviewAppeal(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ReviewRequest r) {
        SubjectScope.require(me, deductions.deduction(deductions.appealById(id).deductionId()));
        return deductions.review(me, id, r.accept(), r.note());
    }

    @PostMapping("/periods/{id}/scores")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<SourceScores.Score> enter(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ScoreRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(scores.enter(
                        id, r.source(), r.subjectType(), r.subjectCode(), r.item(), r.score(), r.note(), me));
    }

    /** The other sources' scores of a period whose subject is in the caller's scope. */
    @GetMapping("/periods/{id}/scores")
    List<SourceScores.Score> scores(@CurrentActor StaffMember me, @PathVariable long id) {
        return scores.ofPeriod(id).stream()
                .filter(s -> SubjectScope.permits(me, s.subjectType(), s.subjectCode()))
                .toList();
    }

    @PostMapping("/scores/{id}/review")
    @PreAuthorize("hasRole('ASSESSOR')")
    SourceScores.Score reviewScore(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ReviewRequest r) {
        SourceScores.Score s = scores.score(id);
        if (!SubjectScope.permits(me, s.subjectType(), s.subjectCode())) {
            throw new org.cityops.platform.AccessDeniedToEntityException("超出数据权限 outside your data scope");
        }
        return scores.review(id, r.accept(), r.score(), r.note());
    }

    /** Excel import of 公众评价 / 第三方评价 scores: all rows or none, with a row-by-row error report. */
    @PostMapping("/periods/{id}/imports")
    @PreAuthorize("hasRole('ASSESSOR')")
    ResponseEntity<Object> importScores(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String source,
            @RequestParam("file") MultipartFile file)
            throws IOException {
        Source s;
        try {
            s = Source.valueOf(source.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("未知来源 unknown source " + source, "source");
        }
        SourceScores.ImportReport report = scores.importExcel(id, s, file.getInputStream(), me.username());
        if (!report.errors().isEmpty()) {
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "导入失败，共 " + report.errors().size() + " 处错误，未导入任何数据 import refused: "
                            + report.errors().size() + " errors, nothing imported");
            pd.setProperty("errors", report.errors());
            return ResponseEntity.badRequest()
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(pd);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    static SubjectType type(String s) {
        try {
            return SubjectType.valueOf(s.toUpperCase());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("未知评价对象类型 unknown subjectType " + s, "subjectType");
        }
    }
}
