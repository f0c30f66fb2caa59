package org.cityops.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cityops.notify.NoticeKind;
import org.junit.jupiter.api.Test;

/** The dispatcher's lanes and their budgets, as rules (no Spring, no clock: times are passed in). */
class DeliveryPaceTests {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final int BATCH = 200;

    /** The shipped defaults: urgent uncapped, task 1,000 a second, bulk 250 a second. */
    private static DeliveryPace defaults(long start) {
        return new DeliveryPace(new NotifyProperties().getLanes().perSecond(), BATCH, start);
    }

    /** Drives the pace as the dispatcher does with {@code backlog} rows waiting in one lane; the time to send all. */
    private static long timeToSend(DeliveryPace pace, DeliveryLane lane, int backlog, long start) {
        long now = start;
        int left = backlog;
        for (int round = 0; left > 0; round++) {
            assertThat(round).as("rounds").isLessThan(100_000);
            int n = Math.min(left, pace.allowance(lane, now));
            pace.took(lane, n, now);
            left -= n;
            if (left > 0) {
                now += pace.waitNanos(lane, now);
            }
        }
        return now - start;
    }

    @Test
    void overdue_supervision_and_opinion_reply_overdue_take_the_urgent_lane() {
        assertThat(DeliveryLane.of(NoticeKind.CASE_OVERDUE)).isEqualTo(DeliveryLane.URGENT);
        assertThat(DeliveryLane.of(NoticeKind.CASE_SUPERVISED)).isEqualTo(DeliveryLane.URGENT);
        assertThat(DeliveryLane.of(NoticeKind.OPINION_REPLY_OVERDUE)).isEqualTo(DeliveryLane.URGENT);
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(DeliveryLane.of(kind) == DeliveryLane.URGENT)
                    .as(kind.name())
                    .isEqualTo(kind.urgent());
        }
    }

    @Test
    void one_notice_per_piece_of_work_takes_the_task_lane_and_bursts_the_bulk_lane() {
        assertThat(DeliveryLane.of(NoticeKind.INSPECTOR_TASK)).isEqualTo(DeliveryLane.TASK);
        assertThat(DeliveryLane.of(NoticeKind.VISIT_LINK)).isEqualTo(DeliveryLane.TASK);
        assertThat(DeliveryLane.of(NoticeKind.MUCK_ALARM)).isEqualTo(DeliveryLane.TASK);
        assertThat(DeliveryLane.of(NoticeKind.CASE_WARNING)).isEqualTo(DeliveryLane.BULK);
        assertThat(DeliveryLane.of(NoticeKind.ASSESSMENT_PUBLISHED)).isEqualTo(DeliveryLane.BULK);
        assertThat(DeliveryLane.of(NoticeKind.MEASURE_OVERDUE)).isEqualTo(DeliveryLane.BULK);
    }

    @Test
    void a_burst_of_warnings_never_delays_a_supervision() {
        DeliveryPace pace = defaults(0);
        pace.took(DeliveryLane.BULK, 250, 0); // the burst has spent the bulk lane's second
        assertThat(pace.allowance(DeliveryLane.BULK, MS)).isZero();
        // a 督办 queued a millisecond later is claimed at once, a full batch of them if need be
        assertThat(pace.allowance(DeliveryLane.URGENT, MS)).isEqualTo(BATCH);
        assertThat(pace.waitNanos(DeliveryLane.URGENT, MS)).isZero();
        pace.took(DeliveryLane.URGENT, BATCH, MS);
        assertThat(pace.allowance(DeliveryLane.URGENT, MS)).isEqualTo(BATCH);
    }

    @Test
    void the_task_lane_keeps_its_own_budget_while_a_burst_spends_the_bulk_one() {
        DeliveryPace pace = defaults(0);
        long now = 0;
        for (int i = 0; i < 50; i++) { // five seconds of a burst at the bulk lane's pace
            pace.took(DeliveryLane.BULK, pace.allowance(DeliveryLane.BULK, now), now);
            now += 100 * MS;
        }
        assertThat(pace.allowance(DeliveryLane.TASK, now)).isEqualTo(BATCH);
    }

    @Test
    void a_burst_of_ten_thousand_warnings_goes_out_within_the_minute_at_the_default_bulk_pace() {
        long took = timeToSend(defaults(0), DeliveryLane.BULK, 10_000, 0);
        // the first second's worth at once, then 250 a second: 39 s
        assertThat(took).isBetween(38 * SECOND, 40 * SECOND);
    }

    @Test
    void full_case_intake_creates_fewer_task_notices_a_second_than_the_task_lane_sends() {
        // 500 new cases a second, each with its 核实 task: after a minute nothing is left waiting
        DeliveryPace pace = defaults(0);
        long now = 0;
        int waiting = 0;
        for (int tick = 0; tick < 600; tick++) { // every 100 ms for a minute
            waiting += 50;
            int n = Math.min(waiting, pace.allowance(DeliveryLane.TASK, now));
            pace.took(DeliveryLane.TASK, n, now);
            waiting -= n;
            now += 100 * MS;
        }
        assertThat(waiting).isZero();
    }

    @Test
    void a_lane_that_was_quiet_may_send_one_seconds_worth_at_once_and_no_more() {
        DeliveryPace pace = defaults(0);
        assertThat(pace.allowance(DeliveryLane.BULK, 0)).isEqualTo(200); // the batch is the most one round takes
        pace.took(DeliveryLane.BULK, 200, 0);
        assertThat(pace.allowance(DeliveryLane.BULK, 100 * MS)).isEqualTo(75); // 50 left + 25 earned in 100 ms
        DeliveryPace idleAnHour = defaults(0);
        assertThat(idleAnHour.allowance(DeliveryLane.BULK, 3_600 * SECOND)).isEqualTo(200);
        idleAnHour.took(DeliveryLane.BULK, 200, 3_600 * SECOND);
        assertThat(idleAnHour.allowance(DeliveryLane.BULK, 3_600 * SECOND + 100 * MS))
                .isEqualTo(75);
    }

    @Test
    void a_capped_lane_is_asked_at_most_ten_times_a_second_so_trickling_notices_go_out_together() {
        DeliveryPace pace = defaults(0);
        pace.took(DeliveryLane.TASK, 1, 0);
        assertThat(pace.allowance(DeliveryLane.TASK, 10 * MS)).isZero();
        assertThat(pace.waitNanos(DeliveryLane.TASK, 10 * MS)).isEqualTo(90 * MS);
        assertThat(pace.allowance(DeliveryLane.TASK, 100 * MS)).isPositive();
    }

    @Test
    void a_spent_lane_waits_until_it_has_earned_a_notice_again() {
        DeliveryPace pace = new DeliveryPace(Map.of(DeliveryLane.BULK, 10), BATCH, 0);
        pace.took(DeliveryLane.BULK, 10, 0);
        assertThat(pace.waitNanos(DeliveryLane.BULK, 0)).isEqualTo(100 * MS);
        assertThat(pace.allowance(DeliveryLane.BULK, 99 * MS)).isZero();
        assertThat(pace.allowance(DeliveryLane.BULK, 100 * MS)).isEqualTo(1);
    }

    @Test
    void a_lane_without_a_budget_is_uncapped() {
        DeliveryPace pace = new DeliveryPace(Map.of(DeliveryLane.BULK, 0), BATCH, 0);
        assertThat(timeToSend(pace, DeliveryLane.BULK, 10_000, 0)).isZero();
        assertThat(pace.perSecond(DeliveryLane.TASK)).isZero();
    }

    @Test
    void a_negative_budget_is_refused_at_start_up_naming_its_key() {
        assertThatThrownBy(() -> new DeliveryPace(Map.of(DeliveryLane.TASK, -1), BATCH, 0))
                .hasMessageContaining("lanes.task");
    }
}
