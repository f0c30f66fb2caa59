package org.cityops.assessment.web;

import org.springframework.stereotype.Component;

/** Formats numbers for the assessment pages: "—" for undefined, rates as percentages. */
@Component("asmFmt")
public class AssessmentFormat {

    public String value(Double v, String kind) {
        if (v == null) {
            return "—";
        }
        if ("RATE".equals(kind)) {
            return String.format("%.2f%%", v * 100);
        }
        if ("COUNT".equals(kind)) {
            return String.valueOf(Math.round(v));
        }
        return String.format("%.2f", v);
    }

    public String score(Double v) {
        return v == null ? "—" : String.format("%.2f", v);
    }

    public String gradeClass(String grade) {
        if (grade == null) {
            return "badge";
        }
        return switch (grade) {
            case "A", "B" -> "badge ok";
            case "C" -> "badge warn";
            default -> "badge bad";
        };
    }
}
