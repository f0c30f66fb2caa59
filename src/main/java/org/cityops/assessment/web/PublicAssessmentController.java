package org.cityops.assessment.web;

import java.util.List;
import org.cityops.assessment.internal.Results;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 红黑榜: the published district rankings, public by design. Shows districts only (no people, no cases).
 */
@Controller
class PublicAssessmentController {

    private final Results results;

    PublicAssessmentController(Results results) {
        this.results = results;
    }

    /** What the public sees of one district in one published period. */
    record PublicRow(
            Integer rank, String districtCode, String districtName, Double total, String grade, Double composite) {}

    record PublicPeriod(
            long periodId,
            String scheme,
            String from,
            String to,
            String kind,
            int version,
            List<PublicRow> districts) {}

    List<PublicPeriod> published() {
        return results.published(12).stream()
                .map(p -> new PublicPeriod(
                        p.period().id(),
                        p.period().schemeCode(),
                        p.period().from().toString(),
                        p.period().to().toString(),
                        p.period().kind(),
                        p.version().version(),
                        p.districts().stream()
                                .map(r -> new PublicRow(
                                        r.rank(),
                                        r.subjectCode(),
                                        r.subjectName(),
                                        r.total(),
                                        r.grade(),
                                        r.composite()))
                                .toList()))
                .toList();
    }

    @GetMapping("/public/assessment")
    String page(Model model) {
        model.addAttribute("published", published());
        return "assessment/public";
    }

    @GetMapping("/api/v1/public/assessment")
    @ResponseBody
    List<PublicPeriod> api() {
        return published();
    }
}
