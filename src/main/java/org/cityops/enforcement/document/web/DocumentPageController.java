package org.cityops.enforcement.document.web;

import java.util.Locale;
import org.cityops.enforcement.document.DocumentType;
import org.cityops.enforcement.document.DocumentView;
import org.cityops.enforcement.document.EnforcementDocuments;
import org.cityops.enforcement.file.EnforcementCases;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.Bilingual;
import org.cityops.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case's 文书 page: the documents with their approval state, drafting, signing, the 案卷 PDF. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class DocumentPageController {

    private final EnforcementDocuments documents;
    private final EnforcementCases cases;

    DocumentPageController(EnforcementDocuments documents, EnforcementCases cases) {
        this.documents = documents;
        this.cases = cases;
    }

    @GetMapping("/enforcement/cases/{id}/documents")
    String page(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        model.addAttribute("c", cases.detail(id, me).c());
        model.addAttribute("docs", documents.list(DocumentType.Owner.CASE, id, me));
        // only what the case's stage allows now (DocumentStagePolicy); the server refuses the rest anyway
        model.addAttribute("types", documents.draftableNow(id, me));
        model.addAttribute("canDraft", me.hasAny(Role.ENFORCEMENT_OFFICER));
        model.addAttribute("canSign", me.hasAny(Role.LEGAL_REVIEWER, Role.LEADER));
        return "enforcement/document/list";
    }

    @PostMapping("/enforcement/cases/{id}/documents")
    String draft(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String type,
            @RequestParam(required = false) Integer round,
            Locale locale,
            RedirectAttributes flash) {
        try {
            DocumentView d = documents.draftForCase(id, DocumentType.parse(type), round, me);
            flash.addFlashAttribute("done", d.typeLabel() + " · " + d.statusLabel());
        } catch (DomainException e) {
            flash.addFlashAttribute("error", Bilingual.pick(e.getMessage(), locale));
        }
        return "redirect:/enforcement/cases/" + id + "/documents";
    }

    @PostMapping("/enforcement/documents/{documentId}/decision")
    String decide(
            @CurrentActor StaffMember me,
            @PathVariable long documentId,
            @RequestParam boolean approve,
            @RequestParam(required = false) String opinion,
            @RequestParam String back,
            Locale locale,
            RedirectAttributes flash) {
        try {
            DocumentView d = documents.decide(documentId, approve, opinion, me);
            flash.addFlashAttribute("done", d.typeLabel() + " · " + d.statusLabel());
        } catch (DomainException e) {
            flash.addFlashAttribute("error", Bilingual.pick(e.getMessage(), locale));
        }
        return "redirect:" + (back.startsWith("/enforcement/") ? back : "/enforcement");
    }
}
