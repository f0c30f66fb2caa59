package org.cityops.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The assessment pages: trend, the handler's deductions and appeals, scores, self-evaluation, scheme editor. */
@IntegrationTest
class AssessmentPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseFactSink sink;
    @Autowired
    JdbcClient jdbc;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("cityops-demo"))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
    }

    ResultActions postJson(String url, String user, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String getJson(String url, String user) throws Exception {
        return mvc.perform(get(url).header("Authorization", Api.bearer(mvc, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    String scheme() throws Exception {
        String code = "T-PG-" + System.nanoTime();
        postJson("/api/v1/assessment/schemes", "assessor1", """
                {"code":"%s","name":"页面测试方案","weights":{"PUBLIC":20,"THIRD_PARTY":20,"SUPERVISION":40,
                 "DEPARTMENT":10,"DISTRICT":10}}""".formatted(code)).andExpect(status().isCreated());
        return code;
    }

    long open(String scheme, String from, String to) throws Exception {
        String body = postJson("/api/v1/assessment/periods", "assessor1",
                "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"scheme\":\"" + scheme + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void compute(long period) throws Exception {
        postJson("/api/v1/assessment/periods/" + period + "/compute", "assessor1", "{}").andExpect(status().isOk());
    }

    /** A case in Wujin (320412) filed, and closed (on time or not) in the given month of 2035. */
    void wujinCase(long id, String month, boolean closedOnTime) {
        CaseHistory h = new CaseHistory("pg-" + id);
        h.newCase(id, "HOTLINE", "320412001001001", null)
                .step(StepAction.FILED, "2035-" + month + "-05T10:00", "t_pg_sl", "SHIFT_LEADER", null, null, true,
                        null, null)
                .step(StepAction.CLOSED, "2035-" + month + "-09T10:00", "t_pg_sl", "SHIFT_LEADER", null, null,
                        closedOnTime, closedOnTime, null);
        sink.recordAll(h.facts);
    }

    @Test
    void theTrendShowsTheLastNPeriodsOfTheSchemeUpToThePeriodOldestFirst() throws Exception {
        String s = scheme();
        wujinCase(9_350_001, "01", true);
        wujinCase(9_350_002, "02", false);
        wujinCase(9_350_003, "03", true);
        long jan = open(s, "2035-01-01", "2035-01-31");
        long feb = open(s, "2035-02-01", "2035-02-28");
        long mar = open(s, "2035-03-01", "2035-03-31");
        compute(jan);
        compute(feb);
        compute(mar);
        String url = "/api/v1/assessment/periods/" + mar + "/trend?subjectType=DISTRICT&code=320412";
        List<Number> lastTwo = JsonPath.read(getJson(url + "&periods=2", "assessor1"), "$[*].periodId");
        assertThat(lastTwo.stream().map(Number::longValue).toList()).containsExactly(feb, mar);
        String upToFeb = getJson("/api/v1/assessment/periods/" + feb
                + "/trend?subjectType=DISTRICT&code=320412&periods=12", "assessor1");
        assertThat(JsonPath.<List<Number>>read(upToFeb, "$[*].periodId").stream().map(Number::longValue).toList())
                .containsExactly(jan, feb);
        // February's case was closed late: its composite is below January's
        List<Number> composites = JsonPath.read(upToFeb, "$[*].composite");
        assertThat(composites.get(1).doubleValue()).isLessThan(composites.get(0).doubleValue());
        mvc.perform(get(url + "&periods=0").header("Authorization", Api.bearer(mvc, "assessor1")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theRankingLinksEachSubjectToItsTrendPageWhichDrawsAnEChartsChart() throws Exception {
        String s = scheme();
        wujinCase(9_350_101, "05", true);
        long may = open(s, "2035-05-01", "2035-05-31");
        compute(may);
        MockHttpSession assessor = login("assessor1");
        String trendHref = "/assessment/periods/" + may + "/trend?type=DISTRICT&amp;code=320412";
        mvc.perform(get("/assessment/periods/" + may).param("type", "DISTRICT").session(assessor))
                .andExpect(status().isOk()).andExpect(content().string(containsString(trendHref)));
        mvc.perform(get("/assessment/periods/" + may + "/trend").param("type", "DISTRICT").param("code", "320412")
                .session(assessor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"trend-chart\"")))
                .andExpect(content().string(containsString("/dist/echarts.min.js")))
                .andExpect(content().string(containsString("武进")));
    }

    @Test
    void aDistrictBureauHandlerCannotOpenATrendPage() throws Exception {
        long period = jdbc.sql("SELECT MAX(id) FROM asm_period").query(Long.class).single();
        mvc.perform(get("/api/v1/assessment/periods/" + period + "/trend").param("subjectType", "DISTRICT")
                .param("code", "320402").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk());
        mvc.perform(get("/assessment/periods/" + period + "/trend").param("type", "DISTRICT").param("code", "320402")
                .session(login("handler-wujin"))).andExpect(status().isForbidden());
    }
}
