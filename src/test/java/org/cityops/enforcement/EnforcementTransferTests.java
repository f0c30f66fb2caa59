package org.cityops.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 12319 案件移送执法, both ways: the 12319 case waits on 挂账 and gets the result back as its 处置反馈. */
@IntegrationTest
class EnforcementTransferTests {

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

    String json(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    /** A 违建 (无证建设) 12319 case taken in, verified, filed and dispatched by the routing rule (to the 支队). */
    long dispatched12319Case() throws Exception {
        String res = json(postJson("/api/v1/cases", "operator1", """
                {"channel":"HOTLINE","categoryCode":"E08016","description":"移送测试 %s 违建","lat":%s,"lon":%s,
                 "address":"测试路2号","urgency":"NORMAL"}""".formatted(
                                UUID.randomUUID(), EnforcementApiTests.LAT, EnforcementApiTests.LON))
                .andExpect(status().isCreated()));
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        act("inspector1", id, "{\"action\":\"VERIFY\",\"note\":\"属实\"}");
        act("shiftlead1", id, "{\"action\":\"FILE\"}");
        act("dispatcher1", id, "{\"action\":\"DISPATCH\"}");
        return id;
    }

    String act(String user, long id, String body) throws Exception {
        return json(postJson("/api/v1/cases/" + id + "/transitions", user, body).andExpect(status().isOk()));
    }

    String caseStatus(long id) throws Exception {
        return JsonPath.read(
                json(mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "shiftlead1")))),
                "$.status");
    }

    String caseNumber(long id) {
        return jdbc.sql("SELECT case_number FROM city_case WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    long transfer(String number) throws Exception {
        String body = """
                {"source":"TRANSFER","sourceCaseNumber":"%s","partyKind":"PERSON","partyName":"违建当事人",
                 "partyId":"11010519491231002X","itemCode":"WJ-001","description":"无证建设","lat":%s,"lon":%s,
                 "address":"测试路2号","discoveredOn":"%s"}""".formatted(
                number, EnforcementApiTests.LAT, EnforcementApiTests.LON, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        String res =
                json(postJson("/api/v1/enforcement/cases", "enforce1", body).andExpect(status().isCreated()));
        return ((Number) JsonPath.read(res, "$.c.id")).longValue();
    }

    void step(long id, String step, String body) throws Exception {
        postJson("/api/v1/enforcement/cases/" + id + "/steps/" + step, "enforce1", body)
                .andExpect(status().isOk());
    }

    Map<String, Object> link(long caseId) {
        return jdbc.sql("SELECT * FROM case_enforcement_link WHERE case_id = :id")
                .param("id", caseId)
                .query()
                .singleRow();
    }

    @Test
    void a_transferred_12319_case_waits_on_suspension_and_gets_the_result_back_to_go_on_to_check_and_close()
            throws Exception {
        long caseId = dispatched12319Case();
        assertThat(caseStatus(caseId)).isEqualTo("DISPATCHED");
        long enf = transfer(caseNumber(caseId));
        String enfNumber = jdbc.sql("SELECT case_number FROM enf_case WHERE id = :id")
                .param("id", enf)
                .query(String.class)
                .single();

        await("the 12319 case waits")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(caseStatus(caseId)).isEqualTo("SUSPENDED"));
        assertThat(link(caseId)).containsEntry("enforcement_number", enfNumber);
        assertThat(link(caseId).get("outcome")).isNull();
        String history = json(
                mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", Api.bearer(mvc, "shiftlead1"))));
        List<String> actions = JsonPath.read(history, "$.history[*].action");
        assertThat(actions).containsSubsequence("DISPATCH", "ACCEPT", "SUSPEND");
        org.springframework.mock.web.MockHttpSession shiftLeader =
                (org.springframework.mock.web.MockHttpSession)
                        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                                        .formLogin("/login")
                                        .user("shiftlead1")
                                        .password(Api.DEMO_PASSWORD))
                                .andReturn()
                                .getRequest()
                                .getSession();
        mvc.perform(get("/cases/" + caseId).session(shiftLeader))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(enfNumber)));

        step(enf, "FILE", "{}");
        step(enf, "NOTIFY", "{\"tier\":\"MINOR\",\"fine\":1000}");
        step(enf, "WAIVE", "{\"note\":\"当事人放弃\"}");
        step(enf, "DECIDE", "{}");
        step(enf, "SERVE", "{}");
        step(enf, "PAY", "{\"amount\":1000}");
        assertThat(caseStatus(caseId)).isEqualTo("SUSPENDED");
        step(enf, "CLOSE", "{\"note\":\"违建已自行拆除\"}");

        await("the result is back")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(caseStatus(caseId)).isEqualTo("HANDLED"));
        assertThat(link(caseId)).containsEntry("outcome", "CLOSED");
        assertThat((String) link(caseId).get("result"))
                .contains(enfNumber)
                .contains("已结案")
                .contains("罚款1000元")
                .contains("违建已自行拆除");
        String after = json(
                mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", Api.bearer(mvc, "shiftlead1"))));
        List<String> notes = JsonPath.read(after, "$.history[?(@.action == 'REPORT_HANDLED')].note");
        assertThat(notes).singleElement().asString().startsWith("执法结果：").contains(enfNumber);
        act("inspector1", caseId, "{\"action\":\"CHECK_PASS\"}");
        act("shiftlead1", caseId, "{\"action\":\"CLOSE\"}");
        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
    }

    @Test
    void a_withdrawn_enforcement_case_reports_its_reason_back() throws Exception {
        long caseId = dispatched12319Case();
        long enf = transfer(caseNumber(caseId));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(caseStatus(caseId)).isEqualTo("SUSPENDED"));
        step(enf, "FILE", "{}");
        step(enf, "WITHDRAW", "{\"note\":\"违法事实不能成立\"}");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(caseStatus(caseId)).isEqualTo("HANDLED"));
        assertThat(link(caseId)).containsEntry("outcome", "WITHDRAWN");
        assertThat((String) link(caseId).get("result")).contains("已撤案").contains("违法事实不能成立");
    }
}
