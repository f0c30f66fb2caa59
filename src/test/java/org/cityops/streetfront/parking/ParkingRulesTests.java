package org.cityops.streetfront.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cityops.streetfront.parking.ParkingRules.OperatorNumbers;
import org.cityops.streetfront.parking.ParkingRules.Report;
import org.cityops.streetfront.parking.ParkingRules.Source;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

class ParkingRulesTests {

    static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    @Test
    void a_line_is_measured_in_metres_on_the_earth_not_in_degrees() {
        // 0.001° of longitude at 31.8° N is 111.195 km × cos(31.8°) / 1000 ≈ 94.5 m; 0.001° of latitude ≈ 111.2 m
        LineString east = ParkingGeometry.line("LINESTRING(119.950 31.800, 119.951 31.800)", "lineWkt")
                .geometry();
        LineString north = ParkingGeometry.line("LINESTRING(119.950 31.800, 119.950 31.801)", "lineWkt")
                .geometry();
        assertThat(ParkingGeometry.lengthM(east)).isCloseTo(94.5, within(0.2));
        assertThat(ParkingGeometry.lengthM(north)).isCloseTo(111.2, within(0.2));
        LineString bent = ParkingGeometry.line("LINESTRING(119.950 31.800, 119.951 31.800, 119.951 31.801)", "lineWkt")
                .geometry();
        assertThat(ParkingGeometry.lengthM(bent)).isCloseTo(94.5 + 111.2, within(0.4));
    }

    @Test
    void a_line_too_short_too_long_or_not_a_line_is_a_problem_on_its_field() {
        assertThat(ParkingGeometry.line("LINESTRING(119.95 31.8, 119.95001 31.8)", "lineWkt")
                        .problem()
                        .field())
                .isEqualTo("lineWkt");
        assertThat(ParkingGeometry.line("LINESTRING(119.95 31.8, 119.99 31.8)", "lineWkt")
                        .problem())
                .isNotNull();
        assertThat(ParkingGeometry.line("POINT(119.95 31.8)", "lineWkt").problem())
                .isNotNull();
        assertThat(ParkingGeometry.line("not wkt", "lineWkt").problem()).isNotNull();
        assertThat(ParkingGeometry.line("LINESTRING(519.95 31.8, 519.96 31.8)", "lineWkt")
                        .problem())
                .isNotNull();
    }

    @Test
    void the_bay_of_a_line_is_a_polygon_as_long_as_the_line_and_as_deep_as_the_bay() {
        LineString east = ParkingGeometry.line("LINESTRING(119.950 31.800, 119.951 31.800)", "lineWkt")
                .geometry();
        Polygon bay = ParkingGeometry.bay(east, 2.0);
        assertThat(ParkingGeometry.areaM2(bay)).isCloseTo(94.5 * 2.0, within(1.0));
    }

    @Test
    void a_self_intersecting_zone_is_refused() {
        assertThat(ParkingGeometry.polygon("POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))", "polygonWkt")
                        .problem()
                        .field())
                .isEqualTo("polygonWkt");
        assertThat(ParkingGeometry.polygon(
                                "POLYGON((119.95 31.8, 119.951 31.8, 119.951 31.801, 119.95 31.801, 119.95 31.8))", "p")
                        .problem())
                .isNull();
    }

    @Test
    void without_a_capacity_a_line_holds_one_bicycle_per_sixty_centimetres() {
        assertThat(ParkingRules.defaultCapacity(90.3)).isEqualTo(150);
        assertThat(ParkingRules.defaultCapacity(0.3)).isEqualTo(1);
    }

