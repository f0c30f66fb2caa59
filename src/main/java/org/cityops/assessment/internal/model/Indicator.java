package org.cityops.assessment.internal.model;

import java.util.function.ToLongFunction;

/**
 * One indicator: a count, a rate (numerator ÷ denominator, undefined when the denominator is 0) or an average
 * score. Values are plain numbers; rates are fractions 0..1 (shown as percentages).
 */
public record Indicator(
        String code,
        String label,
        Kind kind,
        ToLongFunction<Counters> numerator,
        ToLongFunction<Counters> denominator) {

    public enum Kind {
        COUNT,
        RATE,
        AVERAGE
    }

    public static Indicator count(String code, String label, String counter) {
        return new Indicator(code, label, Kind.COUNT, c -> c.get(counter), c -> 1);
    }

    public static Indicator rate(
            String code, String label, ToLongFunction<Counters> num, ToLongFunction<Counters> den) {
        return new Indicator(code, label, Kind.RATE, num, den);
    }

    public static Indicator average(String code, String label, String sum, String n) {
        return new Indicator(code, label, Kind.AVERAGE, c -> c.get(sum), c -> c.get(n));
    }

    /** The value, or null when undefined (a rate or average over nothing). */
    public Double value(Counters c) {
        long num = numerator.applyAsLong(c);
        if (kind == Kind.COUNT) {
            return (double) num;
        }
        long den = denominator.applyAsLong(c);
        if (den == 0) {
            return null;
        }
        return (double) num / den;
    }

    public long numeratorOf(Counters c) {
        return numerator.applyAsLong(c);
    }

    public long denominatorOf(Counters c) {
        return denominator.applyAsLong(c);
    }
}
