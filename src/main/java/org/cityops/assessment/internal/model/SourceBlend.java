package org.cityops.assessment.internal.model;

import java.util.Map;

/**
 * The total score: Σ weight(source) × score(source) ÷ Σ weight over the sources that have a score for the
 * subject (a source without a score is left out and the weights renormalised, as for undefined indicators).
 */
public final class SourceBlend {

    private SourceBlend() {}

    public static Double total(Map<Source, Double> weights, Map<Source, Double> scores) {
        double sum = 0;
        double w = 0;
        for (var e : scores.entrySet()) {
            Double weight = weights.get(e.getKey());
            if (e.getValue() != null && weight != null && weight > 0) {
                sum += weight * e.getValue();
                w += weight;
            }
        }
        return w == 0 ? null : Composite.round2(sum / w);
    }

    /** 监督考核评价 = composite − deductions, not below 0; undefined when the composite is. */
    public static Double supervision(Double composite, double deductions) {
        return composite == null ? null : Composite.round2(Math.max(0, composite - deductions));
    }
}
