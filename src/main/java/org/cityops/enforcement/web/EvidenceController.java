package org.cityops.enforcement.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.cityops.enforcement.file.CaseEvidence;
import org.cityops.enforcement.file.EvidenceKind;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.Bilingual;
import org.cityops.platform.CityClock;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 证据 on the case file page: the upload form and the download (the bytes are checked against their SHA-256 first);
 * the API is {@link EvidenceApiController}.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class EvidenceController {

    private final CaseEvidence evidence;

    EvidenceController(CaseEvidence evidence) {
        this.evidence = evidence;
    }

    /** The file, after its bytes were checked against the recorded SHA-256 (409 when they do not match). */
    static ResponseEntity<byte[]> file(CaseEvidence.File f) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.item().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(f.item().filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-SHA256", f.item().sha256())
                .body(f.data());
    }

    @GetMapping("/enforcement/cases/{id}/evidence/{eid}")
    ResponseEntity<byte[]> download(@CurrentActor StaffMember me, @PathVariable long id, @PathVariable long eid) {
        return file(evidence.file(id, eid, me));
    }

    /** The upload form on the case file. */
    @PostMapping("/enforcement/cases/{id}/evidence")
    @PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER')")
    String uploadForm(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String takenAt,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) String note,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        try {
            CaseEvidence.Item item = evidence.add(
                    id,
                    kind(kind),
                    file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(),
                    instant(takenAt),
                    lat,
                    lon,
                    note,
                    me);
            redirect.addFlashAttribute("done", item.kind().label() + " " + item.filename());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Bilingual.pick(e.getMessage(), locale));
        }
        return "redirect:/enforcement/cases/" + id + "#evidence";
    }

    static EvidenceKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return EvidenceKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("证据类型应为 PHOTO、VIDEO 或 RECORD kind must be PHOTO, VIDEO or RECORD", "kind");
        }
    }

    /** ISO-8601 with an offset, or a local date-time in the city's zone (the form's datetime-local). */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).atZone(CityClock.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("取证时间格式应为 2026-01-31T09:30 takenAt is not a date-time", "takenAt");
            }
        }
    }
}
