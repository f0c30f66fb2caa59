package org.cityops.sanitation.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.attendance.Shifts;
import org.cityops.sanitation.attendance.WorkerPosts;
import org.cityops.sanitation.attendance.Workers;
import org.cityops.sanitation.collection.CollectionRoutes;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.WorkPlan;
import org.cityops.sanitation.ledger.Segment;
import org.cityops.sanitation.ledger.Segments;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The registers page (环卫台账): every register's records in the caller's area, one section each. */
@Component
class RegisterOverview {

    static final String PAGE = "sanitation/registers";

    private final Segments segments;
    private final WorkerPosts posts;
    private final Shifts shifts;
    private final Workers workers;
    private final Fleet fleet;
    private final CollectionRoutes routes;
    private final CallerDistricts districts;

    RegisterOverview(
            Segments segments,
            WorkerPosts posts,
            Shifts shifts,
            Workers workers,
            Fleet fleet,
            CollectionRoutes routes,
            CallerDistricts districts) {
        this.segments = segments;
        this.posts = posts;
        this.shifts = shifts;
        this.workers = workers;
        this.fleet = fleet;
        this.routes = routes;
        this.districts = districts;
    }

    /** Fills the page's model; returns the page's view. */
    String show(StaffMember me, Model model) {
        model.addAttribute("segments", segments.list(me));
        model.addAttribute("posts", posts.posts(me));
        model.addAttribute("shifts", shifts.shifts());
        model.addAttribute("shiftWorkers", workers.countsByShift(me));
        model.addAttribute("workers", workers.workers(me));
        model.addAttribute("vehicles", fleet.vehicles(me));
        model.addAttribute("plans", visiblePlans(me));
        model.addAttribute("points", routes.points(me));
        model.addAttribute("districts", districts.names(me));
        return PAGE;
    }

    /** The plans whose segments are all in the caller's area. */
    private List<WorkPlan> visiblePlans(StaffMember me) {
        Set<Long> mine = new HashSet<>();
        for (Segment s : segments.list(me)) {
            mine.add(s.id());
        }
        return fleet.plans().stream()
                .filter(p -> mine.containsAll(p.segmentIds()))
                .toList();
    }
}
