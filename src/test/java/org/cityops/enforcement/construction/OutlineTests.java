package org.cityops.enforcement.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutlineTests {

    @Test
    void a_square_of_ten_metres_has_about_a_hundred_square_metres_and_its_point_inside() {
        Outline o = Outline.of(Outline.square(31.80715, 119.93837, 10));
        assertThat(o.areaM2()).isCloseTo(100, within(1.0));
        assertThat(o.lat()).isCloseTo(31.80715, within(1e-4));
        assertThat(o.geoJson()).startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[");
    }

    @Test
    void an_outline_needs_three_points_no_crossing_and_less_than_a_kilometre() {
        assertThat(Outline.problem(List.of(new double[] {119.9, 31.8}, new double[] {119.91, 31.8})))
                .contains("三个点");
        List<double[]> bowtie = List.of(
                new double[] {119.9, 31.8}, new double[] {119.901, 31.801}, new double[] {119.901, 31.8}, new double[] {
                    119.9, 31.801
                });
        assertThat(Outline.problem(bowtie)).contains("自相交");
        assertThat(Outline.problem(Outline.square(31.8, 119.9, 2000))).contains("1公里");
        assertThat(Outline.problem(List.of(new double[] {119.9, 31.8}, new double[] {119.9}, new double[] {1, 1})))
                .contains("经度");
    }

    @Test
    void demolished_and_rectified_are_final_and_built_never_goes_back() {
        assertThat(StructureStatus.UNDER_CONSTRUCTION.mayBecome(StructureStatus.BUILT))
                .isTrue();
        assertThat(StructureStatus.BUILT.mayBecome(StructureStatus.DEMOLISHED)).isTrue();
        assertThat(StructureStatus.BUILT.mayBecome(StructureStatus.UNDER_CONSTRUCTION))
                .isFalse();
        assertThat(StructureStatus.DEMOLISHED.mayBecome(StructureStatus.RECTIFIED))
                .isFalse();
        assertThat(StructureStatus.RECTIFIED.mayBecome(StructureStatus.BUILT)).isFalse();
    }
}
