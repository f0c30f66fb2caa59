package org.cityops.enforcement.document.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.cityops.enforcement.document.DocumentType;
import org.cityops.enforcement.document.DocumentView;
import org.cityops.enforcement.document.DocxWriter;
import org.cityops.enforcement.document.EnforcementDocuments;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 执法文书 API: draft from a template, approve or send back, download the .docx, export the 案卷 PDF. */
@RestController
@RequestMapping("/api/v1/enforcement")
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class DocumentApiController {

    private final EnforcementDocuments documents;

    DocumentApiController(EnforcementDocuments documents) {
        this.documents = documents;
    }

    record DraftBody(
            @NotBlank(message = "须选择文书种类 choose a document type")
            String type,

            @Min(value = 1, message = "第几次须为1–999 the round is 1–999")
            @Max(value = 999, message = "第几次须为1–999 the round is 1–999")
            Integer round) {}

    record DecisionBody(
            @NotNull(message = "须选择同意或退回 approve or send back")
            Boolean approve,

            @NotBlank(message = "须填写审批意见 write an opinion")
            @Size(max = 1000, message = "审批意见不超过1000字 at most 1000 characters")
            String opinion) {}

    record TypeView(String code, String label, boolean numbered, boolean approval, boolean repeatable) {}

    @GetMapping("/document-types")
    List<TypeView> types() {
        return Arrays.stream(DocumentType.values())
                .map(t -> new TypeView(t.name(), t.label(), t.numbered(), t.needsApproval(), t.repeatable()))
                .toList();
    }

    @GetMapping("/cases/{id}/documents")
    List<DocumentView> list(@CurrentActor StaffMember me, @PathVariable long id) {
        return documents.list(DocumentType.Owner.CASE, id, me);
    }

    @PostMapping("/cases/{id}/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ENFORCEMENT_OFFICER')")
    DocumentView draft(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody DraftBody body) {
        DocumentType type = DocumentType.parse(body.type());
        if (type == null) {
            throw new InvalidInputException("文书种类不存在 unknown document type", "type");
        }
        return documents.draftForCase(id, type, body.round(), me);
    }

    @PostMapping("/documents/{documentId}/decision")
    @PreAuthorize("hasAnyRole('ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
    DocumentView decide(
            @CurrentActor StaffMember me, @PathVariable long documentId, @Valid @RequestBody DecisionBody body) {
        return documents.decide(documentId, body.approve(), body.opinion(), me);
    }

    @GetMapping("/documents/{documentId}")
    DocumentView get(@CurrentActor StaffMember me, @PathVariable long documentId) {
        return documents.get(documentId, me);
    }

    @GetMapping("/documents/{documentId}/docx")
    ResponseEntity<byte[]> docx(@CurrentActor StaffMember me, @PathVariable long documentId) {
        DocumentView d = documents.get(documentId, me);
        byte[] bytes = documents.docx(documentId, me);
        String name = (d.number() == null ? d.typeLabel() + "-" + d.id() : d.number()) + ".docx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
                .contentType(MediaType.parseMediaType(DocxWriter.CONTENT_TYPE))
                .body(bytes);
    }

    @GetMapping("/cases/{id}/dossier.pdf")
    ResponseEntity<byte[]> dossier(@CurrentActor StaffMember me, @PathVariable long id) {
        byte[] pdf = documents.dossier(id, me);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("案卷-" + id + ".pdf"))
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    static String attachment(String filename) {
        return ContentDisposition.attachment()
                .filename(filename, java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
