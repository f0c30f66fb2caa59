package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.util.UUID;

import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class Open311Tests {

    static final String KEY = "cityops-demo-key";

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;
    @Autowired
    GridLocator locator;
    @Autowired
    JdbcClient jdbc;

    String code() {
        return catalog.activeCategories().get(0).qualifiedCode();
    }

    MockHttpServletRequestBuilder create(String fmt, String key, String description) {
        Places.Place p = Places.any(locator);
        return post("/open311/v2/requests." + fmt).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", key).param("service_code", code()).param("description", description)
                .param("lat", String.valueOf(p.lat())).param("long", String.valueOf(p.lon()))
                .param("first_name", "Li").param("phone", "13700000000");
    }

    @Test
    void discoveryAndServicesComeInXmlAndJson() throws Exception {
        mvc.perform(get("/open311/v2/discovery.xml")).andExpect(status().isOk())
                .andExpect(content().contentType("text/xml;charset=utf-8"))
                .andExpect(xpath("/discovery/endpoints/endpoint[1]/formats/format[1]").string("text/xml"));
        mvc.perform(get("/open311/v2/discovery.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].formats[1]").value("application/json"));
        mvc.perform(get("/open311/v2/services.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_code").isString())
                .andExpect(jsonPath("$[0].type").value("realtime"));
        mvc.perform(get("/open311/v2/services.xml")).andExpect(status().isOk())
                .andExpect(xpath("/services/service[1]/service_code").exists());
        mvc.perform(get("/open311/v2/services/NOPE.json")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
    }

    @Test
    void aClientWithTheKeyPostsARequestAndReadsItBack() throws Exception {
        String description = "Open311 " + UUID.randomUUID();
        String res = mvc.perform(create("json", KEY, description)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").isString())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(res, "$[0].service_request_id");
        mvc.perform(get("/open311/v2/requests/" + id + ".json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].description").value(description))
                .andExpect(jsonPath("$[0].requested_datetime").value(Matchers.matchesPattern(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("13700000000"))));
        mvc.perform(get("/open311/v2/requests/" + id + ".xml")).andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(id));
        mvc.perform(get("/open311/v2/tokens/" + id + ".json")).andExpect(jsonPath("$[0].service_request_id").value(id));
        assertThat(jdbc.sql("SELECT channel FROM city_case WHERE case_number = :n").param("n", id)
                .query(String.class).single()).isEqualTo("OPEN311");
    }

    @Test
    void badRequestsGetOpen311Errors() throws Exception {
        mvc.perform(create("xml", "wrong-key", "x")).andExpect(status().isForbidden())
                .andExpect(xpath("/errors/error/code").string("403"));
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", KEY).param("service_code", code()).param("description", "no place"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", KEY).param("service_code", "NOPE").param("lat", "31.8").param("long", "119.9"))
                .andExpect(status().isNotFound());
        mvc.perform(create("json", KEY, "长".repeat(4001))).andExpect(status().isBadRequest());
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday")).andExpect(status().isBadRequest());
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyGivesTheSameRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        String description = "Open311 replay " + key;
        String a = mvc.perform(create("json", KEY, description).header("Idempotency-Key", key))
                .andReturn().getResponse().getContentAsString();
        String b = mvc.perform(create("json", KEY, description).header("Idempotency-Key", key))
                .andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(b, "$[0].service_request_id")).isEqualTo(JsonPath.read(a, "$[0].service_request_id"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM city_case WHERE description = :d").param("d", description)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void requestsArePagedUpTo500() throws Exception {
        mvc.perform(get("/open311/v2/requests.json").param("page_size", "1000").param("status", "open,closed"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(Matchers.lessThanOrEqualTo(500)));
        mvc.perform(get("/open311/v2/requests.xml").param("page_size", "2").param("page", "1"))
                .andExpect(status().isOk()).andExpect(xpath("count(/service_requests/request)").number(
                        Matchers.lessThanOrEqualTo(2.0)));
    }
}
