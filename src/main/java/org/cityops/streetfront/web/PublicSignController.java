package org.cityops.streetfront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cityops.streetfront.signs.Facilities;
import org.cityops.streetfront.signs.Facility;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public card behind a facility's QR code (一牌一档): what a citizen may see — name, kind, owner's name,
 * address, the permit's number, validity and state, and how to report a problem. Never the credit code, the
 * permit's conditions, inspections or cases. A signed-in inspector also gets the link to inspect it.
 */
@Controller
class PublicSignController {

    private final Facilities facilities;

    PublicSignController(Facilities facilities) {
        this.facilities = facilities;
    }

    /** The card as a citizen sees it. */
    record PublicCard(
            String code,
            String name,
            String facilityClassLabel,
            String kindLabel,
            String ownerName,
            String address,
            String permitNo,
            java.time.LocalDate permitFrom,
            java.time.LocalDate permitTo,
            String permitStatus,
            String permitStatusLabel,
            double lat,
            double lon) {

        static PublicCard of(Facility f) {
            return new PublicCard(
                    f.code(),
                    f.name(),
                    f.facilityClassLabel(),
                    f.kindLabel(),
                    f.ownerName(),
                    f.address(),
                    f.permitNo(),
                    f.permitFrom(),
                    f.permitTo(),
                    f.permitStatus().name(),
                    f.permitStatusLabel(),
                    f.lat(),
                    f.lon());
        }
    }

    @GetMapping("/public/signs/{token}")
    String card(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        Facility f = facilities.byToken(token).orElse(null);
        if (f == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "streetfront/public-card";
        }
        model.addAttribute("card", PublicCard.of(f));
        if (request.isUserInRole("INSPECTOR")
                || request.isUserInRole("ADMIN")
                || request.isUserInRole("STREETFRONT_SUPERVISOR")) {
            model.addAttribute("inspectId", f.id());
        }
        return "streetfront/public-card";
    }
}
