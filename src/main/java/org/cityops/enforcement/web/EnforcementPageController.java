package org.cityops.enforcement.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.cityops.enforcement.discretion.ViolationCatalogue;
import org.cityops.enforcement.file.CaseSource;
import org.cityops.enforcement.file.EnforcementCase;
import org.cityops.enforcement.file.EnforcementCases;
import org.cityops.enforcement.file.NewEnforcementCase;
import org.cityops.enforcement.party.PartyKind;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.enforcement.procedure.Step;
import org.cityops.enforcement.procedure.StepInput;
import org.cityops.enforcement.procedure.SuspensionKind;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.Bilingual;
import org.cityops.platform.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the handler's list with clocks, a case file (timeline, clocks, the next step), the review queue, the 基准. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class EnforcementPageController {

    private final EnforcementCases cases;
    private final ViolationCatalogue catalogue;
    private final org.cityops.enforcement.file.CaseEvidence evidence;

    EnforcementPageController(
            EnforcementCases cases, ViolationCatalogue catalogue, org.cityops.enforcement.file.CaseEvidence evidence) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.evidence = evidence;
    }

    @GetMapping("/enforcement")
    String list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Stage stage,
            @RequestParam(defaultValue = "true") boolean open,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("page", cases.list(me, stage, open, page, 50));
        model.addAttribute("stage", stage);
        model.addAttribute("open", open);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("title", "nav.enforcement.cases");
        model.addAttribute("canOpen", me.hasAny(Role.ADMIN, Role.ENFORCEMENT_OFFICER));
        return "enforcement/list";
    }

    @GetMapping("/enforcement/review")
    @PreAuthorize("hasAnyRole('ADMIN','LEGAL_REVIEWER')")
    String review(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("page", cases.list(me, Stage.IN_REVIEW, true, 0, 200));
        model.addAttribute("stage", Stage.IN_REVIEW);
        model.addAttribute("open", true);
        model.addAttribute("stages", null);
        model.addAttribute("title", "nav.enforcement.review");
        model.addAttribute("canOpen", false);
        return "enforcement/list";
    }

    @GetMapping("/enforcement/cases/{id}")
    String detail(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        var d = cases.detail(id, me);
        model.addAttribute("d", d);
        model.addAttribute("kinds", SuspensionKind.values());
        model.addAttribute(
                "tiers", catalogue.find(d.c().itemCode()).map(i -> i.tiers()).orElse(java.util.List.of()));
        model.addAttribute("evidence", evidence.list(id, me));
        model.addAttribute("evidenceKinds", org.cityops.enforcement.file.EvidenceKind.values());
        model.addAttribute(
                "canAddEvidence", !d.c().stage().isFinal() && me.hasAny(Role.ADMIN, Role.ENFORCEMENT_OFFICER));
        return "enforcement/detail";
    }

    @PostMapping("/enforcement/cases/{id}/step")
    String step(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam Step step,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) BigDecimal fine,
            @RequestParam(defaultValue = "false") boolean severePenalty,
            @RequestParam(required = false) SuspensionKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedEnd,
            @RequestParam(required = false) Integer days,
            @RequestParam(defaultValue = "false") boolean firstOffence,
            @RequestParam(defaultValue = "false") boolean minorHarm,
            @RequestParam(defaultValue = "false") boolean corrected,
            @RequestParam(required = false) BigDecimal amount,
            Locale locale,
            RedirectAttributes redirect) {
        StepInput in = new StepInput(
                on,
                blank(note),
                blank(tier),
                fine,
                null,
                null,
                severePenalty,
                kind,
                expectedEnd,
                days,
                firstOffence,
                minorHarm,
                corrected,
                amount);
        try {
            cases.step(id, step, in, me);
            redirect.addFlashAttribute("done", step.label());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Bilingual.pick(e.getMessage(), locale));
        }
        return "redirect:/enforcement/cases/" + id;
    }

    @GetMapping("/enforcement/new")
    @PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER')")
    String newCase(@RequestParam(required = false) String sourceCaseNumber, Model model) {
        model.addAttribute("items", catalogue.list());
        model.addAttribute("sources", CaseSource.values());
        model.addAttribute("kinds", PartyKind.values());
        model.addAttribute("sourceCaseNumber", sourceCaseNumber);
        model.addAttribute("today", cases.today());
        return "enforcement/new";
    }

    @PostMapping("/enforcement/new")
    @PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER')")
    String create(
            @CurrentActor StaffMember me,
            @RequestParam CaseSource source,
            @RequestParam(required = false) String sourceCaseNumber,
            @RequestParam PartyKind partyKind,
            @RequestParam String partyName,
            @RequestParam String partyId,
            @RequestParam(required = false) String partyPhone,
            @RequestParam String itemCode,
            @RequestParam String description,
            @RequestParam double lat,
            @RequestParam double lon,
            @RequestParam(required = false) String address,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate discoveredOn,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            if (partyName.isBlank() || description.isBlank()) {
                throw new org.cityops.platform.InvalidInputException("当事人和案情必填 party and description are required");
            }
            EnforcementCase c = cases.open(
                    new NewEnforcementCase(
                            source,
                            blank(sourceCaseNumber),
                            partyKind,
                            partyName,
                            partyId,
                            blank(partyPhone),
                            itemCode,
                            description,
                            lat,
                            lon,
                            blank(address),
                            discoveredOn,
                            null,
                            false),
                    me);
            redirect.addFlashAttribute("done", c.caseNumber());
            return "redirect:/enforcement/cases/" + c.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Bilingual.pick(e.getMessage(), locale));
            return "redirect:/enforcement/new";
        }
    }

    @GetMapping("/enforcement/items")
    String items(Model model) {
        model.addAttribute("items", catalogue.list());
        return "enforcement/items";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
