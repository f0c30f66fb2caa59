package org.cityops.streetfront.web;

import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.streetfront.signs.Facilities;
import org.cityops.streetfront.signs.Facility;
import org.cityops.streetfront.signs.Inspection;
import org.cityops.streetfront.signs.InspectionResult;
import org.cityops.streetfront.signs.Inspections;
import org.cityops.streetfront.signs.QrImage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Pages: the facility ledger (一牌一档), one facility with its inspections, 即将到期 permits, open tasks. */
@Controller
@PreAuthorize(StreetfrontRoles.READ)
class StreetfrontPageController {

    private final Facilities facilities;
    private final Inspections inspections;
    private final OrgDirectory org;
    private final org.cityops.streetfront.signs.FacilityImport facilityImport;

    StreetfrontPageController(
            Facilities facilities,
            Inspections inspections,
            OrgDirectory org,
            org.cityops.streetfront.signs.FacilityImport facilityImport) {
        this.facilities = facilities;
        this.inspections = inspections;
        this.org = org;
        this.facilityImport = facilityImport;
    }

    @GetMapping("/streetfront/facilities")
    String list(@CurrentActor StaffMember me, @RequestParam(required = false) String owner, Model model) {
        model.addAttribute("owner", owner);
        model.addAttribute("facilities", facilities.list(me, owner));
        model.addAttribute("canManage", me.hasAny(Role.ADMIN, Role.LEADER, Role.STREETFRONT_SUPERVISOR));
        return "streetfront/facilities";
    }

    @PostMapping("/streetfront/facilities/import")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    String importFacilities(
            @CurrentActor StaffMember me,
            @RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect)
            throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "请选择 .xlsx 文件");
            return "redirect:/streetfront/facilities";
        }
        try (java.io.InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute("imported", facilityImport.importXlsx(in, me));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/facilities";
    }

    @GetMapping("/streetfront/facilities/{id}")
    String facility(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        Facility f = facilities.get(id, me);
        model.addAttribute("f", f);
        model.addAttribute("inspections", inspections.history(id, me));
        model.addAttribute("results", InspectionResult.values());
        model.addAttribute("canInspect", me.hasAny(Role.ADMIN, Role.INSPECTOR, Role.STREETFRONT_SUPERVISOR));
        model.addAttribute(
                "qrLink",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/public/signs/{token}")
                        .buildAndExpand(f.qrToken())
                        .toUriString());
        return "streetfront/facility";
    }

    /** The facility's QR code (一牌一档) as a PNG, for the facility page and printing; in the caller's scope. */
    @GetMapping(value = "/streetfront/facilities/{id}/qr.png", produces = "image/png")
    @ResponseBody
    ResponseEntity<byte[]> qr(@CurrentActor StaffMember me, @PathVariable long id) {
        Facility f = facilities.get(id, me);
        String link = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/public/signs/{token}")
                .buildAndExpand(f.qrToken())
                .toUriString();
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Disposition", "inline; filename=\"" + f.code() + ".png\"")
                .body(QrImage.png(link));
    }

    @PostMapping("/streetfront/facilities/{id}/inspections")
    @PreAuthorize(StreetfrontRoles.INSPECT)
    String inspect(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) InspectionResult result,
            @RequestParam(required = false) String finding,
            RedirectAttributes redirect) {
        try {
            Inspection i = inspections.record(id, result, finding, me);
            redirect.addFlashAttribute("recorded", i);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/facilities/" + id;
    }

    @GetMapping("/streetfront/permits/expiring")
    String expiring(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("facilities", facilities.expiring(me));
        return "streetfront/expiring";
    }

    @GetMapping("/streetfront/tasks")
    String tasks(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("tasks", inspections.openTasks(me));
        model.addAttribute("canManage", me.hasAny(Role.ADMIN, Role.LEADER, Role.STREETFRONT_SUPERVISOR));
        model.addAttribute("districts", org.unitsOfKind(OrgUnitKind.DISTRICT));
        return "streetfront/tasks";
    }

    @PostMapping("/streetfront/wind-inspections")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    String wind(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String warning,
            @RequestParam(required = false) String districtCode,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "created",
                    inspections.massInspection(
                            warning, districtCode == null || districtCode.isBlank() ? null : districtCode, me));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/tasks";
    }
}
