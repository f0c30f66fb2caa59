package org.cityops.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Issue 11, point 14: evidence links are same-origin paths only, and the evidence link never redirects off-site. */
@IntegrationTest
class EvidenceLinkApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long measure() throws Exception {
        String json = """
                {"inspection":{"name":"链接-%s","inspecting_body":"市委第二巡察组","kind":"巡察","feedback_date":"2026-10-01"},
                 "categories":[{"no":1,"title":"环境卫生","problems":[
                   {"no":1,"title":"公厕管理不规范","measures":[
                     {"title":"公厕巡查","text":"建立公厕巡查制度。","lead_department":"HWC","deadline":"2030年6月底"}]}]}]}
                """.formatted(UUID.randomUUID());
        String body = mvc.perform(post("/api/v1/rectification/inspections/import")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long inspection = ((Number) JsonPath.read(body, "$.inspectionId")).longValue();
        String problems = mvc.perform(get("/api/v1/rectification/inspections/" + inspection + "/problems")
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(problems, "$[0].measures[0].id")).longValue();
    }

    ResultActions link(long measure, String url) throws Exception {
        return mvc.perform(post("/api/v1/rectification/measures/" + measure + "/evidence")
                .header("Authorization", Api.bearer(mvc, "handler-hwc"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"LINK\",\"name\":\"证据\",\"url\":\"" + url + "\"}"));
    }

    @Test
    void onlyAPathOnThisPlatformIsAcceptedAsAnEvidenceLink() throws Exception {
        long m = measure();
        for (String bad : new String[] {
            "//evil.example/x",
            "/\\\\evil.example/x",
            "https://evil.example/doc",
            "javascript:alert(1)",
            "/\\t/evil.example"
        }) {
            link(m, bad)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("url"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("本平台内")));
        }
        String ok = link(m, "/cases?category=E06001")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long evidence = ((Number) JsonPath.read(ok, "$.evidence[0].id")).longValue();
        mvc.perform(get("/api/v1/rectification/evidence/" + evidence)
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/cases?category=E06001"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rect_evidence WHERE measure_id = :m")
                        .param("m", m)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLinkStoredBeforeTheRuleIsNotFollowedOffSite() throws Exception {
        long m = measure();
        long id = jdbc.sql("""
                INSERT INTO rect_evidence (measure_id, kind, name, url, author, created_at)
                VALUES (:m, 'LINK', '旧链接', '//evil.example/phish', 'handler-hwc', :t)""").param("m", m).param("t", OffsetDateTime.now()).update() > 0
                ? jdbc.sql("SELECT MAX(id) FROM rect_evidence WHERE measure_id = :m")
                        .param("m", m)
                        .query(Long.class)
                        .single()
                : -1;
        mvc.perform(get("/api/v1/rectification/evidence/" + id).header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isNotFound())
                .andExpect(header().doesNotExist("Location"));
    }
}
