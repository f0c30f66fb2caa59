package org.cityops.streetfront.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 门前三包 layer of the street-front map: zones in the box and the caller's scope, coloured by the latest
 * inspection, with the party, street and 红黑榜 rating. Test zones lie in 金坛's demo row 5 (the zone flow tests use
 * row 1).
 */
@IntegrationTest
class ZoneMapTests {

    static final int ROW = 5;

    @Autowired
    MockMvc mvc;

    long zone(int col, int party) throws Exception {
        String body = mvc.perform(post("/api/v1/streetfront/zones")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(StreetfrontZoneFlowTests.body(
                                StreetfrontZoneFlowTests.code(),
                                StreetfrontZoneFlowTests.credit(party),
                                StreetfrontZoneFlowTests.strip(col, ROW, 0.1, 0.5),
                                null)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void inspect(long zone, String json) throws Exception {
        mvc.perform(post("/api/v1/streetfront/zones/" + zone + "/inspections")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated());
    }

    /** The box of 金坛 cells (from..to, ROW). */
    static String box(int from, int to) {
        double north = StreetfrontZoneFlowTests.NORTH - ROW * StreetfrontZoneFlowTests.DLAT;
        double south = north - StreetfrontZoneFlowTests.DLAT;
        double west = StreetfrontZoneFlowTests.WEST + from * StreetfrontZoneFlowTests.DLON;
        double east = StreetfrontZoneFlowTests.WEST + (to + 1) * StreetfrontZoneFlowTests.DLON;
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", west, south, east, north);
    }

    List<Map<String, Object>> onMap(String user, String bbox) throws Exception {
        String body = mvc.perform(get("/api/v1/streetfront/zones/map")
                        .param("bbox", bbox)
                        .header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$");
    }

    @Test
    void zones_in_the_box_are_coloured_by_their_latest_inspection_and_carry_party_street_and_rating() throws Exception {
        long kept = zone(1, 301);
        long broken = zone(2, 302);
        long untouched = zone(3, 303);
        inspect(kept, "{\"order\":\"不合格\",\"note\":\"店外经营\"}");
        inspect(kept, "{\"cityscape\":\"PASS\"}"); // the latest counts: 履约
        inspect(broken, "{\"order\":\"不合格\",\"note\":\"店外经营\"}");
        inspect(broken, "{\"sanitation\":\"FAIL\"}");
        List<Map<String, Object>> zones = onMap("leader1", box(1, 3));
        assertThat(zones).extracting(z -> ((Number) z.get("id")).longValue()).contains(kept, broken, untouched);
        Map<Long, Map<String, Object>> byId = new java.util.HashMap<>();
        zones.forEach(z -> byId.put(((Number) z.get("id")).longValue(), z));
        assertThat(byId.get(kept)).containsEntry("status", "COMPLIANT").containsEntry("statusLabel", "履约");
        assertThat(byId.get(broken))
                .containsEntry("status", "NONCOMPLIANT")
                .containsEntry("rating", "BLACK") // two failures, 履约率 0 %
                .containsEntry("ratingLabel", "黑榜");
        assertThat(byId.get(untouched)).containsEntry("status", "UNINSPECTED").containsEntry("rating", "NONE");
        assertThat((String) byId.get(kept).get("partyName")).startsWith("测试商店");
        assertThat((String) byId.get(kept).get("partyCreditCode")).isEqualTo(StreetfrontZoneFlowTests.credit(301));
        assertThat((String) byId.get(kept).get("streetName")).isNotBlank();
        assertThat((String) byId.get(kept).get("polygon")).startsWith("POLYGON");
        // a box beside them holds none of them
        assertThat(onMap("leader1", box(6, 7)))
                .extracting(z -> ((Number) z.get("id")).longValue())
                .doesNotContain(kept, broken, untouched);
    }

    @Test
    void the_layer_keeps_to_the_callers_scope_and_needs_a_sign_in() throws Exception {
        long id = zone(5, 305);
        assertThat(onMap("streetfront-tianning", box(5, 5)))
                .extracting(z -> ((Number) z.get("id")).longValue())
                .doesNotContain(id);
        assertThat(onMap("streetfront1", box(5, 5)))
                .extracting(z -> ((Number) z.get("id")).longValue())
                .contains(id);
        mvc.perform(get("/api/v1/streetfront/zones/map").param("bbox", box(5, 5)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_bad_or_city_wide_box_is_refused_naming_the_box() throws Exception {
        for (String bad : new String[] {"1,2,3", "a,b,c,d", "119.6,31.7,119.5,31.8", "119.0,31.0,120.5,32.5"}) {
            mvc.perform(get("/api/v1/streetfront/zones/map")
                            .param("bbox", bad)
                            .header("Authorization", Api.bearer(mvc, "admin")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("bbox"));
        }
    }
}
