package org.cityops.assessment.internal.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The configurable part of the composite (综合指标值): terms with weights and scoring methods per subject type,
 * band tables for counts, grade thresholds and the counting options. Defaults follow the reference page
 * (all of them 🔶/❓ there, hence configurable per scheme).
 */
public record ScoringConfig(Map<SubjectType, List<Term>> composite, Grades grades, Indicators.Options options) {

    /** RATE: value×100; INVERSE_RATE: (1−value)×100; BAND: the score of the first band whose upTo ≥ value. */
    public enum Method {
        RATE,
        INVERSE_RATE,
        BAND,
        SCORE
    }

    /** @param upTo inclusive upper bound of the band, null = no bound */
    public record Band(Long upTo, double score) {}

    public record Term(String indicator, double weight, Method method, List<Band> bands) {
        public Term {
            bands = bands == null ? List.of() : List.copyOf(bands);
        }
    }

    /** Lower bounds (inclusive) of grades A, B, C, D; below D is E. */
    public record Grades(double a, double b, double c, double d) {
        public String of(Double score) {
            if (score == null) {
                return null;
            }
            if (score >= a) {
                return "A";
            }
            if (score >= b) {
                return "B";
            }
            if (score >= c) {
                return "C";
            }
            return score >= d ? "D" : "E";
        }
    }

    public static ScoringConfig defaults() {
        Map<SubjectType, List<Term>> m = new EnumMap<>(SubjectType.class);
        List<Band> fewerBetterDept = List.of(
                new Band(50L, 100),
                new Band(100L, 90),
                new Band(200L, 75),
                new Band(500L, 60),
                new Band(1000L, 40),
                new Band(null, 0));
        List<Band> moreBetter = List.of(
                new Band(100L, 0),
                new Band(300L, 40),
                new Band(500L, 60),
                new Band(1200L, 75),
                new Band(2000L, 90),
                new Band(null, 100));
        m.put(
                SubjectType.INSPECTOR,
                List.of(
                        new Term("validReportRate", 40, Method.RATE, null),
                        new Term("missedRate", 20, Method.INVERSE_RATE, null),
                        new Term("verifyOnTimeRate", 20, Method.RATE, null),
                        new Term("checkOnTimeRate", 20, Method.RATE, null)));
        m.put(
                SubjectType.OPERATOR,
                List.of(
                        new Term("accepted", 25, Method.BAND, moreBetter),
                        new Term("verifyDispatchOnTimeRate", 40, Method.RATE, null),
                        new Term("checkDispatchOnTimeRate", 35, Method.RATE, null)));
        m.put(
                SubjectType.SHIFT_LEADER,
                List.of(
                        new Term("fileOnTimeRate", 25, Method.RATE, null),
                        new Term("fileAccuracyRate", 40, Method.RATE, null),
                        new Term("closeOnTimeRate", 35, Method.RATE, null)));
        m.put(
                SubjectType.DISPATCHER,
                List.of(
                        new Term("dispatched", 20, Method.BAND, moreBetter),
                        new Term("dispatchOnTimeRate", 40, Method.RATE, null),
                        new Term("dispatchAccuracyRate", 40, Method.RATE, null)));
        m.put(
                SubjectType.DEPARTMENT,
                List.of(
                        new Term("assigned", 10, Method.BAND, fewerBetterDept),
                        new Term("closeRate", 30, Method.RATE, null),
                        new Term("handleByDeadlineRate", 30, Method.RATE, null),
                        new Term("reworkRate", 30, Method.INVERSE_RATE, null)));
        m.put(SubjectType.GRID, area(1));
        m.put(SubjectType.COMMUNITY, area(10));
        m.put(SubjectType.STREET, area(50));
        m.put(SubjectType.DISTRICT, area(500));
        return new ScoringConfig(m, new Grades(90, 75, 60, 40), Indicators.Options.defaults());
    }

    /** Area terms; the 立案数 bands are the reference's 一类区域 grid bands times {@code scale} (placeholder above grids). */
    private static List<Term> area(long scale) {
        List<Band> bands = new ArrayList<>();
        bands.add(new Band(0L, 100));
        bands.add(new Band(2 * scale, 90));
        bands.add(new Band(4 * scale, 75));
        bands.add(new Band(6 * scale, 60));
        bands.add(new Band(8 * scale, 40));
        bands.add(new Band(null, 0));
        return List.of(
                new Term("publicReportRate", 10, Method.INVERSE_RATE, null),
                new Term("filedNet", 20, Method.BAND, bands),
                new Term("closeRate", 30, Method.RATE, null),
                new Term("closeByDeadlineRate", 40, Method.RATE, null));
    }

    /** Checks weights (each subject type's terms sum to 100), known indicators and ordered bands. */
    public void validate() {
        if (composite == null || grades == null || options == null) {
            throw new org.cityops.platform.InvalidInputException("评分配置不完整 scoring config incomplete", "scoring");
        }
        if (!(grades.a() > grades.b() && grades.b() > grades.c() && grades.c() > grades.d())) {
            throw new org.cityops.platform.InvalidInputException(
                    "等级阈值必须递减 grade thresholds must decrease (A>B>C>D)", "scoring.grades");
        }
        for (var e : composite.entrySet()) {
            double sum = 0;
            for (Term t : e.getValue()) {
                if (Indicators.find(e.getKey(), options, t.indicator()).isEmpty()) {
                    throw new org.cityops.platform.InvalidInputException(
                            "未知指标 unknown indicator " + t.indicator() + " for " + e.getKey(), "scoring.composite");
                }
                if (t.weight() < 0) {
                    throw new org.cityops.platform.InvalidInputException("权重不能为负 negative weight", "scoring.composite");
                }
                if (t.method() == Method.BAND
                        && (t.bands().isEmpty()
                                || t.bands().get(t.bands().size() - 1).upTo() != null)) {
                    throw new org.cityops.platform.InvalidInputException(
                            "分档表必须以无上限档结束 band table must end with an open band", "scoring.composite");
                }
                sum += t.weight();
            }
            if (Math.abs(sum - 100) > 1e-6) {
                throw new org.cityops.platform.InvalidInputException(
                        "权重合计必须为 100 weights of " + e.getKey() + " sum to " + sum + ", not 100", "scoring.composite");
            }
        }
    }
}
