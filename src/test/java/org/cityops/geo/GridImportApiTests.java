package org.cityops.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.audit.AuditLog;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class GridImportApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridLocator locator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    private long gridCount() {
        return jdbc.sql("SELECT COUNT(*) FROM geo_grid").query(Long.class).single();
    }

    private ResultActions importJson(String body) throws Exception {
        return mvc.perform(post("/api/v1/geo/grids/import")
                .header("Authorization", Api.bearer(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** Imports the body, expects a 400 naming the feature; asserts nothing was written. */
    private ResultActions rejected(String body) throws Exception {
        long before = gridCount();
        ResultActions result = importJson(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        assertThat(gridCount()).isEqualTo(before);
        return result;
    }

    @Test
    void anImportedGridCanBeLocatedRightAfterTheImport() throws Exception {
        int seq = GeoTestGrids.nextSequence();
        String code = GeoTestGrids.code(seq);
        double lat = GeoTestGrids.lat(seq) + GeoTestGrids.SIZE / 2;
        double lon = GeoTestGrids.lon(seq) + GeoTestGrids.SIZE / 2;
        assertThat(locator.locate(lat, lon)).isEmpty();

        importJson(GeoTestGrids.collection(GeoTestGrids.feature(code, GeoTestGrids.square(seq))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.mode").value("APPEND"));

        assertThat(locator.locate(lat, lon)).hasValueSatisfying(loc -> {
            assertThat(loc.gridCode()).isEqualTo(code);
            assertThat(loc.communityName()).isEqualTo("丽华新村社区");
            assertThat(loc.streetName()).isEqualTo("雕庄街道");
            assertThat(loc.districtName()).isEqualTo("天宁区");
        });
        mvc.perform(get("/api/v1/geo/grids/" + code).header("Authorization", Api.bearer(mvc, "dispatcher1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.properties.code").value(code))
                .andExpect(jsonPath("$.geometry.type").value("Polygon"));
        assertThat(auditLog.find("GRID_LAYER", null, "admin", 10, 0)).isNotEmpty();
    }

    @Test
    void aGeoJsonFileCanBeUploadedAsMultipart() throws Exception {
        int seq = GeoTestGrids.nextSequence();
        String body = GeoTestGrids.collection(GeoTestGrids.feature(GeoTestGrids.code(seq), GeoTestGrids.square(seq)));
        mvc.perform(multipart("/api/v1/geo/grids/import")
                        .file(new MockMultipartFile("file", "grids.geojson", "application/geo+json", body.getBytes()))
                        .param("mode", "append")
                        .header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(1));
        assertThat(locator.locate(GeoTestGrids.lat(seq) + 0.0001, GeoTestGrids.lon(seq) + 0.0001))
                .isPresent();
    }

    @Test
    void malformedJsonIsRejectedAndNothingIsImported() throws Exception {
        rejected("{\"type\":\"FeatureCollection\",\"features\":[{")
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.errors[0].index").value(-1));
    }

    @Test
    void aWrongTypeIsRejectedWithTheFeatureIndexAndNothingIsImported() throws Exception {
        int good = GeoTestGrids.nextSequence();
        rejected(GeoTestGrids.collection(
                        GeoTestGrids.feature(GeoTestGrids.code(good), GeoTestGrids.square(good)),
                        "{\"type\":\"Feature\",\"properties\":{\"code\":\"320402001001999\"},"
                                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\"oops\"}}"))
                .andExpect(jsonPath("$.field").value("features[1].geometry.coordinates"))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("320402001001999"));
        assertThat(locator.locate(GeoTestGrids.lat(good) + 0.0001, GeoTestGrids.lon(good) + 0.0001))
                .isEmpty();
    }

    @Test
    void anOpenRingIsRejected() throws Exception {
        int seq = GeoTestGrids.nextSequence();
        double x = GeoTestGrids.lon(seq);
        double y = GeoTestGrids.lat(seq);
        String open = "[[[" + x + "," + y + "],[" + (x + 0.0005) + "," + y + "],[" + (x + 0.0005) + "," + (y + 0.0005)
                + "],[" + x + "," + (y + 0.0005) + "]]]";
        rejected(GeoTestGrids.collection(GeoTestGrids.feature(GeoTestGrids.code(seq), open)))
                .andExpect(jsonPath("$.errors[0].index").value(0))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("not closed")));
    }

    @Test
    void aSelfIntersectingPolygonIsRejected() throws Exception {
        int seq = GeoTestGrids.nextSequence();
        double x = GeoTestGrids.lon(seq);
        double y = GeoTestGrids.lat(seq);
        double d = 0.0005;
        String bowtie = "[[[" + x + "," + y + "],[" + (x + d) + "," + (y + d) + "],[" + (x + d) + "," + y + "],[" + x
                + "," + (y + d) + "],[" + x + "," + y + "]]]";
        rejected(GeoTestGrids.collection(GeoTestGrids.feature(GeoTestGrids.code(seq), bowtie)))
                .andExpect(jsonPath("$.errors[0].index").value(0))
                .andExpect(jsonPath("$.errors[0].field").value("features[0].geometry"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value(org.hamcrest.Matchers.containsString("Self-intersection")));
    }

    @Test
    void overlappingGridsAreRejectedButGridsSharingAnEdgeAreFine() throws Exception {
        int a = GeoTestGrids.nextSequence();
        int b = GeoTestGrids.nextSequence();
        double x = GeoTestGrids.lon(a);
        double y = GeoTestGrids.lat(a);
        String overlapping = GeoJsonGridReaderTests.square(x + GeoTestGrids.SIZE / 2, y, GeoTestGrids.SIZE);
        rejected(GeoTestGrids.collection(
                        GeoTestGrids.feature(GeoTestGrids.code(a), GeoTestGrids.square(a)),
                        GeoTestGrids.feature(GeoTestGrids.code(b), overlapping)))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value(org.hamcrest.Matchers.containsString("overlaps feature 0")));

        // the neighbour to the east shares an edge exactly: accepted
        String touching = GeoJsonGridReaderTests.square(x + GeoTestGrids.SIZE, y, GeoTestGrids.SIZE / 8);
        importJson(GeoTestGrids.collection(
                        GeoTestGrids.feature(GeoTestGrids.code(a), GeoTestGrids.square(a)),
                        GeoTestGrids.feature(GeoTestGrids.code(b), touching)))
                .andExpect(status().isCreated());
    }

    @Test
    void aGridOverlappingAStoredGridIsRejected() throws Exception {
        int seq = GeoTestGrids.nextSequence();
        double lon = DemoGrids.TIANNING.lon();
        double lat = DemoGrids.TIANNING.lat();
        rejected(GeoTestGrids.collection(
                        GeoTestGrids.feature(GeoTestGrids.code(seq), GeoJsonGridReaderTests.square(lon, lat, 0.0005))))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value(org.hamcrest.Matchers.containsString("overlaps existing grid")));
    }

    @Test
    void duplicateCodesAreRejectedInTheFileAndAgainstTheLayer() throws Exception {
        int a = GeoTestGrids.nextSequence();
        int b = GeoTestGrids.nextSequence();
        rejected(GeoTestGrids.collection(
                        GeoTestGrids.feature(GeoTestGrids.code(a), GeoTestGrids.square(a)),
                        GeoTestGrids.feature(GeoTestGrids.code(a), GeoTestGrids.square(b))))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("features[1].properties.code"))
                .andExpect(
                        jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("duplicate code")));

        rejected(GeoTestGrids.collection(GeoTestGrids.feature(DemoGrids.TIANNING.gridCode(), GeoTestGrids.square(a))))
                .andExpect(
                        jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("already exists")));
    }

    @Test
    void aGridOfAnUnknownCommunityIsRejected() throws Exception {
        int seq = GeoTestGrids.nextSequence();
        rejected(GeoTestGrids.collection(
                        GeoTestGrids.feature("320402001099001", GeoTestGrids.square(seq)),
                        GeoTestGrids.feature("12345", GeoTestGrids.square(seq + 0))))
                .andExpect(jsonPath("$.errors[0].index").value(0))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value(org.hamcrest.Matchers.containsString("community 320402001099 does not exist")))
                .andExpect(jsonPath("$.errors[1].index").value(1))
                .andExpect(jsonPath("$.errors[1].reason").value(org.hamcrest.Matchers.containsString("15 digits")));
    }

    @Test
    void anUnknownModeIsRejectedNamingMode() throws Exception {
        mvc.perform(post("/api/v1/geo/grids/import")
                        .param("mode", "merge")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(GeoTestGrids.collection()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("mode"));
    }

    @Test
    void onlyAnAdministratorMayImportGrids() throws Exception {
        int seq = GeoTestGrids.nextSequence();
        mvc.perform(post("/api/v1/geo/grids/import")
                        .header("Authorization", Api.bearer(mvc, "dispatcher1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(GeoTestGrids.collection(
                                GeoTestGrids.feature(GeoTestGrids.code(seq), GeoTestGrids.square(seq)))))
                .andExpect(status().isForbidden());
        assertThat(locator.locate(GeoTestGrids.lat(seq) + 0.0001, GeoTestGrids.lon(seq) + 0.0001))
                .isEmpty();
    }
}
