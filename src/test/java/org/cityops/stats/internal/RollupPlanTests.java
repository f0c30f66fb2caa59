package org.cityops.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cityops.stats.internal.RollupPlan.Segment;
import org.junit.jupiter.api.Test;

/** Which roll-up tables answer which question (no Spring, no database). */
class RollupPlanTests {

    static StatsQuery q(List<Dimension> by, String from, String to, String area, String category, String dept) {
        return new StatsQuery(by, LocalDate.parse(from), LocalDate.parse(to), area, category, dept);
    }

    @Test
    void a_whole_month_by_district_and_category_is_read_from_the_monthly_area_table() {
        RollupPlan plan = RollupPlan.of(
                q(List.of(Dimension.DISTRICT, Dimension.CATEGORY), "2025-03-01", "2025-03-31", "", "", null));
        assertThat(plan.segments())
                .containsExactly(
                        new Segment(Rollup.AREA_MONTH, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-01")));
    }

    @Test
    void a_year_by_month_reads_twelve_monthly_rows_per_key() {
        RollupPlan plan = RollupPlan.of(q(List.of(Dimension.MONTH), "2025-01-01", "2025-12-31", "320402", "", null));
        assertThat(plan.segments())
                .containsExactly(
                        new Segment(Rollup.AREA_MONTH, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-01")));
    }

    @Test
    void the_days_before_and_after_the_whole_months_come_from_a_daily_table() {
        RollupPlan plan = RollupPlan.of(q(List.of(Dimension.CHANNEL), "2025-01-15", "2025-04-10", "", "", null));
        assertThat(plan.segments())
                .containsExactly(
                        new Segment(Rollup.AREA_DAY, LocalDate.parse("2025-01-15"), LocalDate.parse("2025-01-31")),
                        new Segment(Rollup.AREA_MONTH, LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-01")),
                        new Segment(Rollup.AREA_DAY, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-10")));
    }

    @Test
    void a_period_without_a_whole_month_or_grouped_by_day_is_read_by_day() {
        assertThat(RollupPlan.of(q(List.of(Dimension.DISTRICT), "2025-03-02", "2025-03-31", "", "", null))
                        .segments())
                .extracting(Segment::rollup)
                .containsExactly(Rollup.AREA_DAY);
        assertThat(RollupPlan.of(q(List.of(Dimension.DAY), "2025-01-01", "2025-12-31", "", "", null))
                        .segments())
                .extracting(Segment::rollup)
                .containsExactly(Rollup.AREA_DAY);
    }

    @Test
    void departments_and_grids_have_their_own_tables_and_anything_else_falls_back_to_the_full_one() {
        assertThat(RollupPlan.of(q(List.of(Dimension.CATEGORY), "2025-03-01", "2025-03-31", "", "", "HWC"))
                        .segments())
                .extracting(Segment::rollup)
                .containsExactly(Rollup.DEPARTMENT_MONTH);
        assertThat(RollupPlan.of(q(List.of(Dimension.GRID), "2025-03-01", "2025-03-31", "320402001", "", null))
                        .segments())
                .extracting(Segment::rollup)
                .containsExactly(Rollup.GRID_MONTH);
        assertThat(RollupPlan.of(q(List.of(Dimension.DAY), "2025-03-01", "2025-03-31", "", "", "HWC"))
                        .segments())
                .extracting(Segment::rollup)
                .containsExactly(Rollup.DEPARTMENT_DAY);
        assertThat(RollupPlan.of(q(List.of(Dimension.GRID), "2025-03-01", "2025-03-31", "", "C01", null))
                        .segments())
                .extracting(Segment::rollup)
                .containsExactly(Rollup.ALL_DAY);
        assertThat(RollupPlan.of(q(List.of(), "2025-03-01", "2025-03-31", "320402001001001", "", null))
                        .segments())
                .extracting(Segment::rollup)
                .containsExactly(Rollup.GRID_MONTH);
    }

    @Test
    void every_monthly_table_is_rebuilt_from_a_daily_one_declared_before_it() {
        for (Rollup r : Rollup.values()) {
            if (r.source() != null) {
                assertThat(r.source().ordinal()).isLessThan(r.ordinal());
                assertThat(r.source().holds(r.keys())).isTrue();
            }
        }
        assertThat(Rollup.BY_SIZE).containsExactlyInAnyOrder(Rollup.values());
    }
}
