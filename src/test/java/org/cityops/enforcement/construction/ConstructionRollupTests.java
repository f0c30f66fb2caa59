package org.cityops.enforcement.construction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.cityops.assessment.CaseDeductionCounts;
import org.cityops.cases.CategoryCaseCounts;
import org.junit.jupiter.api.Test;

/** The 12319 违建 roll-up joins the cases, the deductions and the enforcement side by district and month. */
class ConstructionRollupTests {

    static final String WUJIN = "320412";
    static final String TIANNING = "320402";
    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth APRIL = YearMonth.of(2026, 4);

    @Test
    void the_seed_shape_4989_dispatched_and_21_with_deductions_adds_up_per_month_and_for_the_year() {
        List<ConstructionRollup.Row> rows = ConstructionRollup.merge(
                List.of(
                        new CategoryCaseCounts.DistrictMonth(WUJIN, MARCH, 2500, 2400, 1, 1),
                        new CategoryCaseCounts.DistrictMonth(TIANNING, MARCH, 2489, 2480, 1, 1)),
                List.of(
                        new CaseDeductionCounts.DistrictMonth(WUJIN, MARCH, 12, new BigDecimal("24.00")),
                        new CaseDeductionCounts.DistrictMonth(TIANNING, MARCH, 9, new BigDecimal("18.00"))),
                List.of(new ConstructionRollup.EnforcementCounts(WUJIN, MARCH, 16, 14, 3)));

        assertThat(rows).hasSize(4); // 天宁, 武进, March's 合计, the year's 合计
        ConstructionRollup.Row march = rows.get(2);
        assertThat(march.total()).isTrue();
        assertThat(march.month()).isEqualTo(MARCH);
        assertThat(march.dispatched()).isEqualTo(4989);
        assertThat(march.deductedCases()).isEqualTo(21);
        assertThat(march.deductedPoints()).isEqualByComparingTo("42");
        assertThat(march.supervised()).isEqualTo(2);
        assertThat(march.supervisedOpen()).isEqualTo(2);
        assertThat(march.transferred()).isEqualTo(16);
        assertThat(march.concluded()).isEqualTo(14);
        ConstructionRollup.Row year = rows.get(3);
        assertThat(year.month()).isNull();
        assertThat(year.district()).isNull();
        assertThat(year.dispatched()).isEqualTo(4989);
        assertThat(year.closed()).isEqualTo(4880);
    }

    @Test
    void a_district_with_figures_from_several_sources_in_one_month_is_one_row() {
        List<ConstructionRollup.Row> rows = ConstructionRollup.merge(
                List.of(new CategoryCaseCounts.DistrictMonth(WUJIN, MARCH, 5, 3, 1, 0)),
                List.of(new CaseDeductionCounts.DistrictMonth(WUJIN, MARCH, 2, new BigDecimal("4.5"))),
                List.of(new ConstructionRollup.EnforcementCounts(WUJIN, MARCH, 1, 1, 2)));

        ConstructionRollup.Row wujin = rows.get(0);
        assertThat(wujin.district()).isEqualTo(WUJIN);
        assertThat(List.of(
                        wujin.dispatched(),
                        wujin.closed(),
                        wujin.supervised(),
                        wujin.supervisedOpen(),
                        wujin.deductedCases(),
                        wujin.transferred(),
                        wujin.concluded(),
                        wujin.demolished()))
                .containsExactly(5L, 3L, 1L, 0L, 2L, 1L, 1L, 2L);
        assertThat(wujin.deductedPoints()).isEqualByComparingTo("4.5");
        assertThat(rows).hasSize(3);
    }

    @Test
    void months_come_in_order_each_followed_by_its_total_and_the_year_total_sums_them() {
        List<ConstructionRollup.Row> rows = ConstructionRollup.merge(
                List.of(
                        new CategoryCaseCounts.DistrictMonth(WUJIN, APRIL, 7, 0, 0, 0),
                        new CategoryCaseCounts.DistrictMonth(TIANNING, MARCH, 3, 1, 0, 0)),
                List.of(),
                List.of(new ConstructionRollup.EnforcementCounts(WUJIN, MARCH, 0, 0, 1)));

        assertThat(rows)
                .extracting(r -> r.month() + "/" + r.district())
                .containsExactly(
                        "2026-03/" + TIANNING,
                        "2026-03/" + WUJIN,
                        "2026-03/null",
                        "2026-04/" + WUJIN,
                        "2026-04/null",
                        "null/null");
        assertThat(rows.get(2).dispatched()).isEqualTo(3);
        assertThat(rows.get(2).demolished()).isEqualTo(1);
        assertThat(rows.get(4).dispatched()).isEqualTo(7);
        assertThat(rows.get(5).dispatched()).isEqualTo(10);
        assertThat(rows.get(5).demolished()).isEqualTo(1);
    }

    @Test
    void no_figures_give_no_rows_not_even_a_total() {
        assertThat(ConstructionRollup.merge(List.of(), List.of(), List.of())).isEmpty();
    }
}
