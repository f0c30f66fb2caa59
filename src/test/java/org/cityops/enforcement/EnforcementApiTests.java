package org.cityops.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Enforcement cases through the API and the pages, on the demo city. */
@IntegrationTest
class EnforcementApiTests {

    /** Centre of a 天宁区 demo grid cell. */
    static final double LAT = 31.80715;

    static final double LON = 119.93837;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    ResultActions postJson(String path, String user, String body) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String openBody(String source, String sourceNumber, String partyId) {
        return """
                {"source":"%s","sourceCaseNumber":%s,"partyKind":"PERSON","partyName":"测试当事人",
                 "partyId":"%s","itemCode":"SR-001","description":"占道经营","lat":%s,"lon":%s,
                 "address":"测试路1号","discoveredOn":"%s"}""".formatted(
                        source,
                        sourceNumber == null ? "null" : "\"" + sourceNumber + "\"",
                        partyId,
                        LAT,
                        LON,
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }

    long open(String sourceNumber) throws Exception {
        String body = postJson(
                        "/api/v1/enforcement/cases",
                        "enforce1",
                        openBody(sourceNumber == null ? "PATROL" : "TRANSFER", sourceNumber, "11010519491231002X"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.c.id")).longValue();
    }

    ResultActions step(long id, String step, String body) throws Exception {
        return postJson("/api/v1/enforcement/cases/" + id + "/steps/" + step, "enforce1", body);
    }

    @Test
    void a_12319_case_is_transferred_once_and_the_second_transfer_is_a_conflict() throws Exception {
        String number = "T" + UUID.randomUUID().toString().substring(0, 12);
        long id = open(number);
        mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.c.sourceCaseNumber").value(number))
                .andExpect(jsonPath("$.c.stage").value("PENDING_FILING"))
                .andExpect(jsonPath("$.clocks[0].kind").value("FILING"));
        postJson("/api/v1/enforcement/cases", "enforce1", openBody("TRANSFER", number, "11010519491231002X"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("sourceCaseNumber"));
    }

    @Test
    void a_party_without_a_valid_id_number_is_refused_naming_the_field() throws Exception {
        postJson("/api/v1/enforcement/cases", "enforce1", openBody("PATROL", null, "110105194912310021"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("partyId"));
        postJson("/api/v1/enforcement/cases", "enforce1", openBody("PATROL", null, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("partyId"));
    }

    @Test
    void a_case_goes_from_filing_to_closing_and_every_refusal_names_its_article() throws Exception {
        long id = open(null);
        step(id, "FILE", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.c.stage").value("INVESTIGATING"));
        // SR-001 一般: 100–300 yuan
        step(id, "NOTIFY", "{\"tier\":\"GENERAL\",\"fine\":800}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("fine"))
                .andExpect(jsonPath("$.detail").value(containsString("第三十四条")));
        step(id, "NOTIFY", "{\"tier\":\"GENERAL\",\"fine\":200}").andExpect(status().isOk());
        step(id, "DECIDE", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("第六十二条")));
        step(id, "WAIVE", "{\"note\":\"当事人放弃\"}").andExpect(status().isOk());
        step(id, "DECIDE", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.c.stage").value("DECIDED"));
        step(id, "SERVE", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.c.stage").value("SERVED"));
        step(id, "CLOSE", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("第七十二条")));
        step(id, "PAY", "{\"amount\":200}").andExpect(status().isOk());
        step(id, "CLOSE", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.c.stage").value("CLOSED"));
        String number = jdbc.sql("SELECT case_number FROM enf_case WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        List<String> actions = jdbc.sql(
                        "SELECT action FROM audit_entry WHERE entity_type = 'ENF_CASE' AND entity_id = :n ORDER BY id")
                .param("n", number)
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("CREATE", "FILE", "NOTIFY", "WAIVE", "DECIDE", "SERVE", "PAY", "CLOSE");
    }

    @Test
    void a_suspension_without_an_end_is_a_400_naming_the_field() throws Exception {
        long id = open(null);
        step(id, "FILE", "{}").andExpect(status().isOk());
        step(id, "SUSPEND", "{\"kind\":\"TESTING\",\"note\":\"送检\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("expectedEnd"));
        step(id, "SUSPEND", "{\"kind\":\"TESTING\",\"expectedEnd\":\"2099-01-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("note"));
    }

    @Test
    void the_list_masks_the_party_id_and_other_roles_are_refused() throws Exception {
        open(null);
        String body = mvc.perform(
                        get("/api/v1/enforcement/cases?size=200").header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(body, "$.rows[*].partyId");
        assertThat(ids).isNotEmpty().allMatch(s -> s.contains("*") || s.startsWith("9"));
        List<String> stages = JsonPath.read(body, "$.rows[*].stage");
        assertThat(stages).contains("PENDING_FILING", "INVESTIGATING", "NOTIFIED", "IN_REVIEW", "SERVED");
        mvc.perform(get("/api/v1/enforcement/cases").header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_legal_reviewer_approves_from_the_queue_and_an_officer_may_not() throws Exception {
        Long id = jdbc.sql("SELECT MIN(id) FROM enf_case WHERE stage = 'IN_REVIEW'")
                .query(Long.class)
                .single();
        assertThat(id).isNotNull();
        step(id, "APPROVE_REVIEW", "{\"note\":\"同意\"}").andExpect(status().isForbidden());
        postJson("/api/v1/enforcement/cases/" + id + "/steps/APPROVE_REVIEW", "legal1", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("note"));
        postJson("/api/v1/enforcement/cases/" + id + "/steps/APPROVE_REVIEW", "legal1", "{\"note\":\"事实清楚，同意\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.c.stage").value("REVIEWED"));
    }

    @Test
    void choosing_a_tier_gives_its_range_and_a_reason() throws Exception {
        mvc.perform(get("/api/v1/enforcement/items/WJ-001/choice?tier=GENERAL&fine=8000")
                        .header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fineMin").value(5000))
                .andExpect(jsonPath("$.inRange").value(true))
                .andExpect(jsonPath("$.reason").value(containsString("城乡规划法")));
    }

    @Test
    void the_pages_show_the_list_with_clocks_the_case_file_and_the_review_queue() throws Exception {
        MockHttpSession officer = (MockHttpSession)
                mvc.perform(formLogin("/login").user("enforce1").password(Api.DEMO_PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/enforcement").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"enforcement-list\"")))
                .andExpect(content().string(containsString("data-testid=\"clock\"")));
        Long id = jdbc.sql("SELECT MIN(id) FROM enf_case WHERE stage = 'SERVED'")
                .query(Long.class)
                .single();
        mvc.perform(get("/enforcement/cases/" + id).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-clock=\"PAYMENT\"")))
                .andExpect(content().string(containsString("加处罚款")));
        MockHttpSession reviewer =
                (MockHttpSession) mvc.perform(formLogin("/login").user("legal1").password(Api.DEMO_PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/enforcement/review").session(reviewer)).andExpect(status().isOk());
        mvc.perform(get("/enforcement/items").session(reviewer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("WJ-001")));
    }
}
