package org.cityops.cases.web;

import java.io.IOException;

import org.cityops.cases.CaseChannel;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.Performer;
import org.cityops.cases.internal.PublicCaseView;
import org.cityops.catalog.Catalog;
import org.cityops.platform.DomainException;
import org.cityops.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
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
 * case number; anyone can look a case up by number and sees only public fields.
 */
@Controller
class PublicCaseController {

    private final CaseService cases;
    private final Catalog catalog;
    private final String tileUrl;
    private final String center;

    PublicCaseController(CaseService cases, Catalog catalog, @Value("${cityops.map.tile-url:}") String tileUrl,
            @Value("${cityops.map.center-lat:31.79},${cityops.map.center-lon:119.95},${cityops.map.zoom:11}") String center) {
        this.cases = cases;
        this.catalog = catalog;
        this.tileUrl = tileUrl;
        this.center = center;
    }

    @GetMapping("/public/report")
    String form(Model model) {
        model.addAttribute("categories", catalog.activeCategories());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("mapCenter", center);
        return "public/report";
    }

    @PostMapping("/public/report")
    String report(@RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) String description, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon, @RequestParam(required = false) String address,
            @RequestParam(required = false) String reporterName, @RequestParam(required = false) String reporterPhone,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(required = false) MultipartFile photo, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            CaseService.Intake intake = cases.intake(new NewCase(CaseChannel.CITIZEN, categoryCode, description, lat,
                    lon, address, null, reporterName, reporterPhone), Performer.publicReporter("public"),
                    idempotencyKey, null, null, photo == null || photo.isEmpty() ? null : photo.getBytes());
            redirect.addFlashAttribute("justReported", true);
            return "redirect:/public/cases/" + intake.caseNumber();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", new NewCase(CaseChannel.CITIZEN, categoryCode, description, lat, lon, address,
                    null, reporterName, reporterPhone));
            return form(model);
        }
    }

    @GetMapping("/public/cases")
    String lookup(@RequestParam(required = false) String number) {
        return number == null || number.isBlank() ? "public/lookup" : "redirect:/public/cases/" + number.strip();
    }

    @GetMapping("/public/cases/{number}")
    String show(@PathVariable String number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("pc", cases.publicView(number).orElse(null));
        return "public/lookup";
    }

    /** The same, as JSON. */
    @GetMapping("/api/v1/public/cases/{number}")
    @ResponseBody
    PublicCaseView json(@PathVariable String number) {
        return cases.publicView(number).orElseThrow(() -> new NotFoundException("案卷不存在 case not found"));
    }
}
