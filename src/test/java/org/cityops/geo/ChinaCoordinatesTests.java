package org.cityops.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cityops.geo.ChinaCoordinates.LonLat;
import org.cityops.geo.demo.DemoGrids;
import org.junit.jupiter.api.Test;

/**
 * WGS-84 ↔ GCJ-02 with pairs published with independent implementations of the formula (the same numbers are in
 * e2e/unit/coords.test.mjs for the browser's copy). The Beijing pair is reproduced to 1e-8° (about a millimetre); the
 * other published pairs differ between implementations in the eighth decimal (floating-point order of operations),
 * so they are held to 1e-6° (about 0.1 m), still three orders of magnitude below the shift itself.
 */
class ChinaCoordinatesTests {

    @Test
    void beijingTiananmenShiftsToTheKnownGcj02Pair() {
        LonLat g = ChinaCoordinates.toGcj02(116.404, 39.915);
        assertThat(g.lon()).isCloseTo(116.41024449916938, within(1e-8));
        assertThat(g.lat()).isCloseTo(39.91640428150164, within(1e-8));
    }

    @Test
    void aPointNearShanghaiShiftsToTheKnownGcj02Pair() {
        LonLat g = ChinaCoordinates.toGcj02(121.0917077, 30.6107779);
        assertThat(g.lon()).isCloseTo(121.09626935575027, within(1e-6));
        assertThat(g.lat()).isCloseTo(30.608604331756705, within(1e-6));
    }

    @Test
    void theRoundNumberPointShiftsToTheKnownGcj02Pair() {
        LonLat g = ChinaCoordinates.toGcj02(116.0, 40.0);
        assertThat(g.lon()).isCloseTo(116.006141221789, within(1e-6));
        assertThat(g.lat()).isCloseTo(40.001213650174, within(1e-6));
    }

    @Test
    void gcj02BackToWgs84MatchesTheKnownPairToADecimetre() {
        LonLat w = ChinaCoordinates.toWgs84(123.0, 45.0);
        assertThat(w.lon()).isCloseTo(122.99395597, within(1e-6));
        assertThat(w.lat()).isCloseTo(44.99804071, within(1e-6));
    }

    @Test
    void theInverseUndoesTheShiftInChangzhou() {
        LonLat g = ChinaCoordinates.toGcj02(DemoGrids.TIANNING.lon(), DemoGrids.TIANNING.lat());
        LonLat back = ChinaCoordinates.toWgs84(g.lon(), g.lat());
        assertThat(back.lon()).isCloseTo(DemoGrids.TIANNING.lon(), within(1e-9));
        assertThat(back.lat()).isCloseTo(DemoGrids.TIANNING.lat(), within(1e-9));
    }

    @Test
    void inChangzhouTheShiftIsSeveralHundredMetresSoATruckWouldBeDrawnOffItsRoadWithoutIt() {
        double lat = DemoGrids.TIANNING.lat();
        LonLat g = ChinaCoordinates.toGcj02(DemoGrids.TIANNING.lon(), lat);
        double dx = (g.lon() - DemoGrids.TIANNING.lon()) * 111_320 * Math.cos(Math.toRadians(lat));
        double dy = (g.lat() - lat) * 110_574;
        assertThat(Math.hypot(dx, dy)).isBetween(300.0, 800.0);
    }

    @Test
    void pointsOutsideChinaAreNotShifted() {
        assertThat(ChinaCoordinates.toGcj02(2.3522, 48.8566)).isEqualTo(new LonLat(2.3522, 48.8566));
        assertThat(ChinaCoordinates.toWgs84(139.7, 35.68)).isEqualTo(new LonLat(139.7, 35.68));
    }

    @Test
    void convertingWithinOneSystemIsTheIdentity() {
        assertThat(ChinaCoordinates.convert(119.9, 31.8, CoordinateSystem.GCJ02, CoordinateSystem.GCJ02))
                .isEqualTo(new LonLat(119.9, 31.8));
        assertThat(ChinaCoordinates.convert(119.9, 31.8, CoordinateSystem.WGS84, CoordinateSystem.GCJ02))
                .isEqualTo(ChinaCoordinates.toGcj02(119.9, 31.8));
    }
}
