package org.cityops.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.org.OrgDirectory;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The assessment module keeps its own record of each case from the cases module's events. */
@IntegrationTest
class CaseRecordProjectionTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrgDirectory org;

    @Test
    void aReportedAndFiledCaseAppearsInTheAssessmentRecordWithItsPlaceAndChannel() throws Exception {
        DemoGrids.KnownPoint p = DemoGrids.TIANNING;
        String json = """
                {"channel":"HOTLINE","categoryCode":"E09006","description":"评价投影测试 %s","lat":%s,"lon":%s,
                 "address":"测试路1号","urgency":"NORMAL","reporter":{"name":"张三","phone":"13800000000"}}""".formatted(UUID.randomUUID(), p.lat(), p.lon());
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        String status = JsonPath.read(res, "$.status");
        String next = "PENDING_VERIFY".equals(status) ? "VERIFY" : "FILE";
        mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                .header("Authorization", Api.bearer(mvc, "VERIFY".equals(next) ? "inspector1" : "shiftlead1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + next + "\",\"note\":\"现场属实\"}"));

        // 上报 and 受理 by the operator, 派发核实 to the grid's inspector, then 核实 (or 立案)
        List<String> actions = waitForFacts(id, "PENDING_VERIFY".equals(status) ? 4 : 3);
        assertThat(actions).contains("REPORTED", "ACCEPTED");
        assertThat(actions).containsAnyOf("VERIFIED", "FILED");
        var row = jdbc.sql("SELECT channel, district_code, grid_code, category_code FROM asm_case_step "
                        + "WHERE case_id = :id AND action = 'REPORTED'")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("channel")).isEqualTo("HOTLINE");
        assertThat(row.get("district_code")).isEqualTo("320402");
        assertThat((String) row.get("grid_code")).startsWith("320402");
    }

    void act(long id, String user, String json) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                        .header("Authorization", Api.bearer(mvc, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    @Test
    void aReturnedDispatchIsHeldAgainstTheDispatcherWhoDispatchedIt() throws Exception {
        DemoGrids.KnownPoint p = DemoGrids.TIANNING;
        String json = """
                {"channel":"HOTLINE","categoryCode":"E09006","description":"派遣员归属测试 %s","lat":%s,"lon":%s,
                 "address":"测试路2号","urgency":"NORMAL","reporter":{"name":"李四","phone":"13800000001"}}""".formatted(UUID.randomUUID(), p.lat(), p.lon());
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        if ("PENDING_VERIFY".equals(JsonPath.read(res, "$.status"))) {
            act(id, "inspector1", "{\"action\":\"VERIFY\",\"note\":\"属实\"}");
        }
        act(id, "shiftlead1", "{\"action\":\"FILE\"}");
        long hwc = jdbc.sql("SELECT id FROM department WHERE code = 'HWC'")
                .query(Long.class)
                .single();
        act(id, "dispatcher1", "{\"action\":\"DISPATCH\",\"departmentId\":" + hwc + "}");
        act(id, "handler-hwc", "{\"action\":\"RETURN\",\"note\":\"不属本单位职责\"}");

        assertThat(waitForAction(id, "RETURNED")).contains("DISPATCHED", "RETURNED");
        List<String> returned = jdbc.sql(
                        "SELECT actor, assignee FROM asm_case_step WHERE case_id = :id " + "AND action = 'RETURNED'")
                .param("id", id)
                .query((rs, n) -> rs.getString(1) + "->" + rs.getString(2))
                .list();
        assertThat(returned).containsExactly("handler-hwc->dispatcher1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asm_case_step WHERE case_id = :id AND action = 'DISPATCHED' "
                                + "AND assignee IS NOT NULL")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        // filed from a hotline call: held against the grid's supervisor as 漏报
        String grid = JsonPath.read(res, "$.gridCode");
        String supervisor = org.inspectorFor(grid).orElseThrow();
        assertThat(jdbc.sql("SELECT assignee FROM asm_case_step WHERE case_id = :id AND action = 'FILED'")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly(supervisor);
    }

    /** the projection listens after the cases module commits: wait for the fact to arrive, not for a time */
    private List<String> waitForAction(long caseId, String action) {
        return await().atMost(WAIT).until(() -> actions(caseId), actions -> actions.contains(action));
    }

    private List<String> waitForFacts(long caseId, int atLeast) {
        return await().atMost(WAIT).until(() -> actions(caseId), actions -> actions.size() >= atLeast);
    }

    private List<String> actions(long caseId) {
        return jdbc.sql("SELECT action FROM asm_case_step WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query(String.class)
                .list();
    }
}
