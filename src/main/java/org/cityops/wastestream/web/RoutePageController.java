package org.cityops.wastestream.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.platform.NavItem;
import org.cityops.wastestream.collection.RouteWorkbook;
import org.cityops.wastestream.collection.Routes;
import org.cityops.wastestream.collection.WasteFleet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

/**
 * 收运线路 page: every stop of the vehicles in the caller's area, by vehicle and weekday in the order of their
 * windows; a form to add a stop or move its window (a refusal is shown on the form, 400, naming the field); remove;
 * .xlsx export (the API's) and import (all or nothing, the rows and columns named). Writers: ADMIN, SANITATION_SUPERVISOR;
 * LEADER reads.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class RoutePageController {

    static final String WRITERS = "hasAnyRole('ADMIN','SANITATION_SUPERVISOR')";

    /** The form's fields as typed, shown again after a refusal. */
    record StopForm(String plate, String weekday, String creditCode, String from, String to) {}

    private final Routes routes;
    private final RouteWorkbook workbook;
    private final WasteFleet fleet;

    RoutePageController(Routes routes, RouteWorkbook workbook, WasteFleet fleet) {
        this.routes = routes;
        this.workbook = workbook;
        this.fleet = fleet;
    }

    @ModelAttribute("canWrite")
    boolean canWrite(@CurrentActor(required = false) StaffMember me) {
        return me != null && me.hasAny(Role.ADMIN, Role.SANITATION_SUPERVISOR);
    }

    @GetMapping("/wastestream/routes")
    String index(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) Long edit,
            Model model) {
        StopForm form = new StopForm(plate, "1", null, "08:00", "10:00");
        if (edit != null) {
            for (Routes.StopView s : routes.list(me)) {
                if (s.id() == edit) {
                    form = new StopForm(
                            s.plate(),
                            String.valueOf(s.weekday()),
                            s.creditCode(),
                            s.from().toString(),
                            s.to().toString());
                }
            }
        }
        return page(me, plate, form, model);
    }

    private String page(StaffMember me, String plate, StopForm form, Model model) {
        List<Routes.StopView> stops = routes.list(me);
        model.addAttribute(
                "stops",
                plate == null || plate.isBlank()
                        ? stops
                        : stops.stream().filter(s -> s.plate().equals(plate)).toList());
        model.addAttribute("plate", plate);
        model.addAttribute("vehicles", fleet.list(me));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        return "wastestream/routes";
    }

    /** Adds a stop or moves its window; a refusal re-shows the form with the field named (400). */
    @PostMapping("/wastestream/routes")
    @PreAuthorize(WRITERS)
    String add(
            @CurrentActor StaffMember me,
            @ModelAttribute("form") StopForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Integer weekday = parseWeekday(form.weekday());
            LocalTime from = time(form.from(), "from");
            LocalTime to = time(form.to(), "to");
            routes.add(form.plate(), weekday, form.creditCode(), from, to, me);
        } catch (DomainException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return page(me, null, form, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/wastestream/routes";
    }

    @PostMapping("/wastestream/routes/{id}/remove")
    @PreAuthorize(WRITERS)
    String remove(@CurrentActor StaffMember me, @PathVariable long id, RedirectAttributes redirect) {
        routes.remove(id, me);
        redirect.addFlashAttribute("removed", true);
        return "redirect:/wastestream/routes";
    }

    @PostMapping("/wastestream/routes/import")
    @PreAuthorize(WRITERS)
    String importRoutes(
            @CurrentActor StaffMember me,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        return WorkbookUpload.importAndShow(file, redirect, "/wastestream/routes", in -> workbook.importXlsx(in, me));
    }

    static Integer parseWeekday(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new org.cityops.platform.InvalidInputException(
                    "星期须为1（周一）至7（周日）weekday must be 1 (Monday) to 7 (Sunday)", "weekday");
        }
    }

    static LocalTime time(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new org.cityops.platform.InvalidInputException("时间格式应为 HH:mm time must be HH:mm", field);
        }
    }

    /** 收运线路 in the 环卫 menu after the kitchen-waste pages (685: the next free number of the section). */
    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem wastestreamRoutesNav() {
            return new NavItem(
                    "nav.wastestream.routes",
                    "/wastestream/routes",
                    Set.of("ADMIN", "SANITATION_SUPERVISOR", "LEADER"),
                    685,
                    "sanitation");
        }
    }
}
