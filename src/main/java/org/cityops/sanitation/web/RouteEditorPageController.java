package org.cityops.sanitation.web;

import java.util.ArrayList;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.sanitation.collection.CollectionRoutes;
import org.cityops.sanitation.collection.Route;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.VehicleType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The route editor (收运线路编辑) for the supervisor: a route's name, its 垃圾收运车 and the ordered stops with their
 * time windows; saved whole through {@link CollectionRoutes} (all or nothing; a refusal shows the form again with
 * what was entered and the field named).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
class RouteEditorPageController {

    private final CollectionRoutes routes;
    private final Fleet fleet;

    RouteEditorPageController(CollectionRoutes routes, Fleet fleet) {
        this.routes = routes;
        this.fleet = fleet;
    }

    /** A row of the form. */
    record StopRow(Long pointId, String from, String to) {}

    @GetMapping("/sanitation/routes/new")
    String create(@CurrentActor StaffMember me, Model model) {
        return form(me, model, null, "", "", List.of(new StopRow(null, "06:00", "06:30")), null, null);
    }

    @GetMapping("/sanitation/routes/{id}/edit")
    String edit(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        Route r = routes.route(id, me);
        List<StopRow> rows = r.stops().stream()
                .map(s -> new StopRow(s.pointId(), s.from(), s.to()))
                .toList();
        return form(me, model, r.id(), r.name(), r.terminal(), rows, null, null);
    }

    @PostMapping("/sanitation/routes/save")
    String save(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String terminal,
            @RequestParam(name = "pointId", required = false) List<String> pointIds,
            @RequestParam(name = "from", required = false) List<String> froms,
            @RequestParam(name = "to", required = false) List<String> tos,
            Model model) {
        List<StopRow> rows = new ArrayList<>();
        int n = pointIds == null ? 0 : pointIds.size();
        for (int i = 0; i < n; i++) {
            rows.add(new StopRow(
                    parse(pointIds.get(i)),
                    froms != null && i < froms.size() ? froms.get(i) : "",
                    tos != null && i < tos.size() ? tos.get(i) : ""));
        }
        try {
            List<CollectionRoutes.StopDraft> stops = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                StopRow r = rows.get(i);
                if (r.pointId() == null) {
                    throw new InvalidInputException("请选择收集点 choose a point", "stops[" + i + "].pointId");
                }
                stops.add(new CollectionRoutes.StopDraft(r.pointId(), r.from(), r.to()));
            }
            Route saved = id == null
                    ? routes.createRoute(name, terminal, stops, me)
                    : routes.updateRoute(id, name, terminal, stops, me);
            return "redirect:/sanitation/routes/" + saved.id();
        } catch (InvalidInputException e) {
            return form(me, model, id, name, terminal, rows, e.getMessage(), e.field());
        }
    }

    private static Long parse(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String form(
            StaffMember me,
            Model model,
            Long id,
            String name,
            String terminal,
            List<StopRow> rows,
            String error,
            String field) {
        var scope = ScopeRule.filter(me, RecordKind.AREA);
        model.addAttribute("id", id);
        model.addAttribute("name", name);
        model.addAttribute("terminal", terminal);
        model.addAttribute("rows", rows.isEmpty() ? List.of(new StopRow(null, "", "")) : rows);
        model.addAttribute("points", routes.points(me));
        model.addAttribute(
                "vehicles",
                fleet.inService().stream()
                        .filter(v -> v.type() == VehicleType.COLLECTOR)
                        .filter(v -> scope.matches(v.districtCode(), null, null))
                        .toList());
        model.addAttribute("error", error);
        model.addAttribute("errorField", field);
        return "sanitation/route-edit";
    }
}
