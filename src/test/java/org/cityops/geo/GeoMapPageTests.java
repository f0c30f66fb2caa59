package org.cityops.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The map pages as rendered: script order, and the map settings handed to /js/cityops-map.js. */
@IntegrationTest
class GeoMapPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    private JsonNode settings(String html) {
        Matcher m = Pattern.compile("<script src=\"/js/cityops-map.js\" defer data-basemap=\"([^\"]*)\"|"
                        + "<script src=\"/js/cityops-map.js\" data-basemap=\"([^\"]*)\" defer")
                .matcher(html);
        assertThat(m.find()).as("the map helper with its settings").isTrue();
        return json.readTree(HtmlUtils.htmlUnescape(m.group(1) != null ? m.group(1) : m.group(2)));
    }

    @Test
    void theGridMapPageRunsLeafletTheHelperAndItsScriptDeferredAfterTheShellScript() throws Exception {
        String html = mvc.perform(get("/geo/map").session(login("inspector1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int shell = html.indexOf("<script src=\"/js/cityops.js\" defer>");
        int leaflet = html.indexOf("/dist/leaflet.js\" defer>"); // /webjars/leaflet/<version>/dist/leaflet.js
        int helper = html.indexOf("<script src=\"/js/cityops-map.js\"");
        int page = html.indexOf("<script src=\"/js/geo-map.js\" defer>");
        assertThat(shell).as("cityops.js, deferred").isPositive();
        assertThat(leaflet).as("leaflet.js, deferred").isGreaterThan(shell);
        assertThat(helper).isGreaterThan(leaflet);
        assertThat(page)
                .as("geo-map.js, deferred so cityops is defined when it runs")
                .isGreaterThan(helper);
    }

    @Test
    void withNothingConfiguredTheMapsRequestNoTilesAndDrawTheBoundariesAndGrids() throws Exception {
        String html = mvc.perform(get("/geo/map").session(login("inspector1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode s = settings(html);
        assertThat(s.get("source").asString()).isEqualTo("none");
        assertThat(s.get("crs").asString()).isEqualTo("WGS84");
        assertThat(s.get("layers").size())
                .as("no tile layer, nothing from the internet")
                .isZero();
        assertThat(s.get("boundaries").asString()).isEqualTo("/api/v1/public/geo/boundaries");
        assertThat(s.get("grids").asString()).isEqualTo("/api/v1/geo/grids");
        assertThat(s.at("/labels/district").asString()).isEqualTo("区界");
        assertThat(s.at("/labels/legend").asString()).isEqualTo("图例");
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void theCitizenReportMapGetsTheBoundariesButNotTheStaffGridLayerAndEnglishLabelsInEnglish() throws Exception {
        String html = mvc.perform(get("/public/report").param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode s = settings(html);
        assertThat(s.get("boundaries").asString()).isEqualTo("/api/v1/public/geo/boundaries");
        assertThat(s.has("grids")).isFalse();
        assertThat(s.at("/labels/district").asString()).isEqualTo("District boundary");
    }

    @Test
    void withoutABasemapFileTheTileAddressIsA404ForAnyoneNotARedirectToTheLogin() throws Exception {
        mvc.perform(get("/tiles/12/3423/1655"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("未配置底图文件")));
    }
}
