package org.cityops.streetfront.parking.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.platform.web.FormRefusal;
import org.cityops.streetfront.parking.ParkingAreas;
import org.cityops.streetfront.parking.ParkingCounts;
import org.cityops.streetfront.parking.ParkingOperators;
import org.cityops.streetfront.parking.ParkingRules;
import org.cityops.streetfront.parking.Tows;
import org.cityops.streetfront.parking.VehicleKind;
import org.cityops.streetfront.web.StreetfrontRoles;
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
 * Pages of 非机动车停放: the areas with their overflow alerts (import/export), one area with the count form, the
 * operators' statistics and 红黑榜, 违停拖移 (tow and release); and the street-front map (signs, areas, zones).
 */
@Controller
@PreAuthorize(StreetfrontRoles.READ)
class ParkingPageController {

    private final ParkingAreas areas;
    private final ParkingCounts counts;
    private final ParkingOperators operators;
    private final Tows tows;
    private final OrgDirectory org;
    private final org.cityops.streetfront.parking.GeofencingFeed feed;

    static final int PAGE_ROWS = 300;

    ParkingPageController(
            ParkingAreas areas,
            ParkingCounts counts,
            ParkingOperators operators,
            Tows tows,
            OrgDirectory org,
            org.cityops.streetfront.parking.GeofencingFeed feed) {
        this.org = org;
        this.feed = feed;
        this.areas = areas;
        this.counts = counts;
        this.operators = operators;
        this.tows = tows;
    }

    @GetMapping("/streetfront/parking")
    String areas(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("totals", areas.totals(me));
        model.addAttribute("alerts", counts.alerts(me, false));
        java.util.List<org.cityops.streetfront.parking.ParkingArea> all = areas.list(me);
        // the page shows the first 300 (overflowing first); the export has them all
        model.addAttribute("areas", all.subList(0, Math.min(PAGE_ROWS, all.size())));
        model.addAttribute("areasShown", Math.min(PAGE_ROWS, all.size()));
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (var a : all) {
            if (a.districtCode() != null) {
                names.computeIfAbsent(a.districtCode(), org::nameOf);
            }
        }
        model.addAttribute("districtNames", names);
        model.addAttribute("zones", areas.zones(me));
        model.addAttribute("canManage", me.hasAny(Role.ADMIN, Role.LEADER, Role.STREETFRONT_SUPERVISOR));
        return "streetfront/parking/areas";
    }

    @PostMapping("/streetfront/parking/import")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    String importAreas(
            @CurrentActor StaffMember me,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "请选择 .xlsx 文件");
            return "redirect:/streetfront/parking";
        }
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute("imported", areas.importXlsx(in, me));
            feed.changed();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/parking";
    }

    @GetMapping("/streetfront/parking/areas/{id}")
    String area(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        model.addAttribute("a", areas.get(id, me));
        model.addAttribute("counts", counts.recent(id, me));
        model.addAttribute("canCount", me.hasAny(Role.ADMIN, Role.INSPECTOR, Role.STREETFRONT_SUPERVISOR));
        model.addAttribute("canManage", me.hasAny(Role.ADMIN, Role.LEADER, Role.STREETFRONT_SUPERVISOR));
        model.addAttribute("windowHours", ParkingRules.WINDOW.toHours());
        return "streetfront/parking/area";
    }

    /** The edit form: every field written, or none (the refused field named above the form, the typed values kept). */
    @PostMapping("/streetfront/parking/areas/{id}/edit")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    String edit(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String lineWkt,
            @RequestParam(required = false) String depthM,
            @RequestParam(required = false) String capacity,
            RedirectAttributes redirect) {
        try {
            areas.update(
                    id,
                    new ParkingAreas.AreaEdit(name, lineWkt, (Double) number(depthM, "depthM", false), (Integer)
                            number(capacity, "capacity", true)),
                    me);
            feed.changed();
            redirect.addFlashAttribute("edited", true);
        } catch (DomainException e) {
            // the typed values go back one by one: the page shows the area itself, not a draft
            redirect.addFlashAttribute("editName", name);
            redirect.addFlashAttribute("editLine", lineWkt);
            redirect.addFlashAttribute("editDepth", depthM);
            redirect.addFlashAttribute("editCapacity", capacity);
            return FormRefusal.redirect(redirect, e, null, "/streetfront/parking/areas/" + id);
        }
        return "redirect:/streetfront/parking/areas/" + id;
    }

    /** An optional number of the form (blank = default); not a number → 400 naming the field. */
    private static Number number(String v, String field, boolean integer) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return integer ? (Number) Integer.valueOf(v.trim()) : (Number) Double.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new org.cityops.platform.InvalidInputException("须为数字 must be a number", field);
        }
    }

    @PostMapping("/streetfront/parking/areas/{id}/counts")
    @PreAuthorize(StreetfrontRoles.INSPECT)
    String count(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) Integer bikes,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("counted", counts.byInspector(id, bikes, me));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/parking/areas/" + id;
    }

    @GetMapping("/streetfront/parking/operators")
    String operators(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("stats", operators.stats());
        model.addAttribute("periodDays", ParkingOperators.PERIOD.toDays());
        boolean admin = me.hasAny(Role.ADMIN);
        model.addAttribute("canKey", admin);
        if (admin) {
            java.util.Map<Long, Integer> keys = new java.util.HashMap<>();
            for (var o : operators.list()) {
                keys.put(o.id(), operators.activeKeys(o.id()));
            }
            model.addAttribute("activeKeys", keys);
        }
        return "streetfront/parking/operators";
    }

    /** 吊销密钥: every key of the operator disabled at once. */
    @PostMapping("/streetfront/parking/operators/{id}/key/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    String revokeKeys(@CurrentActor StaffMember me, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", operators.revokeKeys(id, me));
        return "redirect:/streetfront/parking/operators";
    }

    /** 更换密钥: the old keys revoked, a new one shown once on the page that follows. */
    @PostMapping("/streetfront/parking/operators/{id}/key/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    String rotateKey(@CurrentActor StaffMember me, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("newKey", operators.rotateKey(id, me));
        redirect.addFlashAttribute("newKeyOperator", operators.get(id).name());
        return "redirect:/streetfront/parking/operators";
    }

    @GetMapping("/streetfront/parking/tows")
    String tows(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("tows", tows.list(me));
        model.addAttribute("kinds", VehicleKind.values());
        model.addAttribute("operators", operators.list());
        model.addAttribute("canTow", me.hasAny(Role.ADMIN, Role.INSPECTOR, Role.STREETFRONT_SUPERVISOR));
        return "streetfront/parking/tows";
    }

    @PostMapping("/streetfront/parking/tows")
    @PreAuthorize(StreetfrontRoles.INSPECT)
    String tow(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String vehicleKind,
            @RequestParam(required = false) String vehicleId,
            @RequestParam(required = false) Long operatorId,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String yard,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "towed",
                    tows.tow(
                            new Tows.TowDraft(vehicleKind, vehicleId, operatorId, lat, lon, address, yard), me, false));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/parking/tows";
    }

    @PostMapping("/streetfront/parking/tows/{id}/release")
    @PreAuthorize(StreetfrontRoles.INSPECT)
    String release(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String releasedTo,
            @RequestParam(required = false) BigDecimal fee,
            @RequestParam(required = false) String feeNote,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("released", tows.release(id, releasedTo, fee, feeNote, me));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/parking/tows";
    }

    /** The street-front layer of the shared map: signs, parking areas (red when overflowing), no-parking zones. */
    @GetMapping("/streetfront/map")
    String map() {
        return "streetfront/map";
    }
}
