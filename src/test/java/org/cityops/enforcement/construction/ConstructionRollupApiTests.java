package org.cityops.enforcement.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
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

/**
 * The 12319 违建 roll-up counts the cases of the 违建 categories (not others), the deductions they carry and the
 * enforcement side, in the district and month of each step.
 */
@IntegrationTest
class ConstructionRollupApiTests {

    static final double LAT = 31.80715;
    static final double LON = 119.93837;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    ResultActions postJson(String path, String user, String body) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String json(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    long dispatched(String category) throws Exception {
        String res = json(postJson("/api/v1/cases", "operator1", """
                {"channel":"HOTLINE","categoryCode":"%s","description":"违建汇总测试 %s","lat":%s,"lon":%s,
                 "address":"测试路9号","urgency":"NORMAL"}""".formatted(category, UUID.randomUUID(), LAT, LON))
                .andExpect(status().isCreated()));
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        act("inspector1", id, "{\"action\":\"VERIFY\",\"note\":\"属实\"}");
        act("shiftlead1", id, "{\"action\":\"FILE\"}");
        act("dispatcher1", id, "{\"action\":\"DISPATCH\"}");
        return id;
    }

    void act(String user, long id, String body) throws Exception {
        postJson("/api/v1/cases/" + id + "/transitions", user, body).andExpect(status().isOk());
    }

    String column(long caseId, String column) {
        return jdbc.sql("SELECT " + column + " FROM city_case WHERE id = :id")
                .param("id", caseId)
                .query(String.class)
                .single();
    }

    /** The figures of one district and month (zeros when the row is absent). */
    Map<String, Number> row(String district, YearMonth month) throws Exception {
        String body = json(mvc.perform(get("/api/v1/enforcement/structures/rollup?year=" + month.getYear())
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk()));
        List<Map<String, Object>> rows =
                JsonPath.read(body, "$.rows[?(@.district == '" + district + "' && @.month == '" + month + "')]");
        Map<String, Object> r = rows.isEmpty() ? Map.of() : rows.get(0);
        Map<String, Number> out = new java.util.HashMap<>();
        for (String k : List.of(
                "dispatched",
                "closed",
                "supervised",
                "supervisedOpen",
                "deductedCases",
                "deductedPoints",
                "transferred",
                "concluded",
                "demolished")) {
            out.put(k, r.containsKey(k) ? (Number) r.get(k) : 0);
        }
        return out;
    }

    static double delta(Map<String, Number> after, Map<String, Number> before, String key) {
        return after.get(key).doubleValue() - before.get(key).doubleValue();
    }

    @Test
    void construction_cases_their_supervision_deduction_and_transfer_count_in_their_district_and_month()
            throws Exception {
        long first = dispatched("E06001");
        String district = column(first, "district_code");
        YearMonth month = YearMonth.now(CITY);
        Map<String, Number> before = row(district, month);
        // the first case is counted in `before`; three more of the 违建 categories and one that is not
        long roof = dispatched("E06001");
        long unlicensed = dispatched("E08016");
        long third = dispatched("E06001");
        dispatched("E06010");
        act("leader1", roof, "{\"action\":\"SUPERVISE\",\"note\":\"违建督办\"}");

        String transfer = """
                {"source":"TRANSFER","sourceCaseNumber":"%s","partyKind":"PERSON","partyName":"违建当事人",
                 "partyId":"11010519491231002X","itemCode":"WJ-001","description":"无证建设","lat":%s,"lon":%s,
                 "address":"测试路9号","discoveredOn":"%s"}""".formatted(column(unlicensed, "case_number"), LAT, LON, LocalDate.now(CITY));
        postJson("/api/v1/enforcement/cases", "enforce1", transfer).andExpect(status().isCreated());

        // a deduction on one of them, in a period of this month (assessment knows the case from its own record)
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM asm_case_step WHERE case_id = :id")
                                .param("id", third)
                                .query(Long.class)
                                .single()
                        > 0);
        String scheme = "T-WJ-" + System.nanoTime();
        postJson("/api/v1/assessment/schemes", "assessor1", """
                {"code":"%s","name":"违建测试方案","weights":{"PUBLIC":20,"THIRD_PARTY":20,"SUPERVISION":40,
                 "DEPARTMENT":10,"DISTRICT":10}}""".formatted(scheme))
                .andExpect(status().isCreated());
        String period = json(postJson("/api/v1/assessment/periods", "assessor1", """
                {"from":"%s","to":"%s","scheme":"%s"}""".formatted(
                                month.atDay(1), month.atEndOfMonth(), scheme))
                .andExpect(status().isCreated()));
        long periodId = ((Number) JsonPath.read(period, "$.id")).longValue();
        String item = "T-WJ-ITEM-" + System.nanoTime();
        postJson("/api/v1/assessment/items", "assessor1", """
                {"code":"%s","name":"违建未处置","points":2,"basis":"MANUAL","deptShare":100,"territoryShare":0}""".formatted(item)).andExpect(status().isOk());
        postJson("/api/v1/assessment/periods/" + periodId + "/deductions", "assessor1", """
                {"item":"%s","department":"ZFZD","caseId":%d,"caseNumber":"%s","quantity":1}""".formatted(
                                item, third, column(third, "case_number")))
                .andExpect(status().isCreated());

        Map<String, Number> after = row(district, month);
        assertThat(delta(after, before, "dispatched")).isEqualTo(3);
        assertThat(delta(after, before, "supervised")).isEqualTo(1);
        assertThat(delta(after, before, "supervisedOpen")).isEqualTo(1);
        assertThat(delta(after, before, "transferred")).isEqualTo(1);
        assertThat(delta(after, before, "deductedCases")).isEqualTo(1);
        assertThat(delta(after, before, "deductedPoints")).isEqualTo(2.0);
    }

    @Test
    void the_page_and_the_xlsx_are_for_the_enforcement_roles_only() throws Exception {
        mvc.perform(get("/api/v1/enforcement/structures/rollup.xlsx")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .contentTypeCompatibleWith(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        mvc.perform(get("/api/v1/enforcement/structures/rollup").header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/enforcement/structures/rollup?year=1999")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/enforcement/structures/rollup")).andExpect(status().isUnauthorized());
        org.springframework.mock.web.MockHttpSession leader =
                (org.springframework.mock.web.MockHttpSession)
                        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                                        .formLogin("/login")
                                        .user("leader1")
                                        .password(Api.DEMO_PASSWORD))
                                .andReturn()
                                .getRequest()
                                .getSession();
        mvc.perform(get("/enforcement/structures/rollup").session(leader))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("data-testid=\"construction-rollup\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("12319违建汇总")));
    }
}
