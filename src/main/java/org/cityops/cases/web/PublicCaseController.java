package org.cityops.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.PublicCaseView;
import org.cityops.cases.internal.PublicCases;
import org.cityops.catalog.Catalog;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Public by design (no sign-in): a citizen reports a problem (map pick, photo, optional contact) and gets a
 * case number; anyone can look a public case up by number and sees only public fields. Both are rate-limited
 * ({@link PublicLimits}: 429 with the wait); a case that is not public is the same 404 as an unknown number.
 */
@Controller
class PublicCaseController {

    private final CaseService cases;
    private final PublicCases publicCases;
    private final PublicLimits limits;
    private final MessageSource messages;
    private final Catalog catalog;
    private final String tileUrl;
    private final String center;

    PublicCaseController(
            CaseService cases,
            PublicCases publicCases,
            PublicLimits limits,
            MessageSource messages,
            Catalog catalog,
            @Value("${cityops.map.tile-url:}") String tileUrl,
            @Value("${cityops.map.center-lat:31.79},${cityops.map.center-lon:119.95},${cityops.map.zoom:11}")
                    String center) {
        this.cases = cases;
        this.publicCases = publicCases;
        this.limits = limits;
        this.messages = messages;
        this.catalog = catalog;
        this.tileUrl = tileUrl;
        this.center = center;
    }

    @GetMapping("/public/report")
    String form(Model model, HttpServletRequest request, HttpServletResponse response) {
        limits.device(request, response);
        return formView(model);
    }

    private String formView(Model model) {
        model.addAttribute("categories", catalog.activeCategories());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("mapCenter", center);
        return "public/report";
    }

    @PostMapping("/public/report")
    String report(
            @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String reporterName,
            @RequestParam(required = false) String reporterPhone,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(required = false) MultipartFile photo,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        NewCase in = new NewCase(
                CaseChannel.CITIZEN, categoryCode, description, lat, lon, address, null, reporterName, reporterPhone);
        // the limit first: a refused submission's photo is never read
        Optional<Duration> wait = limits.report(request, response);
        if (wait.isPresent()) {
            refuse(response, wait.get());
            return formWithError(model, in, message("cases.public.reportLimited", wait.get()));
        }
        try {
            byte[] bytes = PhotoUploads.read(photo);
            CaseService.Intake intake =
                    cases.intake(in, StaffMember.publicReporter("public"), idempotencyKey, null, null, bytes);
            redirect.addFlashAttribute("justReported", true);
            return "redirect:/public/cases/" + intake.caseNumber();
        } catch (DomainException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formWithError(model, in, e.getMessage());
        }
    }

    private String formWithError(Model model, NewCase in, String error) {
        model.addAttribute("error", error);
        model.addAttribute("form", in);
        return formView(model);
    }

    @GetMapping("/public/cases")
    String lookup(@RequestParam(required = false) String number) {
        return number == null || number.isBlank() ? "public/lookup" : "redirect:/public/cases/" + number.strip();
    }

    @GetMapping("/public/cases/{number}")
    String show(@PathVariable String number, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("number", number);
        Optional<Duration> wait = limits.lookup(request);
        if (wait.isPresent()) {
            refuse(response, wait.get());
            model.addAttribute("limited", message("cases.public.lookupLimited", wait.get()));
            return "public/lookup";
        }
        PublicCaseView pc = publicCases.find(number).orElse(null);
        if (pc == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("pc", pc);
        return "public/lookup";
    }

    /** The same, as JSON (the same limit; 404 problem detail for an unknown or non-public number). */
    @GetMapping("/api/v1/public/cases/{number}")
    @ResponseBody
    ResponseEntity<?> json(@PathVariable String number, HttpServletRequest request) {
        Optional<Duration> wait = limits.lookup(request);
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(wait.get())))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.TOO_MANY_REQUESTS, message("cases.public.lookupLimited", wait.get())));
        }
        Optional<PublicCaseView> found = publicCases.find(number);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "案卷不存在 case not found"));
        }
        return ResponseEntity.ok(found.get());
    }

    private static void refuse(HttpServletResponse response, Duration wait) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(wait)));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private String message(String key, Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return messages.getMessage(key, new Object[] {minutes}, LocaleContextHolder.getLocale());
    }
}
