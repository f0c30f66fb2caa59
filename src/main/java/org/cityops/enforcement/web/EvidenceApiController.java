package org.cityops.enforcement.web;

import java.io.IOException;
import java.util.List;
import org.cityops.enforcement.file.CaseEvidence;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 证据 API: upload (officer, multipart), list, download (the bytes checked against their SHA-256 first: 409). */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class EvidenceApiController {

    private final CaseEvidence evidence;

    EvidenceApiController(CaseEvidence evidence) {
        this.evidence = evidence;
    }

    @PostMapping(path = "/api/v1/enforcement/cases/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER')")
    ResponseEntity<CaseEvidence.Item> upload(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String takenAt,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) String note)
            throws IOException {
        CaseEvidence.Item item = evidence.add(
                id,
                EvidenceController.kind(kind),
                file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(),
                EvidenceController.instant(takenAt),
                lat,
                lon,
                note,
                me);
        return ResponseEntity.status(HttpStatus.CREATED).body(item);
    }

    @GetMapping("/api/v1/enforcement/cases/{id}/evidence")
    List<CaseEvidence.Item> list(@CurrentActor StaffMember me, @PathVariable long id) {
        return evidence.list(id, me);
    }

    @GetMapping("/api/v1/enforcement/cases/{id}/evidence/{eid}")
    ResponseEntity<byte[]> download(@CurrentActor StaffMember me, @PathVariable long id, @PathVariable long eid) {
        return EvidenceController.file(evidence.file(id, eid, me));
    }
}
