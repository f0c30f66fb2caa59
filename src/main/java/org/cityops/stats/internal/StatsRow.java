package org.cityops.stats.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cityops.assessment.AreaRates;

/** One group of the answer: its key values (in groupBy order) and the sums of every measure. */
public record StatsRow(List<Object> keys, Map<Measure, Long> counts) {

    public long get(Measure m) {
        return counts.getOrDefault(m, 0L);
    }

    /** 结案率 / 按期结案率 by the assessment's own formulas. */
    public AreaRates.Rates rates() {
        return AreaRates.of(get(Measure.CLOSED), get(Measure.CLOSED_ON_TIME), get(Measure.OVERDUE_OPEN));
    }

    public static StatsRow sum(List<StatsRow> rows) {
        Map<Measure, Long> m = new EnumMap<>(Measure.class);
        for (StatsRow r : rows) {
            r.counts.forEach((k, v) -> m.merge(k, v, Long::sum));
        }
        return new StatsRow(List.of(), m);
    }
}
