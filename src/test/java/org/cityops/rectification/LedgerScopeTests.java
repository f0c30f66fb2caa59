package org.cityops.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cityops.rectification.internal.WarningService;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 本部门: a department user reads another department's measure through no read path, by id or in a list: not
 * the measure (API, page), not its evidence, not a problem that has only such measures (API, page), not in the
 * problem of mixed measures, the ledger list, the problems list, the warning queue or the ledger page's filter
 * choices.
 */
@IntegrationTest
class LedgerScopeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WarningService warnings;

    long inspection;
    long ours;
    long theirs;
    long theirsAlone;
    long mixedProblem;
    long theirProblem;
    long theirEvidence;

    /**
     * Problem 1: 市环卫处's measure and one of 长效管理处 (a 处室 no department account owns), led by 另一位局长;
     * problem 2: only 长效管理处's, overdue.
     */
    @BeforeEach
    void ledger() throws Exception {
        String json = """
                {"inspection":{"name":"scope-%s","inspecting_body":"市委第三巡察组","kind":"巡察","feedback_date":"2026-10-01"},
                 "categories":[{"no":1,"title":"环境卫生管理不到位","problems":[
                   {"no":1,"title":"道路保洁质量不高","measures":[
                     {"title":"加强机扫","text":"扩大机械化作业覆盖面。","leader":"副局长","lead_department":"市环卫处",
                      "deadline":"2030-12-31"},
                     {"title":"完善考核","text":"修订保洁考核细则。","leader":"另一位局长","lead_department":"长效管理处",
                      "deadline":"2030-12-31"}]},
                   {"no":2,"title":"考核细则滞后","measures":[
                     {"title":"清理细则","text":"清理过时的考核细则。","leader":"另一位局长","lead_department":"长效管理处",
                      "deadline":"2020-01-31"}]}]}]}
                """.formatted(UUID.randomUUID());
        String body = mvc.perform(post("/api/v1/rectification/inspections/import")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        inspection = ((Number) JsonPath.read(body, "$.inspectionId")).longValue();
        String all = api("leader1", "/inspections/" + inspection + "/problems");
        mixedProblem = ((Number) JsonPath.read(all, "$[0].id")).longValue();
        ours = ((Number) JsonPath.read(all, "$[0].measures[0].id")).longValue();
        theirs = ((Number) JsonPath.read(all, "$[0].measures[1].id")).longValue();
        theirProblem = ((Number) JsonPath.read(all, "$[1].id")).longValue();
        theirsAlone = ((Number) JsonPath.read(all, "$[1].measures[0].id")).longValue();
        String detail = mvc.perform(post("/api/v1/rectification/measures/" + theirs + "/evidence")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"LINK\",\"name\":\"考核细则\",\"url\":\"/docs/rules\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        theirEvidence = ((Number) JsonPath.read(detail, "$.evidence[0].id")).longValue();
    }

    String api(String user, String path) throws Exception {
        return mvc.perform(get("/api/v1/rectification" + path).header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    int apiStatus(String user, String path) throws Exception {
        return mvc.perform(get("/api/v1/rectification" + path).header("Authorization", Api.bearer(mvc, user)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void anotherDepartmentsMeasureIsRefusedByIdOnEveryReadPath() throws Exception {
        assertThat(apiStatus("handler-hwc", "/measures/" + ours)).isEqualTo(200);
        assertThat(apiStatus("handler-hwc", "/measures/" + theirs)).isEqualTo(403);
        assertThat(apiStatus("handler-hwc", "/measures/" + theirsAlone)).isEqualTo(403);
        assertThat(apiStatus("handler-hwc", "/evidence/" + theirEvidence)).isEqualTo(403);
        assertThat(apiStatus("handler-hwc", "/problems/" + theirProblem)).isEqualTo(403);
        assertThat(apiStatus("handler-hwc", "/measures/987654321")).isEqualTo(404);
        assertThat(apiStatus("handler-hwc", "/evidence/987654321")).isEqualTo(404);
        MockHttpSession hwc = login("handler-hwc");
        mvc.perform(get("/rectification/measures/" + ours).session(hwc)).andExpect(status().isOk());
        mvc.perform(get("/rectification/measures/" + theirs).session(hwc)).andExpect(status().isForbidden());
        mvc.perform(get("/rectification/problems/" + theirProblem).session(hwc)).andExpect(status().isForbidden());
        // the office reads them all
        assertThat(apiStatus("rectify1", "/measures/" + theirs)).isEqualTo(200);
        assertThat(apiStatus("rectify1", "/evidence/" + theirEvidence)).isEqualTo(302);
    }

    @Test
    void anotherDepartmentsMeasureIsLeftOutOfEveryList() throws Exception {
        String problem = api("handler-hwc", "/problems/" + mixedProblem);
        assertThat(JsonPath.<List<Integer>>read(problem, "$.problem.measures[*].id"))
                .containsExactly((int) ours);
        String problems = api("handler-hwc", "/inspections/" + inspection + "/problems");
        assertThat(JsonPath.<List<Integer>>read(problems, "$[*].measures[*].id"))
                .containsExactly((int) ours);
        String list = api("handler-hwc", "/inspections/" + inspection + "/measures");
        assertThat(JsonPath.<List<Integer>>read(list, "$.items[*].id")).containsExactly((int) ours);
        String filtered = api("handler-hwc", "/inspections/" + inspection + "/measures?department=长效管理处");
        assertThat(JsonPath.<List<Integer>>read(filtered, "$.items[*].id")).isEmpty();
        String summary = api("handler-hwc", "/inspections/" + inspection + "/summary");
        assertThat(JsonPath.<Integer>read(summary, "$.measures")).isEqualTo(1);
        warnings.flag(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        String queue = api("handler-hwc", "/warnings?inspection=" + inspection);
        assertThat(JsonPath.<List<Integer>>read(queue, "$[*].measureId")).doesNotContain((int) theirsAlone);
        assertThat(JsonPath.<List<Integer>>read(api("leader1", "/warnings?inspection=" + inspection), "$[*].measureId"))
                .contains((int) theirsAlone);
    }

    @Test
    void theLedgerPagesFilterChoicesNameOnlyWhatTheDepartmentSees() throws Exception {
        String page = mvc.perform(
                        get("/rectification/inspections/" + inspection).session(login("handler-hwc")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("加强机扫")
                .doesNotContain("完善考核")
                .doesNotContain("另一位局长")
                .doesNotContain("长效管理处");
        String leaders = mvc.perform(
                        get("/rectification/inspections/" + inspection).session(login("leader1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(leaders).contains("另一位局长", "长效管理处");
    }
}
