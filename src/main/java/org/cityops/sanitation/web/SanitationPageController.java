package org.cityops.sanitation.web;

import java.time.Clock;
import java.time.LocalDate;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.ledger.Segment;
import org.cityops.sanitation.ledger.Segments;
import org.cityops.sanitation.report.CoverageReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages: the coverage map (作业覆盖图), a segment's day (路段作业详情), the rates (机械化作业覆盖率). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class SanitationPageController {

    private final Segments segments;
    private final CoverageReport report;
    private final Clock clock;

    SanitationPageController(Segments segments, CoverageReport report, Clock clock) {
        this.segments = segments;
        this.report = report;
        this.clock = clock;
    }

    @GetMapping("/sanitation/map")
    String map(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        model.addAttribute("day", day == null ? CoverageReport.today(clock) : day);
        model.addAttribute("canEdit", me.hasAny(Role.ADMIN, Role.SANITATION_SUPERVISOR));
        return "sanitation/map";
    }

    @GetMapping("/sanitation/segments/{id}")
    String segmentDay(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate d = day == null ? CoverageReport.today(clock) : day;
        Segment s = segments.get(id, me);
        model.addAttribute("segment", s);
        model.addAttribute("day", d);
        model.addAttribute(
                "status",
                report.day(d, me).stream()
                        .filter(x -> x.segmentId() == id)
                        .findFirst()
                        .orElse(null));
        model.addAttribute("passes", report.passesOf(id, d, me));
        return "sanitation/segment";
    }

    @GetMapping("/sanitation/rates")
    String rates(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate t = to == null ? CoverageReport.today(clock) : to;
        LocalDate f = from == null ? t.withDayOfMonth(1) : from;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("byDistrict", report.rates(f, t, "district", me));
        model.addAttribute("bySection", report.rates(f, t, "section", me));
        model.addAttribute("byCompany", report.rates(f, t, "company", me));
        // the monthly hand-over to the assessment (专业部门评价): last month by default, for those who may submit
        model.addAttribute(
                "submitMonth",
                java.time.YearMonth.from(CoverageReport.today(clock)).minusMonths(1));
        model.addAttribute("canSubmit", me.hasAny(Role.ADMIN, Role.SANITATION_SUPERVISOR));
        return "sanitation/rates";
    }
}
