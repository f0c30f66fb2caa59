package org.cityops.assessment.web;

import java.util.ArrayList;
import java.util.List;
import org.cityops.assessment.internal.Deductions;
import org.cityops.assessment.internal.Periods;
import org.cityops.assessment.internal.Results;
import org.cityops.assessment.internal.Schemes;
import org.cityops.assessment.internal.model.Indicator;
import org.cityops.assessment.internal.model.Indicators;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff pages: periods, ranking with drill-down, the facts of a case. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ASSESSOR','LEADER')")
class AssessmentPageController {

    private final Periods periods;
    private final Schemes schemes;
    private final Results results;
    private final Deductions deductions;

    AssessmentPageController(Periods periods, Schemes schemes, Results results, Deductions deductions) {
        this.periods = periods;
        this.schemes = schemes;
        this.results = results;
        this.deductions = deductions;
    }

    @GetMapping("/assessment")
    String list(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("periods", periods.list());
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("canEditSchemes", me.hasAny(org.cityops.org.Role.ADMIN, org.cityops.org.Role.ASSESSOR));
        return "assessment/periods";
    }

    /** One column of the ranking table. */
    record Column(String code, String label, String kind) {}

    @GetMapping("/assessment/periods/{id}")
    String period(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(defaultValue = "DISTRICT") String type,
            @RequestParam(required = false) Integer version,
            Model model) {
        Periods.Period p = periods.get(id);
        SubjectType t = AssessmentApiController.type(type);
        model.addAttribute("period", p);
        model.addAttribute("type", t);
        model.addAttribute("types", SubjectType.values());
        model.addAttribute("versions", results.versions(id));
        if (p.currentVersion() > 0) {
            Results.Version v = results.version(id, version);
            model.addAttribute("version", v);
            model.addAttribute(
                    "rows",
                    results.results(v.id(), t).stream()
                            .filter(r -> SubjectScope.permits(me, t, r.subjectCode()))
                            .toList());
            var options = schemes.byId(p.schemeId()).scoring().options();
            List<Column> cols = new ArrayList<>();
            for (Indicator i : Indicators.of(t, options)) {
                cols.add(new Column(i.code(), i.label(), i.kind().name()));
            }
            model.addAttribute("columns", cols);
        }
        return "assessment/period";
    }

    @GetMapping("/assessment/periods/{id}/drill")
    String drill(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String type,
            @RequestParam String code,
            @RequestParam String indicator,
            @RequestParam(required = false) Integer version,
            Model model) {
        SubjectScope.require(me, AssessmentApiController.type(type), code);
        model.addAttribute("period", periods.get(id));
        model.addAttribute("drill", results.drill(id, version, AssessmentApiController.type(type), code, indicator));
        model.addAttribute("version", results.version(id, version));
        return "assessment/drill";
    }

    @GetMapping("/assessment/periods/{id}/deductions")
    String deductions(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String type,
            @RequestParam String code,
            @RequestParam(required = false) Integer version,
            Model model) {
        SubjectScope.require(me, AssessmentApiController.type(type), code);
        Results.Version v = results.version(id, version);
        model.addAttribute("period", periods.get(id));
        model.addAttribute("version", v);
        model.addAttribute("type", type);
        model.addAttribute("code", code);
        model.addAttribute(
                "deductions",
                deductions.ofSubject(
                        id, v.id(), AssessmentApiController.type(type).name(), code));
        return "assessment/deductions";
    }

    /** 趋势: a subject's composite, total and rank over the last N periods of the period's scheme. */
    @GetMapping("/assessment/periods/{id}/trend")
    String trend(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String type,
            @RequestParam String code,
            @RequestParam(defaultValue = "12") int periods,
            Model model) {
        SubjectType t = AssessmentApiController.type(type);
        SubjectScope.require(me, t, code);
        Periods.Period p = this.periods.get(id);
        var points = results.trend(p.schemeCode(), t, code, p.from(), periods);
        model.addAttribute("period", p);
        model.addAttribute("type", t);
        model.addAttribute("code", code);
        model.addAttribute("last", periods);
        model.addAttribute("points", points);
        model.addAttribute("name", subjectName(p, t, code));
        return "assessment/trend";
    }

    private String subjectName(Periods.Period p, SubjectType t, String code) {
        if (p.currentVersion() == 0) {
            return code;
        }
        return results.results(results.version(p.id(), null).id(), t).stream()
                .filter(r -> r.subjectCode().equals(code))
                .map(Results.SubjectResult::subjectName)
                .findFirst()
                .orElse(code);
    }

    @GetMapping("/assessment/cases/{caseId}")
    String caseFacts(@CurrentActor StaffMember me, @PathVariable long caseId, Model model) {
        var steps = results.caseSteps(caseId);
        if (steps.isEmpty()) {
            throw new NotFoundException("没有该案件的记录 no facts for this case");
        }
        SubjectScope.requireCase(me, steps);
        model.addAttribute("caseId", caseId);
        model.addAttribute("steps", steps);
        return "assessment/case";
    }
}
