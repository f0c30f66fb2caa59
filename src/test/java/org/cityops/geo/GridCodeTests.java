package org.cityops.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class GridCodeTests {

    @Test
    void aGridCodeSplitsIntoDistrictStreetCommunityAndSequence() {
        GridCode code = GridCode.parse("320402001002017");
        assertThat(code.districtCode()).isEqualTo("320402");
        assertThat(code.streetCode()).isEqualTo("320402001");
        assertThat(code.communityCode()).isEqualTo("320402001002");
        assertThat(code.sequence()).isEqualTo(17);
    }

    @Test
    void aGridCodeHasExactlyFifteenDigits() {
        assertThat(GridCode.isValid("32040200100201")).isFalse();
        assertThat(GridCode.isValid("3204020010020171")).isFalse();
        assertThat(GridCode.isValid("32040200100201A")).isFalse();
        assertThat(GridCode.isValid("")).isFalse();
        assertThat(GridCode.isValid(null)).isFalse();
        assertThat(GridCode.isValid("320402001002017")).isTrue();
    }

    @Test
    void noSegmentBelowTheDistrictMayBeZero() {
        assertThat(GridCode.problemWith("320402000002017")).contains("street");
        assertThat(GridCode.problemWith("320402001000017")).contains("community");
        assertThat(GridCode.problemWith("320402001002000")).contains("sequence");
        assertThat(GridCode.problemWith("000000001002001")).contains("district");
    }

    @Test
    void anInvalidCodeIsRejectedNamingTheCodeField() {
        assertThatThrownBy(() -> GridCode.parse("12345"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("code"));
    }

    @Test
    void aGridIsNumberedWithinItsCommunity() {
        assertThat(GridCode.of("320402001002", 7).value()).isEqualTo("320402001002007");
        assertThatThrownBy(() -> GridCode.of("320402001002", 1000)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theKnownDemoPointsLieInTheirDistricts() {
        assertThat(DemoGrids.KNOWN_POINTS).hasSize(7);
        assertThat(DemoGrids.TIANNING.gridCode()).isEqualTo("320402001001001");
        assertThat(DemoGrids.TIANNING.lat()).isBetween(31.7, 31.85);
        assertThat(DemoGrids.TIANNING.lon()).isBetween(119.9, 120.05);
    }
}
