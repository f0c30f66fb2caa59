package org.cityops.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.cityops.enforcement.file.EnforcementStatistics;
import org.cityops.enforcement.file.EnforcementStatistics.CaseMoves;
import org.cityops.enforcement.file.EnforcementStatistics.Move;
import org.cityops.enforcement.file.EnforcementStatistics.Row;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.enforcement.procedure.Step;
import org.junit.jupiter.api.Test;

class EnforcementStatisticsTests {

    static final String TIANNING = "320402";
    static final String WUJIN = "320412";

    static Move move(String on, Step step, Stage before, Stage after) {
        return new Move(LocalDate.parse(on), step, before, after, null, null);
    }

    /** Discovered 28 Feb, filed 3 Mar, notified 13 Mar, decided 20 Mar (fine 2000), served 23 Mar, paid 2 Apr, closed. */
    static CaseMoves closedCase(String unit) {
        return new CaseMoves(
                unit,
                LocalDate.parse("2026-02-28"),
                List.of(
                        move("2026-03-03", Step.FILE, Stage.PENDING_FILING, Stage.INVESTIGATING),
                        move("2026-03-13", Step.NOTIFY, Stage.INVESTIGATING, Stage.NOTIFIED),
                        move("2026-03-14", Step.WAIVE, Stage.NOTIFIED, Stage.NOTIFIED),
                        new Move(
                                LocalDate.parse("2026-03-20"),
                                Step.DECIDE,
                                Stage.NOTIFIED,
                                Stage.DECIDED,
                                new BigDecimal("2000"),
                                null),
                        move("2026-03-23", Step.SERVE, Stage.DECIDED, Stage.SERVED),
                        new Move(
                                LocalDate.parse("2026-04-02"),
                                Step.PAY,
                                Stage.SERVED,
                                Stage.PERFORMED,
                                new BigDecimal("2000"),
                                new BigDecimal("2000")),
                        move("2026-04-02", Step.CLOSE, Stage.PERFORMED, Stage.CLOSED)));
    }

    static Row row(List<Row> rows, String unit, String month) {
        return rows.stream()
                .filter(r ->
                        java.util.Objects.equals(r.unit(), unit) && r.month().equals(YearMonth.parse(month)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void each_figure_counts_in_the_month_of_the_step_that_makes_it() {
        List<Row> rows =
                EnforcementStatistics.of(List.of(closedCase(TIANNING)), YearMonth.of(2026, 1), YearMonth.of(2026, 12));
        Row march = row(rows, TIANNING, "2026-03");
        assertThat(march.filed()).isEqualTo(1);
        assertThat(march.ended()).isZero();
        assertThat(march.finesImposed()).isEqualByComparingTo("2000");
        assertThat(march.finesCollected()).isEqualByComparingTo("0");
        Row april = row(rows, TIANNING, "2026-04");
        assertThat(april.ended()).isEqualTo(1);
        assertThat(april.finesCollected()).isEqualByComparingTo("2000");
    }

    @Test
    void
            the_days_in_a_stage_run_from_entering_it_to_leaving_it_across_the_month_end_and_a_step_that_stays_does_not_split_it() {
        List<Row> rows =
                EnforcementStatistics.of(List.of(closedCase(TIANNING)), YearMonth.of(2026, 1), YearMonth.of(2026, 12));
        Row march = row(rows, TIANNING, "2026-03");
        assertThat(march.averageDays(Stage.PENDING_FILING)).isEqualTo(3.0); // 28 Feb → 3 Mar (2026: no 29 Feb)
        assertThat(march.averageDays(Stage.INVESTIGATING)).isEqualTo(10.0);
        assertThat(march.averageDays(Stage.NOTIFIED)).isEqualTo(7.0); // 13 → 20 Mar, the waiver in between
        assertThat(march.averageDays(Stage.SERVED)).isNull(); // left in April
        assertThat(row(rows, TIANNING, "2026-04").averageDays(Stage.SERVED)).isEqualTo(10.0);
        assertThat(row(rows, TIANNING, "2026-04").averageDays(Stage.PERFORMED)).isEqualTo(0.0);
    }

    @Test
    void units_get_a_row_each_and_the_month_a_total_of_all_units() {
        List<Row> rows = EnforcementStatistics.of(
                List.of(closedCase(TIANNING), closedCase(WUJIN), closedCase(WUJIN)),
                YearMonth.of(2026, 1),
                YearMonth.of(2026, 12));
        assertThat(rows.stream()
                        .filter(r -> r.month().equals(YearMonth.of(2026, 3)))
                        .map(Row::unit))
                .containsExactly(TIANNING, WUJIN, null);
        Row total = row(rows, null, "2026-03");
        assertThat(total.filed()).isEqualTo(3);
        assertThat(total.finesImposed()).isEqualByComparingTo("6000");
        assertThat(row(rows, WUJIN, "2026-03").averageDays(Stage.INVESTIGATING)).isEqualTo(10.0);
    }

    @Test
    void steps_outside_the_period_count_nothing_but_still_start_the_stay_that_ends_inside_it() {
        List<Row> rows =
                EnforcementStatistics.of(List.of(closedCase(TIANNING)), YearMonth.of(2026, 4), YearMonth.of(2026, 4));
        assertThat(rows).extracting(Row::month).containsOnly(YearMonth.of(2026, 4));
        assertThat(row(rows, TIANNING, "2026-04").filed()).isZero();
        assertThat(row(rows, TIANNING, "2026-04").averageDays(Stage.SERVED)).isEqualTo(10.0);
    }
}
