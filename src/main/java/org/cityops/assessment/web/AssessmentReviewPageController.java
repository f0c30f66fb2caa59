package org.cityops.assessment.web;

import java.util.List;
import org.cityops.assessment.internal.Deductions;
import org.cityops.assessment.internal.Periods;
import org.cityops.assessment.internal.SourceScores;
import org.cityops.assessment.internal.model.Source;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The assessor's review pages of a period: appeals (申诉审核), department scores and district self-evaluations, each
 * limited to the subjects in the reader's scope.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ASSESSOR','LEADER')")
class AssessmentReviewPageController {

    private final Periods periods;
    private final Deductions deductions;
    private final SourceScores scores;

    AssessmentReviewPageController(Periods periods, Deductions deductions, SourceScores scores) {
        this.periods = periods;
        this.deductions = deductions;
        this.scores = scores;
    }

    private List<SourceScores.Score> inScope(StaffMember me, List<SourceScores.Score> all) {
        return all.stream()
                .filter(s -> SubjectScope.permits(me, s.subjectType(), s.subjectCode()))
                .toList();
    }

    @GetMapping("/assessment/periods/{id}/appeals")
    String appeals(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        Periods.Period p = periods.get(id);
        model.addAttribute("period", p);
        model.addAttribute("editable", p.status() == Periods.Status.OPEN || p.status() == Periods.Status.COMPUTED);
        model.addAttribute(
                "appeals",
                deductions.appealCases(id, null).stream()
                        .filter(c -> SubjectScope.permits(me, c.deduction()))
                        .toList());
        return "assessment/appeals";
    }

    @GetMapping("/assessment/periods/{id}/scores")
    String scores(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        Periods.Period p = periods.get(id);
        model.addAttribute("period", p);
        model.addAttribute("editable", p.status() == Periods.Status.OPEN || p.status() == Periods.Status.COMPUTED);
        model.addAttribute("selfEvaluations", inScope(me, scores.ofSource(id, Source.DISTRICT)));
        model.addAttribute("departmentScores", inScope(me, scores.ofSource(id, Source.DEPARTMENT)));
        return "assessment/scores";
    }
}
