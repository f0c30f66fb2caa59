package org.cityops.muck.web;

import java.time.Instant;
import java.time.LocalDate;
import org.cityops.muck.alarm.AlarmQueries;
import org.cityops.muck.alarm.AlarmQueries.Filter;
import org.cityops.muck.alarm.CaseRules;
import org.cityops.muck.engine.AlarmType;
import org.cityops.muck.registry.Vehicles;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervision console (渣土监管指挥): live map, alarms, track playback, statistics. The registry's pages
 * (sites, registry, edit forms) are {@link RegistryPageController}'s; both get the map settings from
 * {@link MuckMapModel}.
 */
@Controller
@PreAuthorize(MuckRoles.SUPERVISORS)
class MuckPageController {

    private static final int PAGE = 50;
    private final AlarmQueries alarms;
    private final Vehicles vehicles;
    private final CaseRules rules;

    MuckPageController(AlarmQueries alarms, Vehicles vehicles, CaseRules rules) {
        this.alarms = alarms;
        this.vehicles = vehicles;
        this.rules = rules;
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping("/muck/map")
    String liveMap(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("supervisor", supervisor(me));
        return "muck/map";
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping("/muck/alarms")
    String alarmList(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) LocalDate fromDate,
            @RequestParam(required = false) LocalDate toDate,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("supervisor", supervisor(me));
        String t = blank(type);
        String s = blank(status);
        String p = blank(plate);
        Instant from =
                fromDate == null ? null : fromDate.atStartOfDay(CityClock.ZONE).toInstant();
        Instant to = toDate == null
                ? null
                : toDate.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant();
        int pg = Math.max(0, Math.min(page, 100_000));
        try {
            var result = alarms.find(me, new Filter(t, s, from, to, p, null, null, null), pg, PAGE);
            model.addAttribute("result", result);
            model.addAttribute("lastPage", Math.max(0, (result.total() - 1) / PAGE));
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("lastPage", 0);
        }
        model.addAttribute("types", AlarmType.values());
        model.addAttribute("rules", rules.all());
        model.addAttribute("type", t);
        model.addAttribute("status", s);
        model.addAttribute("plate", p);
        model.addAttribute("fromDate", fromDate);
        model.addAttribute("toDate", toDate);
        model.addAttribute("page", pg);
        return "muck/alarms";
    }

    @GetMapping("/muck/track")
    String track(@CurrentActor StaffMember me, @RequestParam(required = false) Long vehicle, Model model) {
        model.addAttribute("vehicles", vehicles.vehicles(me, null, null));
        model.addAttribute("vehicle", vehicle);
        return "muck/track";
    }

    @GetMapping("/muck/stats")
    String stats() {
        return "muck/stats";
    }

    /** May act on alarms and open the registry (a leader only reads). */
    private static boolean supervisor(StaffMember me) {
        return me.hasAny(Role.ADMIN, Role.MUCK_SUPERVISOR);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
