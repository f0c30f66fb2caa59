package org.cityops.wastestream.bulky;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.cityops.platform.DomainException;
import org.cityops.platform.web.FormRefusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Public by design (no sign-in): a citizen books a bulky-waste pickup and gets a booking code; cancels with the code
 * and the phone. Both are limited per client address (429 with the wait); the phone is never shown back in full.
 */
@Controller
class PublicBulkyController {

    private final BulkyWaste bulky;
    private final MessageSource messages;
    private final PublicBudget bookings;
    private final PublicBudget cancels;

    PublicBulkyController(
            BulkyWaste bulky,
            MessageSource messages,
            Clock clock,
            @Value("${cityops.wastestream.bulky.public.book-per-address:10}") int bookPerAddress,
            @Value("${cityops.wastestream.bulky.public.cancel-per-address:20}") int cancelPerAddress,
            @Value("${cityops.wastestream.bulky.public.period:PT1H}") Duration period) {
        this.bulky = bulky;
        this.messages = messages;
        this.bookings = new PublicBudget(bookPerAddress, period, clock, 100_000);
        this.cancels = new PublicBudget(cancelPerAddress, period, clock, 100_000);
    }

    @GetMapping("/public/bulky")
    String form(Model model) {
        return formView(model);
    }

    private String formView(Model model) {
        LocalDate today = bulky.today();
        model.addAttribute("centres", bulky.publicCentres());
        model.addAttribute("minDay", today.plusDays(1));
        model.addAttribute("maxDay", today.plusDays(14));
        return "wastestream/bulky/public-form";
    }

    @PostMapping("/public/bulky")
    String book(
            @RequestParam(required = false) Long centreId,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String items,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) String slot,
            @RequestParam(required = false) String phone,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        BulkyWaste.BookingDraft d = new BulkyWaste.BookingDraft(centreId, address, items, day, slot, phone);
        model.addAttribute("form", d);
        Duration wait = bookings.take(clientKey(request));
        if (!wait.isZero()) {
            refuse(response, wait);
            model.addAttribute("error", limited(wait));
            return formView(model);
        }
        try {
            redirect.addFlashAttribute("confirmation", bulky.book(d));
            return "redirect:/public/bulky/booked";
        } catch (DomainException e) {
            FormRefusal.reject(response, model, e, text(e));
            return formView(model);
        }
    }

    @GetMapping("/public/bulky/booked")
    String booked(Model model) {
        if (!model.containsAttribute("confirmation")) {
            return "redirect:/public/bulky";
        }
        return "wastestream/bulky/public-booked";
    }

    @GetMapping("/public/bulky/cancel")
    String cancelForm() {
        return "wastestream/bulky/public-cancel";
    }

    @PostMapping("/public/bulky/cancel")
    String cancel(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String phone,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("code", code);
        Duration wait = cancels.take(clientKey(request));
        if (!wait.isZero()) {
            refuse(response, wait);
            model.addAttribute("error", limited(wait));
            return "wastestream/bulky/public-cancel";
        }
        try {
            model.addAttribute("cancelled", bulky.cancel(code, phone));
        } catch (DomainException e) {
            FormRefusal.reject(response, model, e, text(e));
        }
        return "wastestream/bulky/public-cancel";
    }

    private String text(DomainException e) {
        if (e.messageKey() == null) {
            return e.getMessage();
        }
        return messages.getMessage(e.messageKey(), null, e.getMessage(), LocaleContextHolder.getLocale());
    }

    private String limited(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return messages.getMessage("ws.bulky.limited", new Object[] {minutes}, LocaleContextHolder.getLocale());
    }

    private static void refuse(HttpServletResponse response, Duration wait) {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }

    /** IPv4 as is, IPv6 by its first four groups (a household's /64). */
    static String clientKey(HttpServletRequest request) {
        String a = request.getRemoteAddr();
        if (a == null) {
            return "?";
        }
        if (a.indexOf(':') < 0) {
            return a;
        }
        String[] g = a.replace("[", "").split(":");
        return g.length >= 4 ? String.join(":", g[0], g[1], g[2], g[3]) + "::/64" : a;
    }
}
