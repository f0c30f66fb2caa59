package org.cityops.wastestream.bulky;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.platform.NavItem;
import org.cityops.platform.web.FormRefusal;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff page: centres with today's throughput, bookings to schedule, intake weighing, throughput by day. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class BulkyPageController {

    private final BulkyWaste bulky;

    BulkyPageController(BulkyWaste bulky) {
        this.bulky = bulky;
    }

    @ModelAttribute("canWrite")
    boolean canWrite(@CurrentActor(required = false) StaffMember me) {
        return me != null && me.hasAny(Role.ADMIN, Role.SANITATION_SUPERVISOR);
    }

    @GetMapping("/wastestream/bulky")
    String index(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Long centreId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate today = bulky.today();
        model.addAttribute("centres", bulky.centres(me));
        Map<Long, BigDecimal> todayTonnes = new HashMap<>();
        bulky.throughput(today, today, me).forEach(t -> todayTonnes.put(t.centreId(), t.tonnes()));
        model.addAttribute("todayTonnes", todayTonnes);
        model.addAttribute("bookings", bulky.bookings(centreId, day, me));
        model.addAttribute("centreId", centreId);
        model.addAttribute("day", day);
        model.addAttribute("today", today);
        model.addAttribute("areas", StorageArea.values());
        return "wastestream/bulky/index";
    }

    @PostMapping("/wastestream/bulky/bookings/{id}/schedule")
    @PreAuthorize(BulkyApiController.WRITERS)
    String schedule(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String crew,
            RedirectAttributes redirect) {
        try {
            bulky.schedule(id, crew, me);
            redirect.addFlashAttribute("saved", "schedule");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/wastestream/bulky";
    }

    @PostMapping("/wastestream/bulky/intakes")
    @PreAuthorize(BulkyApiController.WRITERS)
    String weigh(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Long centreId,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) BigDecimal netKg,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) String bookingCode,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (centreId == null) {
                throw new org.cityops.platform.InvalidInputException("请选择分拣中心 choose a centre", "centreId");
            }
            bulky.weigh(centreId, area, netKg, day, bookingCode, me);
        } catch (DomainException e) {
            FormRefusal.reject(response, model, e, e.getMessage());
            return index(me, null, null, model);
        }
        redirect.addFlashAttribute("saved", "intake");
        return "redirect:/wastestream/bulky";
    }

    @GetMapping("/wastestream/bulky/throughput")
    String throughput(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate t = to != null ? to : bulky.today();
        LocalDate f = from != null ? from : t.minusDays(6);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("rows", bulky.throughput(f, t, me));
        model.addAttribute("centres", bulky.centres(me));
        model.addAttribute("areas", StorageArea.values());
        return "wastestream/bulky/throughput";
    }

    /** In the 环卫 menu beside the kitchen-waste page. */
    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem wastestreamBulkyNav() {
            return new NavItem(
                    "nav.ws.bulky",
                    "/wastestream/bulky",
                    Set.of("ADMIN", "SANITATION_SUPERVISOR", "LEADER"),
                    684,
                    "sanitation");
        }
    }
}
