package org.cityops.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.geo.demo.DemoGrids;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LocateApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridLocator locator;

    @Test
    void eachKnownDemoPointLiesInItsDistrictsFirstGrid() {
        for (DemoGrids.KnownPoint p : DemoGrids.KNOWN_POINTS) {
            assertThat(locator.locate(p.lat(), p.lon())).as(p.districtCode()).hasValueSatisfying(loc -> {
                assertThat(loc.gridCode()).isEqualTo(p.gridCode());
                assertThat(loc.districtCode()).isEqualTo(p.districtCode());
            });
        }
    }

    @Test
    void aPointInTianningIsLocatedWithCodesAndNames() throws Exception {
        mvc.perform(get("/api/v1/geo/locate")
                        .param("lat", String.valueOf(DemoGrids.TIANNING.lat()))
                        .param("lon", String.valueOf(DemoGrids.TIANNING.lon()))
                        .header("Authorization", Api.bearer(mvc, "inspector1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gridCode").value("320402001001001"))
                .andExpect(jsonPath("$.communityCode").value("320402001001"))
                .andExpect(jsonPath("$.communityName").value("丽华新村社区"))
                .andExpect(jsonPath("$.streetCode").value("320402001"))
                .andExpect(jsonPath("$.streetName").value("雕庄街道"))
                .andExpect(jsonPath("$.districtCode").value("320402"))
                .andExpect(jsonPath("$.districtName").value("天宁区"));
    }

    @Test
    void aPointOutsideTheCityIsA404ProblemDetail() throws Exception {
        mvc.perform(get("/api/v1/geo/locate")
                        .param("lat", String.valueOf(DemoGrids.OUTSIDE_LAT))
                        .param("lon", String.valueOf(DemoGrids.OUTSIDE_LON))
                        .header("Authorization", Api.bearer(mvc, "inspector1")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").exists());
    }

    @Test
    void aLatitudeOutOfRangeIsA400NamingLat() throws Exception {
        mvc.perform(get("/api/v1/geo/locate")
                        .param("lat", "91")
                        .param("lon", "119.9")
                        .header("Authorization", Api.bearer(mvc, "inspector1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lat"));
        mvc.perform(get("/api/v1/geo/locate")
                        .param("lat", "31.7")
                        .param("lon", "-181")
                        .header("Authorization", Api.bearer(mvc, "inspector1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lon"));
        mvc.perform(get("/api/v1/geo/locate")
                        .param("lat", "north")
                        .param("lon", "119.9")
                        .header("Authorization", Api.bearer(mvc, "inspector1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lat"));
    }

    @Test
    void locatingNeedsAToken() throws Exception {
        mvc.perform(get("/api/v1/geo/locate").param("lat", "31.78").param("lon", "119.95"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theMapApiReturnsTheGridsInABox() throws Exception {
        double lat = DemoGrids.TIANNING.lat();
        double lon = DemoGrids.TIANNING.lon();
        String bbox = (lon - 0.002) + "," + (lat - 0.002) + "," + (lon + 0.002) + "," + (lat + 0.002);
        mvc.perform(get("/api/v1/geo/grids").param("bbox", bbox).header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features.length()").value(org.hamcrest.Matchers.greaterThan(3)))
                .andExpect(jsonPath("$.features[0].properties.districtName").exists())
                .andExpect(jsonPath("$.truncated").value(false));
    }

    @Test
    void theMapApiCapsTheNumberOfGrids() throws Exception {
        mvc.perform(get("/api/v1/geo/grids")
                        .param("bbox", "119,31,121,32")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.truncated").value(true))
                .andExpect(jsonPath("$.features.length()").value(3000));
    }

    @Test
    void aMalformedBoxIsA400NamingBbox() throws Exception {
        mvc.perform(get("/api/v1/geo/grids").param("bbox", "1,2,3").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("bbox"));
    }

    @Test
    void anUnknownGridIsA404AndAMalformedCodeA400() throws Exception {
        mvc.perform(get("/api/v1/geo/grids/320402001001998").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/geo/grids/abc").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"));
    }
}
