package org.cityops.enforcement.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The 违建 register through the API on the demo city. */
@IntegrationTest
class IllegalStructuresApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    ResultActions postJson(String path, String user, String body) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    static String outline(double lat, double lon) {
        double d = 0.00005;
        return "[[%s,%s],[%s,%s],[%s,%s],[%s,%s]]"
                .formatted(lon - d, lat - d, lon + d, lat - d, lon + d, lat + d, lon - d, lat + d);
    }

    long register(String status) throws Exception {
        String body = postJson("/api/v1/enforcement/structures", "enforce1", """
                        {"kind":"ROOF_ADDITION","status":"%s","foundBy":"HOTLINE","sourceCaseNumber":"12319-T-1",
                         "partyName":"测试户","address":"天宁区测试小区1幢楼顶","outline":%s,"areaM2":100,
                         "foundOn":"%s"}""".formatted(
                                status, outline(31.80715, 119.93837), today()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.districtCode").value("320402"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void a_structure_is_placed_in_its_district_by_its_outline_and_a_bad_outline_is_named() throws Exception {
        long id = register("UNDER_CONSTRUCTION");
        mvc.perform(get("/api/v1/enforcement/structures/" + id).header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.s.status").value("UNDER_CONSTRUCTION"))
                .andExpect(jsonPath("$.s.code").value(org.hamcrest.Matchers.startsWith("WJ")));
        postJson("/api/v1/enforcement/structures", "enforce1", """
                        {"kind":"ROOF_ADDITION","foundBy":"PATROL","address":"x","outline":[[119.9,31.8],[119.901,31.801],
                         [119.901,31.8],[119.9,31.801]],"areaM2":10,"foundOn":"%s"}""".formatted(today()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("outline"));
        postJson("/api/v1/enforcement/structures", "leader1", """
                        {"kind":"ROOF_ADDITION","foundBy":"PATROL","address":"x","outline":%s,"areaM2":10,
                         "foundOn":"%s"}""".formatted(outline(31.80715, 119.93837), today()))
                .andExpect(status().isForbidden());
    }

    @Test
    void demolition_needs_a_before_and_an_after_photo_and_closes_the_order() throws Exception {
        long id = register("BUILT");
        postJson(
                        "/api/v1/enforcement/structures/" + id + "/orders",
                        "enforce1",
                        "{\"deadline\":\"" + today().minusDays(1) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("deadline"));
        postJson(
                        "/api/v1/enforcement/structures/" + id + "/orders",
                        "enforce1",
                        "{\"deadline\":\"" + today().plusDays(10) + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("DEMOLITION_ORDER"))
                .andExpect(jsonPath("$.nextLevel").value("DEPARTMENT"));
        postJson("/api/v1/enforcement/structures/" + id + "/outcome", "enforce1", "{\"outcome\":\"DEMOLISHED\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("photos"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        for (String phase : new String[] {"BEFORE", "AFTER"}) {
            mvc.perform(multipart("/api/v1/enforcement/structures/" + id + "/photos")
                            .file(new MockMultipartFile("file", "p.png", "image/png", png))
                            .param("phase", phase)
                            .header("Authorization", Api.bearer(mvc, "enforce1")))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.sha256").isNotEmpty());
        }
        postJson("/api/v1/enforcement/structures/" + id + "/outcome", "enforce1", "{\"outcome\":\"DEMOLISHED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DEMOLISHED"));
        mvc.perform(get("/api/v1/enforcement/structures/" + id).header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(jsonPath("$.orders[0].doneOn").value(today().toString()))
                .andExpect(jsonPath("$.photos.length()").value(2));
        postJson(
                        "/api/v1/enforcement/structures/" + id + "/notices",
                        "enforce1",
                        "{\"kind\":\"REAL_ESTATE_RESTRICTION\"}")
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'ENF_STRUCTURE' AND action = 'PHOTO'"
                                + " AND after_summary LIKE 'AFTER SHA-256 %'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void a_notice_is_a_document_and_a_log_line_once_and_a_credit_penalty_needs_an_overdue_order() throws Exception {
        long id = register("BUILT");
        postJson("/api/v1/enforcement/structures/" + id + "/notices", "enforce1", "{\"kind\":\"CREDIT_PENALTY\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("kind"));
        postJson(
                        "/api/v1/enforcement/structures/" + id + "/notices",
                        "enforce1",
                        "{\"kind\":\"REAL_ESTATE_RESTRICTION\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("REAL_ESTATE_RESTRICTION"));
        postJson(
                        "/api/v1/enforcement/structures/" + id + "/notices",
                        "enforce1",
                        "{\"kind\":\"REAL_ESTATE_RESTRICTION\"}")
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/enforcement/structures/" + id).header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(jsonPath("$.notices[0].recipient").value("常州市不动产登记中心"))
                .andExpect(jsonPath("$.documents[0].typeLabel").value("协助限制不动产登记通知书"));
    }

    @Test
    void the_demo_register_shows_an_overdue_order_and_figures_per_district() throws Exception {
        mvc.perform(get("/api/v1/enforcement/structures/overdue").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$[0].overdue").value(true));
        mvc.perform(get("/api/v1/enforcement/structures/districts").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.districtCode == '320402')].fromHotline").isNotEmpty());
        MockHttpSession officer = (MockHttpSession)
                mvc.perform(formLogin("/login").user("enforce1").password(Api.DEMO_PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/enforcement/structures").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"structures-map\"")))
                .andExpect(content().string(containsString("逾期未拆除")));
        Long id = jdbc.sql("SELECT MIN(id) FROM enf_structure WHERE status = 'DEMOLISHED'")
                .query(Long.class)
                .single();
        mvc.perform(get("/enforcement/structures/" + id).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("拆除前")));
        Long caseId = jdbc.sql("SELECT MIN(owner_id) FROM enf_document WHERE owner_kind = 'CASE'")
                .query(Long.class)
                .single();
        mvc.perform(get("/enforcement/cases/" + caseId + "/documents").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("行政处罚决定书")));
    }
}
