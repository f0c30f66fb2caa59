package org.cityops.enforcement.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per statutory clock, with the 2025 国庆 调休 and month ends; no Spring. */
class StatutoryClockTests {

    static final DayCalendar CAL = TestCalendar.CN_2025;

    static LocalDate d(int m, int day) {
        return LocalDate.of(2025, m, day);
    }

    static StatutoryClock.Reading read(ClockKind kind, LocalDate start, int days, List<Suspension> s, LocalDate asOf) {
        return new StatutoryClock(kind, start, days, 0, s, null).read(asOf, CAL);
    }

    @Test
    void the_statement_period_counts_three_working_days_skipping_the_weekend() {
        // 告知 on Friday 19 September: 22, 23, 24 September
        assertThat(read(ClockKind.STATEMENT, d(9, 19), 3, List.of(), d(9, 19)).lastDay())
                .isEqualTo(d(9, 24));
    }

    @Test
    void the_statement_period_counts_a_makeup_sunday_as_a_working_day() {
        // 告知 on Friday 26 September: Sat 27 off, Sun 28 调休 worked, 29, 30
        assertThat(read(ClockKind.STATEMENT, d(9, 26), 3, List.of(), d(9, 26)).lastDay())
                .isEqualTo(d(9, 30));
    }

    @Test
    void the_five_days_to_ask_for_a_hearing_skip_the_national_day_holiday_and_count_the_makeup_saturday() {
        // 告知 on 30 September: 1–8 October off; 9, 10, 11 (调休 Saturday), 13, 14
        var r = read(ClockKind.HEARING_REQUEST, d(9, 30), 5, List.of(), d(10, 9));
        assertThat(r.lastDay()).isEqualTo(d(10, 14));
        assertThat(r.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(read(ClockKind.HEARING_REQUEST, d(9, 30), 5, List.of(), d(10, 15))
                        .status())
                .isEqualTo(ClockStatus.EXPIRED);
    }

    @Test
    void the_decision_is_due_ninety_natural_days_after_filing() {
        assertThat(read(ClockKind.DECISION, d(1, 10), 90, List.of(), d(1, 10)).lastDay())
                .isEqualTo(d(4, 10));
    }

    @Test
    void a_suspension_across_a_month_end_extends_the_decision_limit_by_the_days_actually_suspended() {
        // 检测 from 30 January, resumed on 4 February: 30, 31 Jan, 1, 2, 3 Feb not counted (5 days)
        var s = new Suspension(SuspensionKind.TESTING, "送检", d(1, 30), d(2, 10), d(2, 4));
        var r = read(ClockKind.DECISION, d(1, 10), 90, List.of(s), d(2, 4));
        assertThat(r.suspendedDays()).isEqualTo(5);
        assertThat(r.lastDay()).isEqualTo(d(4, 15));
    }

    @Test
    void a_suspension_extends_a_working_day_limit_by_the_working_days_it_covered_across_the_makeup_day() {
        // 送达 7 working days from 24 September: 25, 26, 28 (调休), 29, 30, 9 Oct, 10 Oct
        assertThat(read(ClockKind.SERVICE, d(9, 24), 7, List.of(), d(9, 24)).lastDay())
                .isEqualTo(d(10, 10));
        // 公告 from 26 to 29 September: 26 and 28 (both working days) are lost, so two more working days: 11, 13 Oct
        var s = new Suspension(SuspensionKind.ANNOUNCEMENT, "公告送达", d(9, 26), d(9, 28), d(9, 29));
        var r = read(ClockKind.SERVICE, d(9, 24), 7, List.of(s), d(9, 29));
        assertThat(r.lastDay()).isEqualTo(d(10, 13));
        assertThat(r.suspendedDays()).isEqualTo(3);
    }

    @Test
    void an_ongoing_suspension_stops_the_clock_and_its_last_day_moves_with_every_day_suspended() {
        var s = new Suspension(SuspensionKind.APPRAISAL, "鉴定", d(3, 1), d(3, 31), null);
        var first = read(ClockKind.DECISION, d(1, 10), 90, List.of(s), d(3, 5));
        var later = read(ClockKind.DECISION, d(1, 10), 90, List.of(s), d(3, 15));
        assertThat(first.status()).isEqualTo(ClockStatus.SUSPENDED);
        assertThat(first.lastDay()).isEqualTo(d(4, 15));
        assertThat(later.lastDay()).isEqualTo(d(4, 25));
    }

    @Test
    void a_natural_day_limit_ending_in_the_holiday_ends_on_the_next_working_day() {
        // 送达 on 20 September: day 15 is 5 October (holiday) → 9 October
        assertThat(read(ClockKind.PAYMENT, d(9, 20), 15, List.of(), d(9, 20)).lastDay())
                .isEqualTo(d(10, 9));
    }

    @Test
    void the_filing_limit_counts_natural_days_from_discovery() {
        // 15 days from 16 January reach 31 January (a Friday): across no month end yet
        assertThat(read(ClockKind.FILING, d(1, 16), 15, List.of(), d(1, 16)).lastDay())
                .isEqualTo(d(1, 31));
        // from 20 January: 4 February
        assertThat(read(ClockKind.FILING, d(1, 20), 15, List.of(), d(1, 20)).lastDay())
                .isEqualTo(d(2, 4));
    }

    @Test
    void a_limit_on_the_authority_warns_at_eighty_percent_and_is_overdue_after_its_last_day() {
        // 72 of 90 days after 10 January: 23 March
        assertThat(read(ClockKind.DECISION, d(1, 10), 90, List.of(), d(3, 22)).status())
                .isEqualTo(ClockStatus.RUNNING);
        assertThat(read(ClockKind.DECISION, d(1, 10), 90, List.of(), d(3, 23)).status())
                .isEqualTo(ClockStatus.WARNING);
        var late = read(ClockKind.DECISION, d(1, 10), 90, List.of(), d(4, 11));
        assertThat(late.status()).isEqualTo(ClockStatus.OVERDUE);
        assertThat(late.daysLeft()).isEqualTo(-1);
    }

    @Test
    void an_extension_adds_its_days_to_the_decision_limit() {
        var c = new StatutoryClock(ClockKind.DECISION, d(1, 10), 90, 30, List.of(), null);
        assertThat(c.read(d(1, 10), CAL).lastDay()).isEqualTo(d(5, 12)); // 10 May is a Saturday → Monday 12 May
    }

    @Test
    void a_step_taken_after_the_last_day_is_met_late() {
        var c = new StatutoryClock(ClockKind.SERVICE, d(9, 24), 7, 0, List.of(), d(10, 13));
        assertThat(c.read(d(10, 20), CAL).status()).isEqualTo(ClockStatus.MET_LATE);
    }

    @Test
    void the_late_fee_is_three_percent_a_day_and_never_more_than_the_fine() {
        BigDecimal fine = new BigDecimal("1000");
        assertThat(LateFee.of(fine, d(10, 9), d(10, 9))).isEqualByComparingTo("0");
        assertThat(LateFee.of(fine, d(10, 9), d(10, 19))).isEqualByComparingTo("300");
        assertThat(LateFee.of(fine, d(10, 9), d(12, 31))).isEqualByComparingTo("1000");
    }
}