    @Test
    void occupancy_is_the_larger_of_the_inspectors_newest_count_and_the_operators_newest_counts_summed() {
        List<Report> reports = List.of(
                new Report(Source.OPERATOR, 1L, 50, NOW.minusSeconds(3000)),
                new Report(Source.OPERATOR, 1L, 70, NOW.minusSeconds(600)), // newest of operator 1
                new Report(Source.OPERATOR, 2L, 40, NOW.minusSeconds(1200)),
                new Report(Source.INSPECTOR, null, 100, NOW.minusSeconds(1800)));
        assertThat(ParkingRules.occupancy(reports, NOW)).isEqualTo(110);
        List<Report> inspectorHigher = List.of(
                new Report(Source.OPERATOR, 1L, 30, NOW.minusSeconds(600)),
                new Report(Source.INSPECTOR, null, 90, NOW.minusSeconds(60)),
                new Report(Source.INSPECTOR, null, 200, NOW.minusSeconds(900))); // older inspector count: replaced
        assertThat(ParkingRules.occupancy(inspectorHigher, NOW)).isEqualTo(90);
    }

    @Test
    void counts_older_than_the_window_no_longer_count() {
        Instant old = NOW.minus(ParkingRules.WINDOW).minus(Duration.ofMinutes(1));
        assertThat(ParkingRules.occupancy(List.of(new Report(Source.INSPECTOR, null, 500, old)), NOW))
                .isNull();
    }

    @Test
    void an_area_overflows_only_above_its_capacity() {
        assertThat(ParkingRules.overflowing(150, 150)).isFalse();
        assertThat(ParkingRules.overflowing(151, 150)).isTrue();
        assertThat(ParkingRules.overflowing(null, 150)).isFalse();
    }

    @Test
    void a_count_above_the_fleet_cap_or_far_above_the_capacity_is_kept_with_a_warning() {
        assertThat(ParkingRules.countWarning(9_000, 8_000, 150)).contains("投放上限");
        assertThat(ParkingRules.countWarning(751, 8_000, 150)).contains("容量");
        assertThat(ParkingRules.countWarning(750, 8_000, 150)).isNull();
    }

    @Test
    void a_release_names_who_collects_a_fee_in_range_and_the_reason_for_no_fee() {
        assertThat(ParkingRules.releaseProblem(new BigDecimal("20"), null, "张三"))
                .isNull();
        assertThat(ParkingRules.releaseProblem(BigDecimal.ZERO, null, "张三").field())
                .isEqualTo("feeNote");
        assertThat(ParkingRules.releaseProblem(BigDecimal.ZERO, "首次违停", "张三")).isNull();
        assertThat(ParkingRules.releaseProblem(new BigDecimal("-1"), null, "张三").field())
                .isEqualTo("fee");
        assertThat(ParkingRules.releaseProblem(new BigDecimal("20"), null, " ").field())
                .isEqualTo("releasedTo");
    }

    @Test
    void the_operator_with_fewest_tows_per_thousand_bicycles_is_on_the_red_list_the_most_on_the_black_list() {
        List<ParkingRules.Ranked> r = ParkingRules.rank(List.of(
                new OperatorNumbers(1, "甲", 30_000, 3, 0), // 0.1 per 1,000
                new OperatorNumbers(2, "乙", 20_000, 4, 0), // 0.2
                new OperatorNumbers(3, "丙", 8_000, 6, 0))); // 0.75
        assertThat(r).extracting(x -> x.numbers().name()).containsExactly("甲", "乙", "丙");
        assertThat(r).extracting(ParkingRules.Ranked::list).containsExactly("RED", null, "BLACK");
    }

    @Test
    void operators_tied_on_every_number_share_a_list_and_one_alone_is_on_none() {
        List<ParkingRules.Ranked> tied = ParkingRules.rank(List.of(
                new OperatorNumbers(1, "甲", 10_000, 1, 0),
                new OperatorNumbers(2, "乙", 10_000, 1, 0),
                new OperatorNumbers(3, "丙", 10_000, 5, 0)));
        assertThat(tied).extracting(ParkingRules.Ranked::list).containsExactly("RED", "RED", "BLACK");
        assertThat(ParkingRules.rank(List.of(new OperatorNumbers(1, "甲", 10_000, 1, 0))))
                .extracting(ParkingRules.Ranked::list)
                .containsOnlyNulls();
    }
}
