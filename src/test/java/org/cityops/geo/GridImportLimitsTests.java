package org.cityops.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.cityops.geo.internal.FeatureProblem;
import org.cityops.geo.internal.GeoJsonGridReader;
import org.cityops.geo.internal.GridImportLimits;
import org.cityops.geo.internal.ParsedLayer;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A grid import has its own limits (bytes, features, vertices) and says which one a file exceeded. */
@IntegrationTest
class GridImportLimitsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** A closed square ring with {@code extra} more positions along its southern edge. */
    static String squareWithVertices(double lon, double lat, double size, int extra) {
        StringBuilder sb = new StringBuilder("[[");
        for (int i = 0; i < extra; i++) {
            sb.append(String.format(Locale.ROOT, "[%.9f,%.6f],", lon + size * i / extra, lat));
        }
        sb.append(String.format(
                Locale.ROOT,
                "[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]",
                lon + size,
                lat,
                lon + size,
                lat + size,
                lon,
                lat + size,
                lon,
                lat));
        return sb.toString();
    }

    @Test
    void aGridWithMoreVerticesThanOneGridMayHaveIsRejectedNamingTheLimit() throws Exception {
        int seq = GeoTestGrids.nextSequence();
        String body = GeoTestGrids.collection(GeoTestGrids.feature(
                GeoTestGrids.code(seq),
                squareWithVertices(GeoTestGrids.lon(seq), GeoTestGrids.lat(seq), GeoTestGrids.SIZE, 20_001)));
        long before =
                jdbc.sql("SELECT COUNT(*) FROM geo_grid").query(Long.class).single();
        mvc.perform(post("/api/v1/geo/grids/import")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("features[0].geometry"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("max-feature-vertices")))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("顶点过多")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM geo_grid").query(Long.class).single())
                .isEqualTo(before);
    }

    static ParsedLayer layer(int features, int extraVertices) {
        String[] fs = new String[features];
        for (int i = 0; i < features; i++) {
            fs[i] = GeoTestGrids.feature(
                    GeoTestGrids.COMMUNITY + String.format("%03d", i + 1),
                    squareWithVertices(118 + i * 0.01, 30, 0.001, extraVertices));
        }
        return new GeoJsonGridReader().read(GeoTestGrids.collection(fs).getBytes());
    }

    @Test
    void tooManyFeaturesAreNamedAsSuch() {
        assertThat(new GridImportLimits(1_000_000, 2, 100, 1000).check(layer(3, 0)))
                .extracting(FeatureProblem::field, FeatureProblem::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("features", -1));
        assertThat(new GridImportLimits(1_000_000, 2, 100, 1000)
                        .check(layer(3, 0))
                        .get(0)
                        .reason())
                .contains("要素过多")
                .contains("max-features")
                .contains("3");
        assertThat(new GridImportLimits(1_000_000, 3, 100, 1000).check(layer(3, 0)))
                .isEmpty();
    }

    @Test
    void tooManyVerticesInTheWholeFileAreNamedAsSuch() {
        // three grids of 6 + 4 positions each (six along the southern edge, three corners, the closing one): 30
        var problems = new GridImportLimits(1_000_000, 10, 100, 29).check(layer(3, 6));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).reason())
                .contains("顶点总数过多")
                .contains("max-vertices")
                .contains("30");
        assertThat(new GridImportLimits(1_000_000, 10, 100, 30).check(layer(3, 6)))
                .isEmpty();
    }

    @Test
    void aFileOverTheByteLimitIsNamedAsSuch() {
        GridImportLimits limits = new GridImportLimits(100, 10, 100, 100);
        assertThat(limits.checkBytes(100)).isEmpty();
        assertThat(limits.checkBytes(101)).hasValueSatisfying(p -> {
            assertThat(p.field()).isEqualTo("body");
            assertThat(p.reason()).contains("文件过大").contains("max-bytes").contains("101");
        });
    }
}
