package org.cityops.enforcement.construction;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cityops.assessment.CaseDeductionCounts;
import org.cityops.cases.CategoryCaseCounts;

/**
 * The 12319 违建 roll-up (the seed's "4,989 dispatched, 21 with deductions" shape), per district and month: the
 * cases side (派遣, 结案, 督办 and still open under it), the assessment deductions they carry, and the enforcement
 * side (违建 cases transferred from 12319, those concluded, structures demolished). No Spring: {@link #merge} joins
 * the three sources' rows by (month, district) and adds a 合计 row per month and one for the year.
 */
public final class ConstructionRollup {

    private ConstructionRollup() {}

    /**
     * One district in one month; {@code district} null is a total ({@code month} null: the year's total).
     *
     * @param transferred 违建 enforcement cases opened from a 12319 case (案件移送) in the month
     * @param concluded   of those, ended in the month (结案, 不予处罚, 撤案, 移送)
     * @param demolished  illegal structures recorded 已拆除 in the month (any source)
     */
    public record Row(
            String district,
            YearMonth month,
            long dispatched,
            long closed,
            long supervised,
            long supervisedOpen,
            long deductedCases,
            BigDecimal deductedPoints,
            long transferred,
            long concluded,
            long demolished) {

        static Row empty(String district, YearMonth month) {
            return new Row(district, month, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0);
        }

        Row plus(Row o) {
            return new Row(
                    district,
                    month,
                    dispatched + o.dispatched,
                    closed + o.closed,
                    supervised + o.supervised,
                    supervisedOpen + o.supervisedOpen,
                    deductedCases + o.deductedCases,
                    deductedPoints.add(o.deductedPoints),
                    transferred + o.transferred,
                    concluded + o.concluded,
                    demolished + o.demolished);
        }

        public boolean total() {
            return district == null;
        }
    }

    /** An enforcement-side count: one district, one month. */
    public record EnforcementCounts(
            String district, YearMonth month, long transferred, long concluded, long demolished) {}

    private record Key(YearMonth month, String district) {}

    /**
     * Rows ordered by month then district, each month followed by its 合计 (district null), and last the year's
     * 合计 (district and month null). Empty when no source has a figure.
     */
    public static List<Row> merge(
            List<CategoryCaseCounts.DistrictMonth> cases,
            List<CaseDeductionCounts.DistrictMonth> deductions,
            List<EnforcementCounts> enforcement) {
        Map<Key, Row> rows = new TreeMap<>(Comparator.comparing(Key::month).thenComparing(Key::district));
        for (CategoryCaseCounts.DistrictMonth c : cases) {
            add(
                    rows,
                    c.districtCode(),
                    c.month(),
                    new Row(
                            null,
                            null,
                            c.dispatched(),
                            c.closed(),
                            c.supervised(),
                            c.supervisedOpen(),
                            0,
                            BigDecimal.ZERO,
                            0,
                            0,
                            0));
        }
        for (CaseDeductionCounts.DistrictMonth d : deductions) {
            add(rows, d.districtCode(), d.month(), new Row(null, null, 0, 0, 0, 0, d.cases(), d.points(), 0, 0, 0));
        }
        for (EnforcementCounts e : enforcement) {
            add(
                    rows,
                    e.district(),
                    e.month(),
                    new Row(
                            null,
                            null,
                            0,
                            0,
                            0,
                            0,
                            0,
                            BigDecimal.ZERO,
                            e.transferred(),
                            e.concluded(),
                            e.demolished()));
        }
        List<Row> out = new ArrayList<>();
        Row year = Row.empty(null, null);
        Row monthTotal = null;
        for (Row r : rows.values()) {
            if (monthTotal != null && !monthTotal.month().equals(r.month())) {
                out.add(monthTotal);
                monthTotal = null;
            }
            if (monthTotal == null) {
                monthTotal = Row.empty(null, r.month());
            }
            out.add(r);
            monthTotal = monthTotal.plus(r);
            year = year.plus(r);
        }
        if (monthTotal != null) {
            out.add(monthTotal);
            out.add(year);
        }
        return out;
    }

    private static void add(Map<Key, Row> rows, String district, YearMonth month, Row figures) {
        String d = district == null ? "" : district;
        rows.merge(new Key(month, d), Row.empty(d, month).plus(figures), Row::plus);
    }
}
