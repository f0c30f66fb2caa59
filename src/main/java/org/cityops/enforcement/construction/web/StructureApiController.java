package org.cityops.enforcement.construction.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cityops.enforcement.construction.FoundBy;
import org.cityops.enforcement.construction.IllegalStructures;
import org.cityops.enforcement.construction.NewStructure;
import org.cityops.enforcement.construction.NoticeKind;
import org.cityops.enforcement.construction.StructureKind;
import org.cityops.enforcement.construction.StructureStatus;
import org.cityops.enforcement.construction.StructureViews;
import org.cityops.enforcement.document.DocumentView;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 违法建设治理 API: the register, the map, orders, photos, outcomes, notices, the district figures. */
@RestController
@RequestMapping("/api/v1/enforcement/structures")
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class StructureApiController {

    private final IllegalStructures structures;

    StructureApiController(IllegalStructures structures) {
        this.structures = structures;
    }

    record RegisterBody(
            @NotNull(message = "须选择违建类型 choose a kind") StructureKind kind,
            StructureStatus status,

            @NotNull(message = "须选择发现方式 choose how it was found")
            FoundBy foundBy,

            @Size(max = 40, message = "12319案件编号不超过40字 at most 40 characters")
            String sourceCaseNumber,

            Long enforcementCaseId,

            @Size(max = 200, message = "当事人不超过200字 at most 200 characters")
            String partyName,

            @NotBlank(message = "须填写地址 give the address") @Size(max = 300, message = "地址不超过300字 at most 300")
            String address,

            @NotNull(message = "须画出轮廓 draw the outline") @Size(min = 3, max = 200, message = "轮廓3–200个点 3–200 points")
            List<double[]> outline,

            @NotNull(message = "须填写面积 give the area") @DecimalMin(value = "0.01", message = "面积须大于0 positive")
            BigDecimal areaM2,

            @NotNull(message = "须填写发现日期 give the date") LocalDate foundOn,

            @Size(max = 2000, message = "备注不超过2000字 at most 2000 characters")
            String note) {}

    record OrderBody(
            @NotNull(message = "须填写拆除期限 give the deadline") LocalDate deadline, String note) {}

    record OutcomeBody(
            @NotNull(message = "须选择结果 choose the outcome") StructureStatus outcome, LocalDate on) {}

    record NoticeBody(
            @NotNull(message = "须选择告知类型 choose the notice") NoticeKind kind, String recipient) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ENFORCEMENT_OFFICER','ADMIN')")
    StructureViews.Structure register(@CurrentActor StaffMember me, @Valid @RequestBody RegisterBody b) {
        return structures.register(
                new NewStructure(
                        b.kind(),
                        b.status(),
                        b.foundBy(),
                        b.sourceCaseNumber(),
                        b.enforcementCaseId(),
                        b.partyName(),
                        b.address(),
                        b.outline(),
                        b.areaM2(),
                        b.foundOn(),
                        b.note()),
                me);
    }

    @GetMapping
    List<StructureViews.Row> list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) StructureStatus status,
            @RequestParam(required = false) String district) {
        return structures.list(me, status, district, 2000);
    }

    @GetMapping("/overdue")
    List<StructureViews.Order> overdue(@CurrentActor StaffMember me) {
        return structures.overdue(me);
    }

    @GetMapping("/districts")
    List<StructureViews.DistrictRow> districts(@CurrentActor StaffMember me) {
        return structures.byDistrict(me);
    }

    @GetMapping("/{id}")
    StructureViews.Detail detail(@CurrentActor StaffMember me, @PathVariable long id) {
        return structures.detail(id, me);
    }

    @PostMapping("/{id}/built")
    @PreAuthorize("hasAnyRole('ENFORCEMENT_OFFICER')")
    StructureViews.Structure built(@CurrentActor StaffMember me, @PathVariable long id) {
        return structures.markBuilt(id, me);
    }

    @PostMapping("/{id}/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ENFORCEMENT_OFFICER')")
    DocumentView order(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody OrderBody b) {
        return structures.orderDemolition(id, b.deadline(), b.note(), me);
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ENFORCEMENT_OFFICER')")
    StructureViews.Photo photo(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String phase,
            @RequestParam("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("须选择照片 choose a photo", "file");
        }
        return structures.addPhoto(id, phase, file.getContentType(), file.getBytes(), me);
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photoBytes(@CurrentActor StaffMember me, @PathVariable long id, @PathVariable long photoId) {
        var p = structures.photo(id, photoId, me);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.contentType()))
                .body(p.data());
    }

    @PostMapping("/{id}/outcome")
    @PreAuthorize("hasAnyRole('ENFORCEMENT_OFFICER')")
    StructureViews.Structure outcome(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody OutcomeBody b) {
        return structures.recordOutcome(id, b.outcome(), b.on(), me);
    }

    @PostMapping("/{id}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ENFORCEMENT_OFFICER')")
    DocumentView notice(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody NoticeBody b) {
        return structures.sendNotice(id, b.kind(), b.recipient(), me);
    }
}
