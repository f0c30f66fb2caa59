package org.cityops.enforcement.construction.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.cityops.enforcement.construction.IllegalStructures;
import org.cityops.enforcement.construction.NoticeKind;
import org.cityops.enforcement.construction.StructureStatus;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the 违建 register with its map layer and district figures, a structure's file with its actions. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class StructurePageController {

    private final IllegalStructures structures;

    StructurePageController(IllegalStructures structures) {
        this.structures = structures;
    }

    @GetMapping("/enforcement/structures")
    String list(@CurrentActor StaffMember me, @RequestParam(required = false) StructureStatus status, Model model) {
        model.addAttribute("rows", structures.list(me, status, null, 500));
        model.addAttribute("districts", structures.byDistrict(me));
        model.addAttribute("overdue", structures.overdue(me));
        model.addAttribute("status", status);
        model.addAttribute("statuses", StructureStatus.values());
        return "enforcement/construction/list";
    }

    @GetMapping("/enforcement/structures/{id}")
    String detail(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        model.addAttribute("d", structures.detail(id, me));
        model.addAttribute("canAct", me.hasAny(Role.ENFORCEMENT_OFFICER));
        model.addAttribute("canSign", me.hasAny(Role.LEGAL_REVIEWER, Role.LEADER));
        model.addAttribute("notices", NoticeKind.values());
        return "enforcement/construction/detail";
    }

    @PostMapping("/enforcement/structures/{id}/action")
    String act(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) StructureStatus outcome,
            @RequestParam(required = false) NoticeKind kind,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) MultipartFile file,
            Locale locale,
            RedirectAttributes flash)
            throws IOException {
        try {
            switch (action) {
                case "built" -> structures.markBuilt(id, me);
                case "order" -> structures.orderDemolition(id, deadline, note, me);
                case "photo" -> {
                    if (file == null || file.isEmpty()) {
                        throw new org.cityops.platform.InvalidInputException("须选择照片 choose a photo", "file");
                    }
                    structures.addPhoto(id, phase, file.getContentType(), file.getBytes(), me);
                }
                case "outcome" -> structures.recordOutcome(id, outcome, null, me);
                case "notice" -> structures.sendNotice(id, kind, null, me);
                default -> throw new org.cityops.platform.InvalidInputException("未知操作 unknown action", "action");
            }
            flash.addFlashAttribute("done", "✓");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", Bilingual.pick(e.getMessage(), locale));
        }
        return "redirect:/enforcement/structures/" + id;
    }
}
