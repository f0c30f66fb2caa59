package org.cityops.sanitation.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.cityops.sanitation.collection.RouteDayRules.PlannedStop;
import org.cityops.sanitation.collection.RouteDayRules.Stop;
import org.cityops.sanitation.collection.RouteDayRules.StopResult;
import org.junit.jupiter.api.Test;

/** Rules of a route's day: visited within the window, outside it, missed once it ended, pending before. */
class RouteDayRulesTests {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final List<PlannedStop> ROUTE = List.of(
            new PlannedStop(1, 11, LocalTime.of(6, 0), LocalTime.of(7, 0)),
            new PlannedStop(2, 12, LocalTime.of(7, 0), LocalTime.of(8, 0)),
            new PlannedStop(3, 13, LocalTime.of(8, 0), LocalTime.of(9, 0)));

    static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(CITY).toInstant();
    }

    static Stop visit(long point, int hour, int minute) {
        return new Stop(point, at(hour, minute), at(hour, minute).plusSeconds(120));
    }

    @Test
    void a_point_visited_within_its_window_is_visited_and_one_never_visited_is_missed_once_the_window_ended() {
        List<StopResult> r = RouteDayRules.evaluate(ROUTE, List.of(visit(11, 6, 20)), DAY, at(9, 30), CITY);
        assertThat(r)
                .extracting(StopResult::status)
                .containsExactly(StopStatus.VISITED, StopStatus.MISSED, StopStatus.MISSED);
        assertThat(r.get(0).arrivedAt()).isEqualTo(at(6, 20));
    }

    @Test
    void a_window_not_yet_ended_is_pending_not_missed() {
        List<StopResult> r = RouteDayRules.evaluate(ROUTE, List.of(visit(11, 6, 20)), DAY, at(7, 30), CITY);
        assertThat(r)
                .extracting(StopResult::status)
                .containsExactly(StopStatus.VISITED, StopStatus.PENDING, StopStatus.PENDING);
    }

    @Test
    void a_visit_outside_the_window_is_told_apart_from_a_missed_one() {
        List<StopResult> r =
                RouteDayRules.evaluate(ROUTE, List.of(visit(12, 9, 10), visit(13, 8, 59)), DAY, at(10, 0), CITY);
        assertThat(r)
                .extracting(StopResult::status)
                .containsExactly(StopStatus.MISSED, StopStatus.OUTSIDE_WINDOW, StopStatus.VISITED);
    }

    @Test
    void a_window_ending_before_it_starts_is_refused() {
        assertThatThrownBy(() -> new PlannedStop(1, 1, LocalTime.of(8, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_stop_taken_before_the_stops_ahead_of_it_in_the_route_is_flagged_out_of_order_and_only_that_stop() {
        // the truck went to stop 3, then 1, then 2
        List<PlannedStop> wide = List.of(
                new PlannedStop(1, 11, LocalTime.of(6, 0), LocalTime.of(9, 0)),
                new PlannedStop(2, 12, LocalTime.of(6, 0), LocalTime.of(9, 0)),
                new PlannedStop(3, 13, LocalTime.of(6, 0), LocalTime.of(9, 0)));
        List<StopResult> r = RouteDayRules.evaluate(
                wide, List.of(visit(13, 6, 10), visit(11, 6, 30), visit(12, 6, 50)), DAY, at(9, 30), CITY);
        assertThat(r).extracting(StopResult::status).containsOnly(StopStatus.VISITED);
        assertThat(r).extracting(StopResult::outOfOrder).containsExactly(false, false, true);
    }

    @Test
    void stops_taken_in_the_routes_order_are_in_order_and_a_missed_stop_does_not_break_the_order() {
        List<StopResult> r =
                RouteDayRules.evaluate(ROUTE, List.of(visit(11, 6, 20), visit(13, 8, 20)), DAY, at(9, 30), CITY);
        assertThat(r)
                .extracting(StopResult::status)
                .containsExactly(StopStatus.VISITED, StopStatus.MISSED, StopStatus.VISITED);
        assertThat(r).extracting(StopResult::outOfOrder).containsOnly(false);
    }

    @Test
    void a_first_stop_taken_last_flags_the_first_stop_not_the_rest() {
        List<PlannedStop> wide = List.of(
                new PlannedStop(1, 11, LocalTime.of(6, 0), LocalTime.of(9, 0)),
                new PlannedStop(2, 12, LocalTime.of(6, 0), LocalTime.of(9, 0)),
                new PlannedStop(3, 13, LocalTime.of(6, 0), LocalTime.of(9, 0)));
        List<StopResult> r = RouteDayRules.evaluate(
                wide, List.of(visit(12, 6, 10), visit(13, 6, 30), visit(11, 6, 50)), DAY, at(9, 30), CITY);
        assertThat(r).extracting(StopResult::outOfOrder).containsExactly(true, false, false);
    }
}
