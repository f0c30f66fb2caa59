package org.cityops.wastestream.classification;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DomainException;
import org.cityops.platform.NavItem;
import org.cityops.wastestream.web.WorkbookUpload;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coverage page (by district and urban/rural, with targets), the unit list with filters, inspection entry. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class ClassificationPageController {

    static final int PAGE_ROWS = 200;

    private final ClassificationUnits units;
    private final Clock clock;

    ClassificationPageController(ClassificationUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    @ModelAttribute("canWrite")
    boolean canWrite(@CurrentActor(required = false) StaffMember me) {
        return me != null && me.hasAny(Role.ADMIN, Role.SANITATION_SUPERVISOR);
    }

    @GetMapping("/wastestream/classification")
    String index(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Boolean covered,
            Model model) {
        ClassificationUnits.Coverage coverage = units.coverage(me);
        List<ClassificationUnit> list = units.list(ClassificationApiController.filter(district, kind, covered), me);
        model.addAttribute("coverage", coverage);
        model.addAttribute("units", list.size() > PAGE_ROWS ? list.subList(0, PAGE_ROWS) : list);
        model.addAttribute("total", list.size());
        model.addAttribute("pageRows", PAGE_ROWS);
        model.addAttribute("district", district);
        model.addAttribute("kind", kind);
        model.addAttribute("covered", covered);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("classes", WasteClass.values());
        return "wastestream/classification/index";
    }

    @PostMapping("/wastestream/classification/import")
    @PreAuthorize(ClassificationApiController.WRITERS)
    String importUnits(
            @CurrentActor StaffMember me, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        return WorkbookUpload.importAndShow(
                file, redirect, "/wastestream/classification", in -> units.importXlsx(in, me));
    }

    @GetMapping("/wastestream/classification/units/{id}")
    String unit(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        model.addAttribute("unit", units.get(id, me));
        model.addAttribute("inspections", units.inspections(id, me));
        model.addAttribute("classes", WasteClass.values());
        model.addAttribute("findings", Finding.values());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), CityClock.ZONE));
        return "wastestream/classification/unit";
    }

    @PostMapping("/wastestream/classification/units/{id}/inspections")
    @PreAuthorize(ClassificationApiController.WRITERS)
    String inspect(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) String recyclable,
            @RequestParam(required = false) String hazardous,
            @RequestParam(required = false) String kitchen,
            @RequestParam(required = false) String other,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        try {
            units.inspect(
                    id, day, ClassificationApiController.findings(recyclable, hazardous, kitchen, other), note, me);
        } catch (DomainException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return unit(me, id, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/wastestream/classification/units/" + id;
    }

    /** In the 环卫 menu beside the kitchen-waste page. */
    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem wastestreamClassificationNav() {
            return new NavItem(
                    "nav.ws.cls",
                    "/wastestream/classification",
                    Set.of("ADMIN", "SANITATION_SUPERVISOR", "LEADER"),
                    683,
                    "sanitation");
        }
    }
}
