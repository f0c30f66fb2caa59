package org.cityops.assessment.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 综合指标值: Σ weight × term score ÷ Σ weight over the terms whose indicator is defined. An undefined rate
 * (denominator 0) is left out and the remaining weights are renormalised; with no defined term the composite is
 * undefined. Term scores are clamped to 0..100.
 */
public final class Composite {

    public record TermScore(String indicator, double weight, Double score) {}

    public record Result(Double value, List<TermScore> terms) {}

    private Composite() {}

    public static Result of(List<ScoringConfig.Term> terms, Map<String, Double> values) {
        List<TermScore> scored = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (ScoringConfig.Term t : terms) {
            Double score = termScore(t, values.get(t.indicator()));
            scored.add(new TermScore(t.indicator(), t.weight(), score));
            if (score != null) {
                weighted += t.weight() * score;
                weights += t.weight();
            }
        }
        Double value = weights == 0 ? null : round2(weighted / weights);
        return new Result(value, scored);
    }

    public static Double termScore(ScoringConfig.Term t, Double value) {
        if (value == null) {
            return null;
        }
        double s = switch (t.method()) {
            case RATE -> value * 100;
            case INVERSE_RATE -> (1 - value) * 100;
            case SCORE -> value;
            case BAND -> band(t.bands(), value);
        };
        return Math.max(0, Math.min(100, s));
    }

    static double band(List<ScoringConfig.Band> bands, double value) {
        for (ScoringConfig.Band b : bands) {
            if (b.upTo() == null || value <= b.upTo()) {
                return b.score();
            }
        }
        return 0;
    }

    public static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
