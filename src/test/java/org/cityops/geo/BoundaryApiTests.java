package org.cityops.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.geo.demo.DemoGrids;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class BoundaryApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private JsonNode feature(JsonNode fc, String code) {
        for (JsonNode f : fc.get("features")) {
            if (code.equals(f.get("id").asString())) {
                return f;
            }
        }
        throw new AssertionError("no feature " + code);
    }

    @Test
    void anyoneGetsTheDemoDistrictsAndStreetsWithNamesAndLabelPointsWithoutSigningIn() throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/public/geo/boundaries"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/geo+json"))
                .andExpect(header().exists("ETag"))
                .andReturn();
        JsonNode fc = json.readTree(r.getResponse().getContentAsByteArray());
        JsonNode tianning = feature(fc, "320402");
        assertThat(tianning.at("/properties/level").asString()).isEqualTo("district");
        assertThat(tianning.at("/properties/name").asString()).isEqualTo("天宁区");
        assertThat(tianning.at("/properties/grids").asInt()).isGreaterThanOrEqualTo(2304);
        JsonNode street = feature(fc, "320402001");
        assertThat(street.at("/properties/level").asString()).isEqualTo("street");
        assertThat(street.at("/properties/name").asString()).isEqualTo("雕庄街道");
        assertThat(street.at("/properties/districtCode").asString()).isEqualTo("320402");
        assertThat(street.at("/properties/label").size()).isEqualTo(2);
        long districts = 0;
        for (JsonNode f : fc.get("features")) {
            if ("district".equals(f.at("/properties/level").asString())) {
                districts++;
            }
        }
        assertThat(districts).as("the seven demo districts").isEqualTo(7);
        double[] bbox = {
            fc.at("/bbox/0").asDouble(),
            fc.at("/bbox/1").asDouble(),
            fc.at("/bbox/2").asDouble(),
            fc.at("/bbox/3").asDouble()
        };
        assertThat(DemoGrids.TIANNING.lon()).isBetween(bbox[0], bbox[2]);
        assertThat(DemoGrids.LIYANG.lat()).isBetween(bbox[1], bbox[3]);
    }

    @Test
    void aBrowserThatHasTheCurrentLayerGetsA304() throws Exception {
        String etag = mvc.perform(get("/api/v1/public/geo/boundaries"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(get("/api/v1/public/geo/boundaries").header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=300")));
    }
}
