package org.cityops.wastestream.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageRuleTests {

    static Map<WasteClass, Finding> findings(Finding r, Finding h, Finding k, Finding o) {
        Map<WasteClass, Finding> m = new EnumMap<>(WasteClass.class);
        m.put(WasteClass.RECYCLABLE, r);
        m.put(WasteClass.HAZARDOUS, h);
        m.put(WasteClass.KITCHEN, k);
        m.put(WasteClass.OTHER, o);
        return m;
    }

    @Test
    void a_unit_with_bins_of_all_four_classes_and_no_inspection_is_covered() {
        assertThat(CoverageRule.covered(CoverageRule.bins(1, 1, 1, 1), null)).isTrue();
    }

    @Test
    void a_unit_missing_any_class_is_not_covered() {
        assertThat(CoverageRule.covered(CoverageRule.bins(3, 0, 2, 4), null)).isFalse();
        assertThat(CoverageRule.covered(Map.of(WasteClass.RECYCLABLE, 1), null)).isFalse();
    }

    @Test
    void a_latest_inspection_finding_a_class_absent_uncovers_the_unit() {
        var bins = CoverageRule.bins(1, 1, 1, 1);
        assertThat(CoverageRule.covered(bins, findings(Finding.OK, Finding.OK, Finding.OK, Finding.ABSENT)))
                .isFalse();
    }

    @Test
    void mixed_disposal_keeps_the_unit_covered_but_is_counted_as_mixed() {
        var latest = findings(Finding.OK, Finding.OK, Finding.MIXED, Finding.OK);
        assertThat(CoverageRule.covered(CoverageRule.bins(1, 1, 1, 1), latest)).isTrue();
        assertThat(CoverageRule.mixed(latest)).isTrue();
        assertThat(CoverageRule.mixed(null)).isFalse();
    }

    @Test
    void the_rate_is_a_percentage_rounded_half_up_to_two_decimals() {
        assertThat(CoverageRule.ratePercent(602, 669)).isEqualByComparingTo("89.99");
        assertThat(CoverageRule.ratePercent(145, 152)).isEqualByComparingTo("95.39");
        assertThat(CoverageRule.ratePercent(1, 8)).isEqualByComparingTo("12.50");
        assertThat(CoverageRule.ratePercent(0, 0)).isNull();
    }

    @Test
    void a_rate_at_the_target_meets_it_and_below_does_not() {
        assertThat(CoverageRule.meets(new BigDecimal("80.00"), new BigDecimal("80")))
                .isTrue();
        assertThat(CoverageRule.meets(new BigDecimal("79.99"), new BigDecimal("80")))
                .isFalse();
        assertThat(CoverageRule.meets(null, new BigDecimal("50"))).isFalse();
    }

    @Test
    void a_county_level_city_outside_its_built_up_area_is_rural() {
        assertThat(AreaType.of(true, false)).isEqualTo(AreaType.COUNTY);
        assertThat(AreaType.of(false, false)).isEqualTo(AreaType.URBAN);
        assertThat(AreaType.of(true, true)).isEqualTo(AreaType.RURAL);
    }
}
