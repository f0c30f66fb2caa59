package org.cityops.assessment;

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
import java.util.List;
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
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession();
    }

    ResultActions postJson(String url, String user, String json) throws Exception {
        return mvc.perform(post(url)
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String getJson(String url, String user) throws Exception {
        return mvc.perform(get(url).header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String scheme() throws Exception {
        String code = "T-PG-" + System.nanoTime();
        postJson("/api/v1/assessment/schemes", "assessor1", """
                {"code":"%s","name":"页面测试方案","weights":{"PUBLIC":20,"THIRD_PARTY":20,"SUPERVISION":40,
                 "DEPARTMENT":10,"DISTRICT":10}}""".formatted(code)).andExpect(status().isCreated());
        return code;
    }

    long open(String scheme, String from, String to) throws Exception {
        String body = postJson(
                        "/api/v1/assessment/periods",
                        "assessor1",
                        "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"scheme\":\"" + scheme + "\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void compute(long period) throws Exception {
        postJson("/api/v1/assessment/periods/" + period + "/compute", "assessor1", "{}")
                .andExpect(status().isOk());
    }

    /** A case in Wujin (320412) filed, and closed (on time or not) in the given month of 2035. */
    void wujinCase(long id, String month, boolean closedOnTime) {
        CaseHistory h = new CaseHistory("pg-" + id);
        h.newCase(id, "HOTLINE", "320412001001001", null)
                .step(
                        StepAction.FILED,
                        "2035-" + month + "-05T10:00",
                        "t_pg_sl",
                        "SHIFT_LEADER",
                        null,
                        null,
                        true,
                        null,
                        null)
                .step(
                        StepAction.CLOSED,
                        "2035-" + month + "-09T10:00",
                        "t_pg_sl",
                        "SHIFT_LEADER",
                        null,
                        null,
                        closedOnTime,
                        closedOnTime,
                        null);
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
        String upToFeb = getJson(
                "/api/v1/assessment/periods/" + feb + "/trend?subjectType=DISTRICT&code=320412&periods=12",
                "assessor1");
        assertThat(JsonPath.<List<Number>>read(upToFeb, "$[*].periodId").stream()
                        .map(Number::longValue)
                        .toList())
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
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(trendHref)));
        mvc.perform(get("/assessment/periods/" + may + "/trend")
                        .param("type", "DISTRICT")
                        .param("code", "320412")
                        .session(assessor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"trend-chart\"")))
                .andExpect(content().string(containsString("/dist/echarts.min.js")))
                .andExpect(content().string(containsString("武进")));
    }

    @Test
    void aDistrictBureauHandlerCannotOpenATrendPage() throws Exception {
        long period =
                jdbc.sql("SELECT MAX(id) FROM asm_period").query(Long.class).single();
        mvc.perform(get("/api/v1/assessment/periods/" + period + "/trend")
                        .param("subjectType", "DISTRICT")
                        .param("code", "320402")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk());
        mvc.perform(get("/assessment/periods/" + period + "/trend")
                        .param("type", "DISTRICT")
                        .param("code", "320402")
                        .session(login("handler-wujin")))
                .andExpect(status().isForbidden());
    }

    String item(int deptShare, int territoryShare) throws Exception {
        String code = "T-PG-ITEM-" + System.nanoTime();
        postJson("/api/v1/assessment/items", "assessor1", """
                {"code":"%s","name":"巡查发现暴露垃圾","points":2,"basis":"MANUAL","deptShare":%d,"territoryShare":%d}""".formatted(code, deptShare, territoryShare))
                .andExpect(status().isOk());
        return code;
    }

    List<Long> deduct(long period, String json) throws Exception {
        String body = postJson("/api/v1/assessment/periods/" + period + "/deductions", "assessor1", json)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<List<Number>>read(body, "$[*].id").stream()
                .map(Number::longValue)
                .toList();
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    ResultActions appealWithFile(long deduction, String user, String reason, byte[] file) throws Exception {
        var req = multipart("/api/v1/assessment/deductions/" + deduction + "/appeal")
                .param("reason", reason)
                .header("Authorization", Api.bearer(mvc, user));
        if (file != null) {
            req.file(new MockMultipartFile("file", "现场照片.png", "image/png", file));
        }
        return mvc.perform(req);
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void aDepartmentAppealsWithAPhotoAndTheAssessorRejectsItOnlyWithAReason() throws Exception {
        long period = open(scheme(), "2036-01-01", "2036-01-31");
        String itemCode = item(100, 0);
        long hwc = deduct(period, "{\"item\":\"%s\",\"department\":\"HWC\",\"note\":\"路段保洁不到位\"}".formatted(itemCode))
                .get(0);
        String mine = getJson("/api/v1/assessment/periods/" + period + "/my-deductions", "handler-hwc");
        assertThat(JsonPath.<List<Number>>read(mine, "$[*].id").stream()
                        .map(Number::longValue)
                        .toList())
                .containsExactly(hwc);
        appealWithFile(hwc, "handler-hwc", "当日已清扫", "not an image".getBytes()).andExpect(status().isBadRequest());
        String appeal = appealWithFile(hwc, "handler-hwc", "当日已清扫，见照片", PNG)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long appealId = ((Number) JsonPath.read(appeal, "$.id")).longValue();
        mvc.perform(get("/api/v1/assessment/appeals/" + appealId + "/attachment")
                        .header("Authorization", Api.bearer(mvc, "assessor1")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(PNG));
        mvc.perform(get("/assessment/periods/" + period + "/appeals").session(login("assessor1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当日已清扫，见照片")))
                .andExpect(content().string(containsString("现场照片.png")));
        postJson("/api/v1/assessment/appeals/" + appealId + "/review", "assessor1", "{\"accept\":false}")
                .andExpect(status().isBadRequest());
        postJson(
                        "/api/v1/assessment/appeals/" + appealId + "/review",
                        "assessor1",
                        "{\"accept\":false,\"note\":\"照片拍摄时间晚于巡查\"}")
                .andExpect(status().isOk());
        mvc.perform(get("/assessment/my")
                        .param("period", String.valueOf(period))
                        .session(login("handler-hwc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("照片拍摄时间晚于巡查")))
                .andExpect(content().string(containsString("已驳回")));
        assertThat(count("SELECT COUNT(*) FROM asm_deduction WHERE id = ? AND status = 'ACTIVE'", hwc))
                .isOne();
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'ASSESSMENT_APPEAL' AND entity_id = ?",
                        String.valueOf(appealId)))
                .isEqualTo(2);
    }

    @Test
    void aHandlerOfOneDepartmentNeverSeesAnotherDepartmentsDeductionsAppealsOrScores() throws Exception {
        long period = open(scheme(), "2036-02-01", "2036-02-28");
        String itemCode = item(20, 80);
        List<Long> wujin = deduct(
                period, "{\"item\":\"%s\",\"department\":\"QCGJ-320412\",\"district\":\"320412\"}".formatted(itemCode));
        appealWithFile(wujin.get(1), "handler-wujin", "属地已整改（武进机密理由）", null).andExpect(status().isCreated());
        postJson(
                        "/api/v1/assessment/periods/" + period + "/scores",
                        "handler-wujin",
                        "{\"source\":\"DEPARTMENT\",\"subjectType\":\"DISTRICT\",\"subjectCode\":\"320402\",\"score\":61}")
                .andExpect(status().isCreated());
        String base = "/api/v1/assessment/periods/" + period;
        // the district bureau sees both its department share and its district's share
        assertThat(JsonPath.<List<Object>>read(getJson(base + "/my-deductions", "handler-wujin"), "$[*].id"))
                .hasSize(2);
        // another district's bureau sees none of it, through no door
        assertThat(JsonPath.<List<Object>>read(getJson(base + "/my-deductions", "handler-tianning"), "$"))
                .isEmpty();
        assertThat(JsonPath.<List<Object>>read(getJson(base + "/my-appeals", "handler-tianning"), "$"))
                .isEmpty();
        assertThat(JsonPath.<List<Object>>read(getJson(base + "/my-scores", "handler-tianning"), "$"))
                .isEmpty();
        assertThat(JsonPath.<List<Object>>read(getJson(base + "/my-appeals", "handler-wujin"), "$"))
                .hasSize(1);
        assertThat(JsonPath.<List<Object>>read(getJson(base + "/my-scores", "handler-wujin"), "$"))
                .hasSize(1);
        MockHttpSession tianning = login("handler-tianning");
        mvc.perform(get("/assessment/my")
                        .param("period", String.valueOf(period))
                        .session(tianning))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("武进机密理由"))));
        mvc.perform(get("/assessment/my/scores")
                        .param("period", String.valueOf(period))
                        .session(tianning))
                .andExpect(status().isOk());
        long appealId = count("SELECT MAX(a.id) FROM asm_appeal a WHERE a.deduction_id = ?", wujin.get(1));
        mvc.perform(get("/api/v1/assessment/appeals/" + appealId + "/attachment")
                        .header("Authorization", Api.bearer(mvc, "handler-tianning")))
                .andExpect(status().isForbidden());
        appealWithFile(wujin.get(0), "handler-tianning", "代为申诉", null).andExpect(status().isForbidden());
        mvc.perform(get("/assessment/periods/" + period + "/appeals").session(tianning))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessment/periods/" + period + "/appeals")
                        .header("Authorization", Api.bearer(mvc, "handler-tianning")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDistrictSubmitsItsSelfEvaluationOnItsPageAndTheAssessorApprovesItOnTheReviewPage() throws Exception {
        long period = open(scheme(), "2036-03-01", "2036-03-31");
        MockHttpSession tianning = login("handler-tianning");
        mvc.perform(get("/assessment/my/self")
                        .param("period", String.valueOf(period))
                        .session(tianning))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"self-form\"")))
                .andExpect(content().string(containsString("DISTRICT:320402")));
        mvc.perform(get("/assessment/my/self")
                        .param("period", String.valueOf(period))
                        .session(login("handler-hwc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not-a-district")));
        String self = postJson(
                        "/api/v1/assessment/periods/" + period + "/scores",
                        "handler-tianning",
                        "{\"source\":\"DISTRICT\",\"subjectType\":\"DISTRICT\",\"subjectCode\":\"320402\",\"score\":93,"
                                + "\"note\":\"全区自查\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(self, "$.id")).longValue();
        mvc.perform(get("/assessment/periods/" + period + "/scores").session(login("assessor1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("全区自查")))
                .andExpect(content().string(containsString("data-testid=\"self-approve\"")));
        postJson(
                        "/api/v1/assessment/scores/" + id + "/review",
                        "assessor1",
                        "{\"accept\":true,\"score\":88,\"note\":\"台账不全\"}")
                .andExpect(status().isOk());
        mvc.perform(get("/assessment/my/self")
                        .param("period", String.valueOf(period))
                        .session(tianning))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审核通过")))
                .andExpect(content().string(containsString("88.0")));
        // 专业部门评价: a department scores a district, never itself
        postJson(
                        "/api/v1/assessment/periods/" + period + "/scores",
                        "handler-hwc",
                        "{\"source\":\"DEPARTMENT\",\"subjectType\":\"DEPARTMENT\",\"subjectCode\":\"HWC\",\"score\":100}")
                .andExpect(status().isForbidden());
        postJson(
                        "/api/v1/assessment/periods/" + period + "/scores",
                        "handler-hwc",
                        "{\"source\":\"DEPARTMENT\",\"subjectType\":\"DISTRICT\",\"subjectCode\":\"320402\",\"score\":77.5}")
                .andExpect(status().isCreated());
        mvc.perform(get("/assessment/my/scores")
                        .param("period", String.valueOf(period))
                        .session(login("handler-hwc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("77.5")))
                .andExpect(content().string(containsString("data-testid=\"score-form\"")));
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'ASSESSMENT_SCORE' AND entity_id = ?",
                        String.valueOf(id)))
                .isEqualTo(2);
    }

    @Test
    void theSchemeEditorSavesANewVersionOnlyWhenTheWeightsSumToAHundredAndOpenPeriodsKeepTheirVersion()
            throws Exception {
        String code = scheme();
        long period = open(code, "2036-06-01", "2036-06-30");
        long pinned = count("SELECT scheme_id FROM asm_period WHERE id = ?", period);
        MockHttpSession assessor = login("assessor1");
        mvc.perform(get("/assessment/schemes/edit").param("code", code).session(assessor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"weight-SUPERVISION\"")))
                .andExpect(content().string(containsString("value=\"40.0\"")));
        mvc.perform(get("/assessment").session(assessor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/assessment/schemes/edit?code=" + code)));
        mvc.perform(get("/assessment/schemes/edit").param("code", code).session(login("leader1")))
                .andExpect(status().isForbidden());
        // the editor posts the scheme's own scoring rules back with the new weights
        String all = getJson("/api/v1/assessment/schemes", "assessor1");
        Object scoring = JsonPath.<List<Object>>read(all, "$[?(@.code == '" + code + "')].scoring")
                .get(0);
        String scoringJson = new tools.jackson.databind.json.JsonMapper().writeValueAsString(scoring);
        postJson("/api/v1/assessment/schemes", "assessor1", """
                {"code":"%s","name":"页面测试方案","weights":{"PUBLIC":30,"THIRD_PARTY":20,"SUPERVISION":40,
                 "DEPARTMENT":0,"DISTRICT":0},"scoring":%s}""".formatted(code, scoringJson))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("合计必须为 100")));
        postJson("/api/v1/assessment/schemes", "assessor1", """
                {"code":"%s","name":"页面测试方案（修订）","weights":{"PUBLIC":30,"THIRD_PARTY":20,"SUPERVISION":50,
                 "DEPARTMENT":0,"DISTRICT":0},"scoring":%s}""".formatted(code, scoringJson))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(count("SELECT scheme_id FROM asm_period WHERE id = ?", period))
                .isEqualTo(pinned);
        mvc.perform(get("/assessment/schemes/edit").param("code", code).session(assessor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面测试方案（修订）")))
                .andExpect(content().string(containsString("v1")));
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'ASSESSMENT_SCHEME' AND entity_id = ?",
                        code + "@2"))
                .isOne();
    }
}
