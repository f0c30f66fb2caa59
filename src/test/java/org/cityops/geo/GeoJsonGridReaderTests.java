package org.cityops.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cityops.geo.internal.FeatureProblem;
import org.cityops.geo.internal.GeoJsonGridReader;
import org.cityops.geo.internal.ParsedLayer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GeoJsonGridReaderTests {

    private final GeoJsonGridReader reader = new GeoJsonGridReader();

    private ParsedLayer read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    static String square(double lon, double lat, double size) {
        return "[[[" + lon + "," + lat + "],[" + (lon + size) + "," + lat + "],[" + (lon + size) + "," + (lat + size)
                + "],[" + lon + "," + (lat + size) + "],[" + lon + "," + lat + "]]]";
    }

    @Test
    void polygonsAndMultiPolygonsAreReadInLonLatOrder() {
        ParsedLayer layer = read(
                """
                {"type":"FeatureCollection","name":"x","features":[
                 {"type":"Feature","properties":{"code":"320402001001001","extra":1},
                  "geometry":{"type":"Polygon","coordinates":%s}},
                 {"type":"Feature","properties":{"code":"320402001001002","validFrom":"2026-01-01"},
                  "geometry":{"type":"MultiPolygon","coordinates":[%s,%s]}}]}
                """.formatted(square(119.9, 31.7, 0.001), square(119.91, 31.7, 0.001), square(119.93, 31.7, 0.001)));
        assertThat(layer.problems()).isEmpty();
        assertThat(layer.features()).hasSize(2);
        assertThat(layer.features().get(0).geometry()).isInstanceOf(Polygon.class);
        assertThat(layer.features().get(0).geometry().getCoordinates()[0].x).isEqualTo(119.9);
        assertThat(layer.features().get(1).geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(layer.features().get(1).validFrom()).hasToString("2026-01-01");
    }

    @Test
    void malformedJsonIsAProblemOfTheWholeFile() {
        ParsedLayer layer = read("{\"type\":\"FeatureCollection\",\"features\":[");
        assertThat(layer.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(-1);
            assertThat(p.field()).isEqualTo("body");
            assertThat(p.reason()).contains("malformed JSON");
        });
    }

    @Test
    void aFileThatIsNotAFeatureCollectionIsRejected() {
        assertThat(read("{\"type\":\"Feature\"}").problems())
                .extracting(FeatureProblem::field)
                .containsExactly("type");
        assertThat(read("{\"type\":\"FeatureCollection\",\"features\":{}}").problems())
                .extracting(FeatureProblem::field)
                .containsExactly("features");
        assertThat(read("[1,2]").problems()).extracting(FeatureProblem::field).containsExactly("body");
    }

    @Test
    void wrongTypesAreReportedWithTheFeatureIndexAndPath() {
        ParsedLayer layer = read("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"320402001001001"},"geometry":{"type":"Polygon","coordinates":%s}},
                 {"type":"Feature","properties":{"code":320402001001002},"geometry":{"type":"Polygon","coordinates":%s}},
                 {"type":"Feature","properties":{"code":"320402001001003"},"geometry":{"type":"Point","coordinates":[1,2]}},
                 {"type":"Feature","properties":{"code":"320402001001004"},"geometry":{"type":"Polygon","coordinates":[[["a",1],[2,2],[3,3],["a",1]]]}},
                 {"type":"Feature","properties":{"code":"320402001001005"},"geometry":{"type":"Polygon","coordinates":[[[200,1],[2,2],[3,3],[200,1]]]}}
                ]}
                """.formatted(square(119.9, 31.7, 0.001), square(119.91, 31.7, 0.001)));
        assertThat(layer.features()).hasSize(1);
        assertThat(layer.problems()).extracting(FeatureProblem::index).containsExactly(1, 2, 3, 4);
        assertThat(layer.problems().get(0).field()).isEqualTo("features[1].properties.code");
        assertThat(layer.problems().get(0).reason()).contains("must be a string");
        assertThat(layer.problems().get(0).code()).isEqualTo("320402001001002");
        assertThat(layer.problems().get(1).field()).isEqualTo("features[2].geometry.type");
        assertThat(layer.problems().get(2).field()).isEqualTo("features[3].geometry.coordinates[0][0]");
        assertThat(layer.problems().get(3).reason()).contains("longitude out of range");
    }

    @Test
    void anOpenRingIsRejected() {
        ParsedLayer layer = read("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"320402001001001"},
                  "geometry":{"type":"Polygon","coordinates":[[[119.9,31.7],[119.91,31.7],[119.91,31.71],[119.9,31.71]]]}}]}
                """);
        assertThat(layer.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isZero();
            assertThat(p.code()).isEqualTo("320402001001001");
            assertThat(p.reason()).contains("not closed");
        });
    }
}
