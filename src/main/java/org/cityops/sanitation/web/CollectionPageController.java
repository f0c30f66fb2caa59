package org.cityops.sanitation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.collection.CollectionRoutes;
import org.cityops.sanitation.collection.Route;
import org.cityops.sanitation.collection.RouteDayRow;
import org.cityops.sanitation.collection.StopStatus;
import org.cityops.sanitation.report.CoverageReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages: the collection routes (垃圾收运线路) with the day's counts, and one route's day (visited / missed per stop). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class CollectionPageController {

    private final CollectionRoutes routes;
    private final Clock clock;

    CollectionPageController(CollectionRoutes routes, Clock clock) {
        this.routes = routes;
        this.clock = clock;
    }

    /** A route with its day's count per status. */
    record RouteSummary(Route route, Map<StopStatus, Long> counts, long outOfOrder) {}

    @GetMapping("/sanitation/routes")
    String list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate d = day == null ? CoverageReport.today(clock) : day;
        List<RouteSummary> summaries = routes.routes(me).stream()
                .map(r -> {
                    Map<StopStatus, Long> counts = new LinkedHashMap<>();
                    for (StopStatus s : StopStatus.values()) {
                        counts.put(s, 0L);
                    }
                    List<RouteDayRow> rows = routes.day(r.id(), d, me);
                    rows.forEach(row -> counts.merge(row.status(), 1L, Long::sum));
                    return new RouteSummary(
                            r,
                            counts,
                            rows.stream().filter(RouteDayRow::outOfOrder).count());
                })
                .toList();
        model.addAttribute("day", d);
        model.addAttribute("statuses", StopStatus.values());
        model.addAttribute("summaries", summaries);
        model.addAttribute("missed", routes.missed(d, me));
        model.addAttribute("arrivals", routes.transferArrivals(d, me));
        model.addAttribute("canEdit", me.hasAny(Role.ADMIN, Role.SANITATION_SUPERVISOR));
        return "sanitation/routes";
    }

    @GetMapping("/sanitation/routes/{id}")
    String day(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate d = day == null ? CoverageReport.today(clock) : day;
        Route r = routes.route(id, me);
        List<RouteDayRow> rows = routes.day(id, d, me);
        model.addAttribute("route", r);
        model.addAttribute("day", d);
        model.addAttribute("rows", rows);
        model.addAttribute("canEdit", me.hasAny(Role.ADMIN, Role.SANITATION_SUPERVISOR));
        return "sanitation/route";
    }
}
