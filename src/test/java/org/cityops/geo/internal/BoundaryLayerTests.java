package org.cityops.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cityops.geo.GridLocation;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class BoundaryLayerTests {

    private static final GeometryFactory GF = new GeometryFactory();

    /** A 0.001° square grid with its south-west corner at (lon, lat), in the given street of district 320402. */
    private static GridIndex.Entry grid(String code, double lon, double lat, double noise) {
        Envelope e = new Envelope(lon, lon + 0.001 + noise, lat, lat + 0.001);
        Polygon p = (Polygon) GF.toGeometry(e);
        String street = code.substring(0, 9);
        return GridIndex.Entry.of(
                p,
                new GridLocation(
                        code,
                        code.substring(0, 12),
                        "社区",
                        street,
                        street.endsWith("001") ? "雕庄街道" : "青龙街道",
                        "320402",
                        "天宁区"));
    }

    @Test
    void aStreetIsTheUnionOfItsGridsAndTheDistrictTheUnionOfItsStreets() {
        BoundaryLayer layer = BoundaryLayer.of(List.of(
                grid("320402001001001", 119.000, 31.000, 0), grid("320402001001002", 119.001, 31.000, 0),
                grid("320402002001001", 119.000, 31.001, 0), grid("320402002001002", 119.001, 31.001, 0)));

        assertThat(layer.areas())
                .extracting(BoundaryLayer.Area::code)
                .containsExactly("320402", "320402001", "320402002");
        BoundaryLayer.Area district = layer.areas().get(0);
        assertThat(district.level()).isEqualTo(BoundaryLayer.Level.DISTRICT);
        assertThat(district.name()).isEqualTo("天宁区");
        assertThat(district.gridCount()).isEqualTo(4);
        assertThat(district.geometry().getNumGeometries()).as("one piece").isEqualTo(1);
        assertThat(district.geometry().getArea()).isCloseTo(4e-6, within(1e-12));
        assertThat(district.geometry().getCoordinates())
                .as("a square: collinear vertices dropped")
                .hasSize(5);

        BoundaryLayer.Area street = layer.areas().get(1);
        assertThat(street.level()).isEqualTo(BoundaryLayer.Level.STREET);
        assertThat(street.name()).isEqualTo("雕庄街道");
        assertThat(street.districtCode()).isEqualTo("320402");
        assertThat(street.geometry().getArea()).isCloseTo(2e-6, within(1e-12));
        assertThat(street.geometry().contains(GF.createPoint(street.labelPoint())))
                .as("label inside")
                .isTrue();
        Envelope extent = layer.extent();
        assertThat(extent.getMinX()).isEqualTo(119.000);
        assertThat(extent.getMaxX()).isCloseTo(119.002, within(1e-9));
        assertThat(extent.getMinY()).isEqualTo(31.000);
        assertThat(extent.getMaxY()).isCloseTo(31.002, within(1e-9));
    }

    @Test
    void gridsMeetingWithRoundingNoiseStillMergeIntoOneArea() {
        BoundaryLayer layer = BoundaryLayer.of(
                List.of(grid("320402001001001", 119.000, 31.000, 3e-9), grid("320402001001002", 119.001, 31.000, 0)));
        assertThat(layer.areas().get(1).geometry().getNumGeometries()).isEqualTo(1);
        assertThat(layer.areas().get(1).geometry().getNumPoints()).isEqualTo(5);
    }

    @Test
    void gridsWhoseEdgesDoNotMatchExactlyAreStillMergedIntoOneArea() {
        // a 0.3 m overlap (below the import's 1 m² tolerance) and a vertex in the middle of a neighbour's edge
        GridIndex.Entry a = grid("320402001001001", 119.000, 31.000, 3e-6);
        Polygon split = GF.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
            new org.locationtech.jts.geom.Coordinate(119.001, 31.000),
                    new org.locationtech.jts.geom.Coordinate(119.002, 31.000),
            new org.locationtech.jts.geom.Coordinate(119.002, 31.001),
                    new org.locationtech.jts.geom.Coordinate(119.001, 31.001),
            new org.locationtech.jts.geom.Coordinate(119.001, 31.0005),
                    new org.locationtech.jts.geom.Coordinate(119.001, 31.000)
        });
        GridIndex.Entry b = GridIndex.Entry.of(
                split, new GridLocation("320402001001002", "320402001001", "社区", "320402001", "雕庄街道", "320402", "天宁区"));
        BoundaryLayer layer = BoundaryLayer.of(List.of(a, b));
        assertThat(layer.areas().get(1).geometry().isValid()).isTrue();
        assertThat(layer.areas().get(1).geometry().getNumGeometries()).isEqualTo(1);
        assertThat(layer.areas().get(1).geometry().getArea()).isCloseTo(2e-6, within(1e-11));
    }

    @Test
    void aStreetInTwoSeparatePiecesKeepsBothAndLabelsTheLarger() {
        BoundaryLayer layer = BoundaryLayer.of(List.of(
                grid("320402001001001", 119.000, 31.000, 0),
                grid("320402001001002", 119.010, 31.000, 0),
                grid("320402001001003", 119.011, 31.000, 0)));
        BoundaryLayer.Area street = layer.areas().get(1);
        assertThat(street.geometry().getNumGeometries()).isEqualTo(2);
        assertThat(street.labelPoint().x).isBetween(119.010, 119.012);
    }

    @Test
    void noGridsNoBoundaries() {
        assertThat(BoundaryLayer.of(List.of()).areas()).isEmpty();
        assertThat(BoundaryLayer.of(List.of()).extent()).isNull();
    }
}
