package org.cityops.muck.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cityops.muck.alarm.AlarmQueries;
import org.cityops.muck.registry.Companies;
import org.cityops.muck.registry.DisposalSites;
import org.cityops.muck.registry.Drivers;
import org.cityops.muck.registry.Expiries;
import org.cityops.muck.registry.Permits;
import org.cityops.muck.registry.RegistryModel.Permit;
import org.cityops.muck.registry.RegistryModel.SiteRecordRequest;
import org.cityops.muck.registry.RegistryModel.Vehicle;
import org.cityops.muck.registry.Sites;
import org.cityops.muck.registry.Vehicles;
import org.cityops.muck.registry.Zones;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's pages (登记备案): construction sites and a site's file (一工地一档案), the registry overview with
 * what expires soon, and the create/edit form of every record kind (the form calls the registry API).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class RegistryPageController {

    private final AlarmQueries alarms;
    private final Companies companies;
    private final Vehicles vehicles;
    private final Drivers drivers;
    private final Sites sites;
    private final DisposalSites disposalSites;
    private final Permits permits;
    private final Zones zones;
    private final Expiries expiries;

    RegistryPageController(
            AlarmQueries alarms,
            Companies companies,
            Vehicles vehicles,
            Drivers drivers,
            Sites sites,
            DisposalSites disposalSites,
            Permits permits,
            Zones zones,
            Expiries expiries) {
        this.alarms = alarms;
        this.companies = companies;
        this.vehicles = vehicles;
        this.drivers = drivers;
        this.sites = sites;
        this.disposalSites = disposalSites;
        this.permits = permits;
        this.zones = zones;
        this.expiries = expiries;
    }

    @GetMapping("/muck/sites")
    String sites(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("sites", sites.sites(me));
        model.addAttribute("disposalSites", disposalSites.disposalSites(me));
        return "muck/sites";
    }

    @GetMapping("/muck/sites/{id}")
    String siteFile(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        model.addAttribute("site", sites.site(me, id));
        List<Permit> sitePermits = permits.permits(me, id, null);
        model.addAttribute("permits", sitePermits);
        Set<Long> vehicleIds = new LinkedHashSet<>();
        sitePermits.forEach(p -> vehicleIds.addAll(p.vehicleIds()));
        List<Vehicle> fileVehicles = new ArrayList<>();
        for (Long v : vehicleIds) {
            try {
                fileVehicles.add(vehicles.vehicle(me, v));
            } catch (DomainException outOfScope) {
                // a vehicle outside the user's scope is left out of the file
            }
        }
        model.addAttribute("vehicles", fileVehicles);
        model.addAttribute("trips", alarms.tripsOfSite(id, 100));
        model.addAttribute("alarms", alarms.alarmsOfSite(id, 100));
        model.addAttribute("records", sites.siteRecords(me, id));
        return "muck/site";
    }

    @PostMapping("/muck/sites/{id}/records")
    String addRecord(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String kind,
            @RequestParam String title,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            if (title == null
                    || title.isBlank()
                    || title.length() > 200
                    || (note != null && note.length() > 2000)
                    || (person != null && person.length() > 100)
                    || !kind.matches("^(DOCUMENT|DUTY|INSPECTION)$")) {
                throw new org.cityops.platform.InvalidInputException("记录内容不完整或过长 record incomplete or too long");
            }
            sites.addSiteRecord(me, id, new SiteRecordRequest(kind, null, blank(person), title.trim(), blank(note)));
            redirect.addFlashAttribute("message", "saved");
        } catch (org.cityops.platform.InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/muck/sites/" + id;
    }

    @GetMapping("/muck/registry")
    String registryPage(@CurrentActor StaffMember me, @RequestParam(required = false) String days, Model model) {
        int window = Expiries.DEFAULT_DAYS;
        if (days != null && !days.isBlank()) {
            try {
                window = Integer.parseInt(days.trim());
            } catch (NumberFormatException e) {
                window = -1;
            }
            if (window < 1 || window > Expiries.MAX_DAYS) {
                model.addAttribute("expiringError", "days");
                window = Expiries.DEFAULT_DAYS;
            }
        }
        model.addAttribute("expiring", expiries.within(me, window));
        model.addAttribute("companies", companies.companies(me));
        model.addAttribute("vehicles", vehicles.vehicles(me, null, null));
        model.addAttribute("permits", permits.permits(me, null, null));
        model.addAttribute("zones", zones.zones(me));
        model.addAttribute("drivers", drivers.drivers(me, null));
        return "muck/registry";
    }

    /** The create/edit form of a registry record (the page calls the registry API; errors appear next to fields). */
    @GetMapping("/muck/registry/{kind}/edit")
    String editPage(
            @CurrentActor StaffMember me,
            @org.springframework.web.bind.annotation.PathVariable String kind,
            @RequestParam(required = false) Long id,
            Model model) {
        if (!EDITABLE.contains(kind)) {
            throw new org.cityops.platform.NotFoundException("未知的登记类型 unknown registry kind");
        }
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("companies", companies.companies(me));
        model.addAttribute("statuses", STATUSES.get(kind));
        if ("permits".equals(kind)) {
            model.addAttribute("sites", sites.sites(me));
            model.addAttribute("disposalSites", disposalSites.disposalSites(me));
            model.addAttribute("vehicles", vehicles.vehicles(me, null, null));
        }
        if ("drivers".equals(kind)) {
            model.addAttribute(
                    "vehicleChoices",
                    vehicles.vehicles(me, null, null).stream()
                            .map(v -> new Choice(v.id(), v.plate()))
                            .toList());
        }
        return "muck/edit";
    }

    static final java.util.Map<String, List<String>> STATUSES = java.util.Map.of(
            "companies",
            List.of("ACTIVE", "SUSPENDED"),
            "vehicles",
            List.of("ACTIVE", "SUSPENDED", "RETIRED"),
            "sites",
            List.of("ACTIVE", "SUSPENDED", "FINISHED"),
            "disposal-sites",
            List.of("ACTIVE", "SUSPENDED", "CLOSED"),
            "permits",
            List.of("ACTIVE", "REVOKED"),
            "zones",
            List.of(),
            "drivers",
            List.of("ACTIVE", "SUSPENDED"));
    static final java.util.Set<String> EDITABLE =
            java.util.Set.of("companies", "vehicles", "drivers", "sites", "disposal-sites", "permits", "zones");

    /** An option of the form's {@code choice} fragment (id and the text shown). */
    public record Choice(long id, String name) {}

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
