package org.cityops.sanitation.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityops.sanitation.attendance.AttendanceRules.Fix;
import org.cityops.sanitation.attendance.AttendanceRules.ShiftResult;
import org.cityops.sanitation.attendance.AttendanceRules.Status;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Rules of a worker's shift at a post (作业人员在岗): 在岗, 离岗 (outside > 15 min), 滞留 (still > 30 min), 无定位. */
class AttendanceRulesTests {

    static final Instant START = Instant.parse("2026-03-02T22:00:00Z"); // 06:00 北京时间
    static final Instant END = START.plus(Duration.ofHours(4));
    static final Polygon POST = new GeometryFactory().createPolygon(new Coordinate[] {
        new Coordinate(0, 0),
        new Coordinate(400, 0),
        new Coordinate(400, 30),
        new Coordinate(0, 30),
        new Coordinate(0, 0)
    });
    final AttendanceRules rules = new AttendanceRules(AttendanceRules.Settings.defaults());

    /** a fix every minute from {@code fromMin} to {@code toMin} (exclusive), walking from x0 at {@code metresPerMin} */
    static List<Fix> walk(int fromMin, int toMin, double x0, double y, double metresPerMin) {
        List<Fix> out = new ArrayList<>();
        for (int m = fromMin; m < toMin; m++) {
            double x = x0 + (m - fromMin) * metresPerMin;
            out.add(new Fix(START.plus(Duration.ofMinutes(m)), x % 800 < 400 ? x % 400 : 400 - x % 400, y));
        }
        return out;
    }

    @Test
    void a_worker_sweeping_up_and_down_the_post_all_shift_is_on_post() {
        ShiftResult r = rules.evaluate(POST, START, END, walk(0, 240, 0, 15, 20));
        assertThat(r.status()).isEqualTo(Status.ON_POST);
        assertThat(r.onPost()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void twenty_minutes_outside_the_post_is_off_post_but_ten_are_not() {
        List<Fix> fixes = new ArrayList<>(walk(0, 60, 0, 15, 20));
        fixes.addAll(walk(60, 80, 0, 200, 20)); // 170 m north of the post for 20 minutes
        fixes.addAll(walk(80, 240, 0, 15, 20));
        ShiftResult r = rules.evaluate(POST, START, END, fixes);
        assertThat(r.status()).isEqualTo(Status.OFF_POST);
        assertThat(r.offPost())
                .singleElement()
                .satisfies(e -> assertThat(e.length()).isEqualTo(Duration.ofMinutes(20)));

        List<Fix> brief = new ArrayList<>(walk(0, 60, 0, 15, 20));
        brief.addAll(walk(60, 70, 0, 200, 20));
        brief.addAll(walk(70, 240, 0, 15, 20));
        assertThat(rules.evaluate(POST, START, END, brief).status()).isEqualTo(Status.ON_POST);
    }

    @Test
    void standing_in_one_place_for_forty_minutes_is_still_even_on_the_post() {
        List<Fix> fixes = new ArrayList<>(walk(0, 60, 0, 15, 20));
        fixes.addAll(walk(60, 100, 100, 15, 0.1)); // GPS jitter only
        fixes.addAll(walk(100, 240, 104, 15, 20));
        ShiftResult r = rules.evaluate(POST, START, END, fixes);
        assertThat(r.status()).isEqualTo(Status.STILL);
        assertThat(r.still()).isNotEmpty();
    }

    @Test
    void leaving_the_post_outranks_standing_still_and_leaving_at_the_end_counts_until_the_shift_ends() {
        List<Fix> fixes = new ArrayList<>(walk(0, 200, 0, 15, 20));
        fixes.add(new Fix(START.plus(Duration.ofMinutes(200)), 1000, 1000)); // gone, then silent
        ShiftResult r = rules.evaluate(POST, START, END, fixes);
        assertThat(r.status()).isEqualTo(Status.OFF_POST);
        assertThat(r.offPost())
                .singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(END));
    }

    @Test
    void no_position_in_the_shift_is_told_apart_and_an_empty_shift_is_refused() {
        assertThat(rules.evaluate(POST, START, END, walk(300, 310, 0, 15, 20)).status())
                .isEqualTo(Status.NO_POSITION);
        assertThatThrownBy(() -> rules.evaluate(POST, START, START, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
