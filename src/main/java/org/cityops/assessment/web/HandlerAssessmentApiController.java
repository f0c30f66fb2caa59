package org.cityops.assessment.web;

import java.io.IOException;
import java.util.List;
import org.cityops.assessment.internal.AppealEvidence;
import org.cityops.assessment.internal.Deductions;
import org.cityops.assessment.internal.Periods;
import org.cityops.assessment.internal.SourceScores;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The department / district bureau side of assessment (HANDLER): periods, its own appeals (with an attachment),
 * its own score entries. Everything is limited to the caller's own department (and, for a district bureau
 * QCGJ-xxxxxx, its district's share).
 */
@RestController
@RequestMapping("/api/v1/assessment")
class HandlerAssessmentApiController {

    private final Periods periods;
    private final Deductions deductions;
    private final SourceScores scores;
    private final AppealEvidence evidence;

    HandlerAssessmentApiController(
            Periods periods, Deductions deductions, SourceScores scores, AppealEvidence evidence) {
        this.periods = periods;
        this.deductions = deductions;
        this.scores = scores;
        this.evidence = evidence;
    }

    /** Period headers (dates, status) so a department can pick one; no results. */
    @GetMapping("/my/periods")
    @PreAuthorize("hasRole('HANDLER')")
    List<Periods.Period> periods() {
        return periods.list();
    }

    /** 申诉 with an optional attachment (multipart: reason, file). */
    @PostMapping(path = "/deductions/{id}/appeal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Deductions.Appeal> appeal(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        AppealEvidence.File f = file == null ? null : AppealEvidence.check(file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(deductions.appeal(id, reason, me, f));
    }

    /** The appeals on the caller's own unit's deductions in a period. */
    @GetMapping("/periods/{id}/my-appeals")
    @PreAuthorize("hasRole('HANDLER')")
    List<Deductions.AppealCase> myAppeals(@CurrentActor StaffMember me, @PathVariable long id) {
        periods.get(id);
        return deductions.appealCases(id, me);
    }

    /** What the caller's department entered in a period (专业部门评价, 区级自评). */
    @GetMapping("/periods/{id}/my-scores")
    @PreAuthorize("hasRole('HANDLER')")
    List<SourceScores.Score> myScores(@CurrentActor StaffMember me, @PathVariable long id) {
        periods.get(id);
        return me.departmentCode() == null ? List.of() : scores.enteredBy(id, me.departmentCode());
    }

    /**
     * The appeal's attachment: for assessors, leaders and admins whose scope covers the deduction's subject, and
     * for the appealing unit's handlers.
     */
    @GetMapping("/appeals/{id}/attachment")
    @PreAuthorize("hasAnyRole('ADMIN','ASSESSOR','LEADER','HANDLER')")
    ResponseEntity<byte[]> attachment(@CurrentActor StaffMember me, @PathVariable long id) {
        Deductions.Appeal a = deductions.appealById(id);
        Deductions.Deduction d = deductions.deduction(a.deductionId());
        boolean reviewer = me.hasAny(Role.ADMIN, Role.ASSESSOR, Role.LEADER) && SubjectScope.permits(me, d);
        boolean appellant = me.has(Role.HANDLER) && Deductions.canAppeal(d, me);
        if (!reviewer && !appellant) {
            throw new AccessDeniedToEntityException("超出数据权限 outside your data scope");
        }
        AppealEvidence.File f = evidence.file(id).orElseThrow(() -> new NotFoundException("该申诉没有附件 no attachment"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.data());
    }
}
