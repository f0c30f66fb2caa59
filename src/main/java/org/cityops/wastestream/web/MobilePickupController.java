package org.cityops.wastestream.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.wastestream.RowError;
import org.cityops.wastestream.collection.CollectionDraft;
import org.cityops.wastestream.collection.MobilePickups;
import org.cityops.wastestream.collection.WasteFleet;
import org.cityops.wastestream.ledger.Producers;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 收运登记 on a phone (390×844): producer (nearest first from the phone's position, or searched), bin, vehicle,
 * weight, photo, position, one tap. The pickup goes through {@link MobilePickups} → the API's service and checks.
 * Writers only (ADMIN, SANITATION_SUPERVISOR); the photo is readable by whoever may see the producer.
 */
@Controller
class MobilePickupController {

    private static final String WRITERS = "hasAnyRole('ADMIN','SANITATION_SUPERVISOR')";

    private final Producers producers;
    private final WasteFleet fleet;
    private final MobilePickups pickups;
    private final Clock clock;

    MobilePickupController(Producers producers, WasteFleet fleet, MobilePickups pickups, Clock clock) {
        this.producers = producers;
        this.fleet = fleet;
        this.pickups = pickups;
        this.clock = clock;
    }

    /** The form as typed, to show it again after a refusal. */
    record Form(
            String creditCode,
            String containerTag,
            String plate,
            String netKg,
            String grossKg,
            String tareKg,
            boolean estimated,
            String collector,
            String lat,
            String lon) {}

    @GetMapping("/wastestream/pickup")
    @PreAuthorize(WRITERS)
    String form(@CurrentActor StaffMember me, Model model) {
        fill(model, me, null);
        return "wastestream/pickup";
    }

    @PostMapping("/wastestream/pickup")
    @PreAuthorize(WRITERS)
    String record(
            @CurrentActor StaffMember me,
            @RequestParam String deviceRecordId,
            @RequestParam(required = false) String creditCode,
            @RequestParam(required = false) String containerTag,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String netKg,
            @RequestParam(required = false) String grossKg,
            @RequestParam(required = false) String tareKg,
            @RequestParam(defaultValue = "false") boolean estimated,
            @RequestParam(required = false) String collector,
            @RequestParam(required = false) String lat,
            @RequestParam(required = false) String lon,
            @RequestParam(required = false) MultipartFile photo,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        Form form = new Form(creditCode, containerTag, plate, netKg, grossKg, tareKg, estimated, collector, lat, lon);
        List<RowError> errors = new ArrayList<>();
        BigDecimal net = decimal(netKg, "netKg", errors);
        BigDecimal gross = decimal(grossKg, "grossKg", errors);
        BigDecimal tare = decimal(tareKg, "tareKg", errors);
        BigDecimal la = decimal(lat, "lat", errors);
        BigDecimal lo = decimal(lon, "lon", errors);
        MobilePickups.Result r = null;
        if (errors.isEmpty()) {
            CollectionDraft d = new CollectionDraft(
                    deviceRecordId,
                    blank(creditCode),
                    blank(containerTag),
                    clock.instant(),
                    gross,
                    tare,
                    net,
                    estimated,
                    plate,
                    blank(collector) == null ? me.displayName() : collector.strip(),
                    null,
                    la == null ? null : la.doubleValue(),
                    lo == null ? null : lo.doubleValue());
            byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
            r = pickups.record(d, bytes, me);
            errors.addAll(r.errors());
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> byField = new LinkedHashMap<>();
            errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "；" + b));
            model.addAttribute("errors", byField);
            fill(model, me, form);
            model.addAttribute("deviceRecordId", deviceRecordId);
            return "wastestream/pickup";
        }
        redirect.addFlashAttribute("saved", r);
        redirect.addFlashAttribute("savedId", deviceRecordId);
        return "redirect:/wastestream/pickup";
    }

    /** The photo of a pickup (same area as its producer), checked against its SHA-256. */
    @GetMapping("/wastestream/photo/{deviceRecordId}")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
    ResponseEntity<byte[]> photo(@CurrentActor StaffMember me, @PathVariable String deviceRecordId) {
        MobilePickups.Photo p = pickups.photo(deviceRecordId, me);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-SHA256", p.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(p.data());
    }

    private void fill(Model model, StaffMember me, Form form) {
        model.addAttribute("producers", producers.list(me));
        model.addAttribute("vehicles", fleet.list(me));
        model.addAttribute("deviceRecordId", "M-" + UUID.randomUUID());
        model.addAttribute("form", form);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static BigDecimal decimal(String s, String field, List<RowError> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            errors.add(new RowError(1, field, "应为数字 must be a number"));
            return null;
        }
    }
}
