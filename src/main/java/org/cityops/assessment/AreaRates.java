package org.cityops.assessment;

import java.util.Map;
import org.cityops.assessment.internal.model.C;
import org.cityops.assessment.internal.model.Counters;
import org.cityops.assessment.internal.model.Indicators;
import org.cityops.assessment.internal.model.SubjectType;

/**
 * The area indicators' rates (结案率, 按期结案率) as the assessment computes them, for other modules that count
 * cases themselves (the statistics, the wallboard): the same formulas, so a number on the wall and in the 考核
 * report never disagree. 应结案数 = closed + went overdue and not closed since (docs/assessment.md).
 */
public final class AreaRates {

    private AreaRates() {}

    /**
     * @return {@code closeRate} (结案率) and {@code closeByDeadlineRate} (按期结案率), fractions 0..1, null when
     *     nothing should have been closed
     */
    public static Rates of(long closed, long closedByDeadline, long overdueOpen) {
        Counters c = new Counters();
        c.add(C.CLOSED, closed);
        c.add(C.CLOSED_BY_DEADLINE, closedByDeadline);
        c.add(C.OVERDUE_OPEN, overdueOpen);
        c.add(C.SHOULD_CLOSE, closed + overdueOpen);
        Map<String, Double> v = Indicators.values(SubjectType.DISTRICT, Indicators.Options.defaults(), c);
        return new Rates(closed + overdueOpen, v.get("closeRate"), v.get("closeByDeadlineRate"));
    }

    /** 应结案数, 结案率, 按期结案率 (rates null when 应结案数 is 0). */
    public record Rates(long shouldClose, Double closeRate, Double closeByDeadlineRate) {}
}
