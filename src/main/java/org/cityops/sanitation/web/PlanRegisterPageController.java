package org.cityops.sanitation.web;

import java.util.List;
import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.WorkPlan;
import org.cityops.sanitation.ledger.Segments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** 作业计划 on the registers pages: passes a day, the time windows, the speed band and the segments it covers. */
@Controller
@RequestMapping("/sanitation/registers/plans")
class PlanRegisterPageController extends RegisterPage {

    private final Fleet fleet;
    private final Segments segments;

    PlanRegisterPageController(Fleet fleet, Segments segments) {
        super("plans");
        this.fleet = fleet;
        this.segments = segments;
    }

    @Override
    void defaults(Map<String, Object> f) {
        f.put("passesPerDay", "1");
        f.put("windows", "05:00-11:00;13:00-19:00");
        f.put("minSpeedKmh", "3");
        f.put("maxSpeedKmh", "15");
        f.put("active", "true");
    }

    @Override
    void fill(long id, StaffMember me, Map<String, Object> f) {
        WorkPlan p = fleet.plan(id, me);
        f.put("name", p.name());
        f.put("passesPerDay", String.valueOf(p.passesPerDay()));
        f.put("windows", p.windows());
        f.put("minSpeedKmh", plain(p.minSpeedKmh()));
        f.put("maxSpeedKmh", plain(p.maxSpeedKmh()));
        f.put("active", String.valueOf(p.active()));
        f.put("segmentIds", p.segmentIds().stream().map(String::valueOf).toList());
    }

    @Override
    long save(Long id, RegisterForm form, StaffMember me) {
        int passes = (int) form.number("passesPerDay", "每日遍数须为整数 passes per day must be a whole number");
        double min = form.decimal("minSpeedKmh");
        double max = form.decimal("maxSpeedKmh");
        List<Long> segs = form.ids("segmentIds");
        String name = form.text("name");
        String windows = form.text("windows");
        return id == null
                ? fleet.createPlan(name, passes, windows, min, max, segs, me).id()
                : fleet.updatePlan(id, name, passes, windows, min, max, form.checked("active"), segs, me)
                        .id();
    }

    @Override
    void choices(StaffMember me, Model model) {
        model.addAttribute("segments", segments.list(me));
    }
}
