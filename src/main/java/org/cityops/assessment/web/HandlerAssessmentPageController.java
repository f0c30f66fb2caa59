package org.cityops.assessment.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.assessment.internal.Deductions;
import org.cityops.assessment.internal.Periods;
import org.cityops.assessment.internal.Results;
import org.cityops.assessment.internal.SourceScores;
import org.cityops.assessment.internal.model.Source;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages of a department or district bureau (HANDLER): 我的扣分与申诉, 专业部门评价 entry, 区级自评. Each shows
 * only what belongs to the caller's own department (and its district, for a district bureau).
 */
@Controller
@PreAuthorize("hasRole('HANDLER')")
class HandlerAssessmentPageController {

    private final Periods periods;
    private final Results results;
    private final Deductions deductions;
    private final SourceScores scores;
    private final OrgDirectory org;

    HandlerAssessmentPageController(
            Periods periods, Results results, Deductions deductions, SourceScores scores, OrgDirectory org) {
        this.periods = periods;
        this.results = results;
        this.deductions = deductions;
        this.scores = scores;
        this.org = org;
    }

    /** Adds the period list and the chosen period (default: the latest) to the model; null when none exist. */
    private Periods.Period choose(StaffMember me, Long periodId, Model model) {
        List<Periods.Period> all = periods.list();
        model.addAttribute("periods", all);
        model.addAttribute("me", me);
        model.addAttribute(
                "district",
                me.departmentCode() != null && me.departmentCode().startsWith("QCGJ-")
                        ? me.departmentCode().substring(5)
                        : null);
        if (all.isEmpty()) {
            return null;
        }
        Periods.Period p = periodId == null ? all.get(0) : periods.get(periodId);
        model.addAttribute("period", p);
        model.addAttribute("editable", p.status() == Periods.Status.OPEN || p.status() == Periods.Status.COMPUTED);
        return p;
    }

    @GetMapping("/assessment/my")
    String deductions(@CurrentActor StaffMember me, @RequestParam(required = false) Long period, Model model) {
        Periods.Period p = choose(me, period, model);
        if (p != null) {
            Long version = p.currentVersion() == 0
                    ? null
                    : results.version(p.id(), null).id();
            model.addAttribute("deductions", deductions.ofUnit(p.id(), version, me));
            List<Deductions.AppealCase> appeals = deductions.appealCases(p.id(), me);
            Map<Long, Deductions.AppealCase> latest = new HashMap<>();
            for (Deductions.AppealCase a : appeals) {
                latest.putIfAbsent(a.deduction().id(), a);
            }
            model.addAttribute("appeals", appeals);
            model.addAttribute("latestAppeal", latest);
        }
        return "assessment/my-deductions";
    }

    @GetMapping("/assessment/my/scores")
    String departmentScores(@CurrentActor StaffMember me, @RequestParam(required = false) Long period, Model model) {
        Periods.Period p = choose(me, period, model);
        model.addAttribute(
                "items",
                deductions.items().stream().filter(Deductions.Item::active).toList());
        model.addAttribute("districts", org.unitsOfKind(OrgUnitKind.DISTRICT));
        model.addAttribute(
                "departments",
                org.departments().stream()
                        .filter(d -> !d.code().equals(me.departmentCode()))
                        .toList());
        if (p != null && me.departmentCode() != null) {
            model.addAttribute(
                    "entries",
                    scores.enteredBy(p.id(), me.departmentCode()).stream()
                            .filter(s -> Source.DEPARTMENT.name().equals(s.source()))
                            .toList());
        }
        return "assessment/my-scores";
    }

    @GetMapping("/assessment/my/self")
    String selfEvaluation(@CurrentActor StaffMember me, @RequestParam(required = false) Long period, Model model) {
        Periods.Period p = choose(me, period, model);
        if (p != null && me.departmentCode() != null) {
            model.addAttribute(
                    "entries",
                    scores.enteredBy(p.id(), me.departmentCode()).stream()
                            .filter(s -> Source.DISTRICT.name().equals(s.source()))
                            .toList());
        }
        return "assessment/my-self";
    }
}
