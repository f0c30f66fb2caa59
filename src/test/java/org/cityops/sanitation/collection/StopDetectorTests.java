package org.cityops.sanitation.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityops.sanitation.collection.StopDetector.Fix;
import org.cityops.sanitation.collection.StopDetector.Visit;
import org.cityops.sanitation.coverage.LocalFrame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules of a visit (收运到点): a stop of at least N seconds within R metres of a point. */
class StopDetectorTests {

    static final LocalFrame FRAME = LocalFrame.changzhou();
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    StopDetector detector;

    @BeforeEach
    void setUp() {
        detector =
                new StopDetector(new StopDetector.Settings(Duration.ofSeconds(60), 30, Duration.ofMinutes(5)), FRAME);
        detector.points(List.of(spot(1, 0, 0), spot(2, 500, 0)));
    }

    static StopDetector.Spot spot(long id, double x, double y) {
        double[] ll = FRAME.toDegrees(x, y);
        return new StopDetector.Spot(id, ll[0], ll[1]);
    }

    static Fix fix(String terminal, long second, double x, double y) {
        double[] ll = FRAME.toDegrees(x, y);
        return new Fix(terminal, T0.plusSeconds(second), ll[0], ll[1]);
    }

    /** every {@code every} seconds from {@code from} to {@code to}, at (x, y) */
    static List<Fix> standing(String terminal, long from, long to, long every, double x, double y) {
        List<Fix> out = new ArrayList<>();
        for (long t = from; t <= to; t += every) {
            out.add(fix(terminal, t, x, y));
        }
        return out;
    }

    @Test
    void a_stop_of_a_minute_within_the_radius_is_a_visit_reported_when_it_qualifies_and_again_when_it_ends() {
        List<Fix> fixes = new ArrayList<>(standing("A", 0, 90, 10, 10, 5));
        fixes.add(fix("A", 100, 200, 0)); // driving away
        fixes.add(fix("A", 110, 300, 0));
        List<Visit> visits = detector.accept(fixes);
        assertThat(visits).hasSize(2);
        assertThat(visits.get(0).closed()).isFalse();
        assertThat(visits.get(0).arrivedAt()).isEqualTo(T0);
        assertThat(visits.get(1).closed()).isTrue();
        assertThat(visits.get(1).leftAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(visits.get(1).key()).isEqualTo(visits.get(0).key());
    }

    @Test
    void a_shorter_stop_or_one_outside_the_radius_is_no_visit() {
        assertThat(detector.accept(standing("A", 0, 50, 10, 0, 0))).isEmpty();
        assertThat(detector.accept(List.of(fix("A", 60, 300, 0)))).isEmpty();
        assertThat(detector.accept(standing("A", 100, 400, 10, 0, 45))).isEmpty();
    }

    @Test
    void one_stray_position_outside_does_not_end_a_stay_but_two_do() {
        List<Fix> fixes = new ArrayList<>(standing("A", 0, 40, 10, 0, 0));
        fixes.add(fix("A", 50, 0, 60)); // GPS jump
        fixes.addAll(standing("A", 60, 80, 10, 0, 0));
        List<Visit> visits = detector.accept(fixes);
        assertThat(visits)
                .singleElement()
                .satisfies(v -> assertThat(v.arrivedAt()).isEqualTo(T0)); // not re-arrived at 60 s
        List<Visit> after = detector.accept(List.of(fix("A", 90, 0, 60), fix("A", 100, 0, 70)));
        assertThat(after).singleElement().satisfies(v -> {
            assertThat(v.closed()).isTrue();
            assertThat(v.leftAt()).isEqualTo(T0.plusSeconds(80));
        });
    }

    @Test
    void replayed_or_out_of_order_positions_change_nothing() {
        List<Fix> fixes = standing("A", 0, 90, 10, 0, 0);
        List<Visit> first = detector.accept(fixes);
        assertThat(first).hasSize(1);
        assertThat(detector.accept(fixes)).isEmpty();
        assertThat(detector.accept(List.of(fix("A", 5, 500, 0)))).isEmpty();
    }

    @Test
    void vehicles_are_tracked_apart_and_the_nearest_point_wins() {
        List<Fix> fixes = new ArrayList<>(standing("A", 0, 60, 10, 0, 0));
        fixes.addAll(standing("B", 0, 60, 10, 495, 0));
        List<Visit> visits = detector.accept(fixes);
        assertThat(visits)
                .extracting(Visit::terminal, Visit::pointId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("A", 1L), org.assertj.core.groups.Tuple.tuple("B", 2L));
    }

    @Test
    void a_vehicle_that_goes_quiet_at_a_point_has_its_visit_closed_after_the_gap() {
        detector.accept(standing("A", 0, 70, 10, 0, 0));
        assertThat(detector.closeIdle(T0.plusSeconds(120))).isEmpty();
        assertThat(detector.closeIdle(T0.plusSeconds(70 + 301))).singleElement().satisfies(v -> {
            assertThat(v.closed()).isTrue();
            assertThat(v.leftAt()).isEqualTo(T0.plusSeconds(70));
        });
    }
}
