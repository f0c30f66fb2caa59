package org.cityops.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Everything hung on an assessment subject (exports, appeals, scores, appeal attachments) follows the same data
 * scope as the results: an assessor of 天宁区 (320402) never reads or decides 武进区's (320412).
 */
@IntegrationTest
class AssessmentScopeTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseFactSink sink;

    @Autowired
    JdbcClient jdbc;

    long period;
    long appealId;
    long departmentScoreId;
    long selfEvaluationId;
    String tianningAssessor;
    String tianningToken;

    ResultActions postJson(String url, String bearer, String json) throws Exception {
        return mvc.perform(post(url)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    MockHttpSession login(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession();
    }

    @BeforeEach
    void aPeriodWithAWujinAppealAndWujinScores() throws Exception {
        String assessor = Api.bearer(mvc, "assessor1");
        String code = "T-SC-" + System.nanoTime();
        CaseHistory h = new CaseHistory("scope-" + code);
        long caseId = 9_370_001 + 2 * (System.nanoTime() % 100_000);
        h.newCase(caseId, "HOTLINE", "320412001001001", null)
                .step(StepAction.FILED, "2037-05-05T10:00", "t_sc_sl", "SHIFT_LEADER", null, null, true, null, null)
                .step(StepAction.CLOSED, "2037-05-09T10:00", "t_sc_sl", "SHIFT_LEADER", null, null, true, true, null);
        h.newCase(caseId + 1, "HOTLINE", "320402001001001", null)
                .step(StepAction.FILED, "2037-05-06T10:00", "t_sc_sl", "SHIFT_LEADER", null, null, true, null, null);
        sink.recordAll(h.facts);
        postJson("/api/v1/assessment/schemes", assessor, """
                {"code":"%s","name":"数据权限测试方案","weights":{"PUBLIC":20,"THIRD_PARTY":20,"SUPERVISION":40,
                 "DEPARTMENT":10,"DISTRICT":10}}""".formatted(code)).andExpect(status().isCreated());
        period = id(postJson(
                        "/api/v1/assessment/periods",
                        assessor,
                        "{\"from\":\"2037-05-01\",\"to\":\"2037-05-31\",\"scheme\":\"" + code + "\"}")
                .andExpect(status().isCreated()));
        postJson("/api/v1/assessment/periods/" + period + "/compute", assessor, "{}")
                .andExpect(status().isOk());
        postJson("/api/v1/assessment/items", assessor, """
                {"code":"%s","name":"道路保洁不到位","points":2,"basis":"MANUAL","deptShare":20,"territoryShare":80}""".formatted(code)).andExpect(status().isOk());
        String deducted = postJson(
                        "/api/v1/assessment/periods/" + period + "/deductions",
                        assessor,
                        "{\"item\":\"" + code + "\",\"department\":\"QCGJ-320412\",\"district\":\"320412\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long districtShare = JsonPath.<List<Number>>read(deducted, "$[?(@.subjectType == 'DISTRICT')].id")
                .get(0)
                .longValue();
        appealId = id(mvc.perform(multipart("/api/v1/assessment/deductions/" + districtShare + "/appeal")
                        .file(new MockMultipartFile("file", "武进现场.png", "image/png", PNG))
                        .param("reason", "武进已整改完毕")
                        .header("Authorization", Api.bearer(mvc, "handler-wujin")))
                .andExpect(status().isCreated()));
        departmentScoreId = id(postJson(
                        "/api/v1/assessment/periods/" + period + "/scores",
                        Api.bearer(mvc, "handler-hwc"),
                        "{\"source\":\"DEPARTMENT\",\"subjectType\":\"DISTRICT\","
                                + "\"subjectCode\":\"320412\",\"score\":71,\"note\":\"武进环卫评价\"}")
                .andExpect(status().isCreated()));
        selfEvaluationId = id(postJson(
                        "/api/v1/assessment/periods/" + period + "/scores",
                        Api.bearer(mvc, "handler-wujin"),
                        "{\"source\":\"DISTRICT\",\"subjectType\":\"DISTRICT\","
                                + "\"subjectCode\":\"320412\",\"score\":95,\"note\":\"武进自评\"}")
                .andExpect(status().isCreated()));
        tianningAssessor = "asm-tn-" + UUID.randomUUID().toString().substring(0, 8);
        postJson("/api/v1/org/users", Api.bearer(mvc, "admin"), """
                {"username":"%s","password":"tianning-pass-1","displayName":"天宁考评员","roles":["ASSESSOR","LEADER"],
                 "scope":"DISTRICT","orgUnitCode":"320402"}""".formatted(tianningAssessor))
                .andExpect(status().isCreated());
        tianningToken = "Bearer "
                + JsonPath.read(
                        mvc.perform(post("/api/v1/auth/token")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"username\":\"" + tianningAssessor
                                                + "\",\"password\":\"tianning-pass-1\"}"))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.access_token");
    }

    static List<String> codes(XSSFSheet sheet) {
        List<String> codes = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            codes.add(sheet.getRow(r).getCell(1).getStringCellValue());
        }
        return codes;
    }

    @Test
    void theExcelExportOfADistrictAssessorHoldsOnlyTheirDistrictsSubjects() throws Exception {
        byte[] xlsx = mvc.perform(get("/assessment/periods/" + period + "/export.xlsx")
                        .session(login(tianningAssessor, "tianning-pass-1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> districts = codes(wb.getSheet(SubjectType.DISTRICT.label()));
            assertThat(districts).containsExactly("320402");
            assertThat(codes(wb.getSheet(SubjectType.STREET.label())))
                    .isNotEmpty()
                    .allMatch(c -> c.startsWith("320402"));
            assertThat(codes(wb.getSheet(SubjectType.DEPARTMENT.label()))).doesNotContain("QCGJ-320412", "HWC");
            assertThat(codes(wb.getSheet(SubjectType.INSPECTOR.label()))).isEmpty();
        }
        byte[] cityWide = mvc.perform(get("/assessment/periods/" + period + "/export.xlsx")
                        .session(login("assessor1", Api.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(cityWide))) {
            assertThat(codes(wb.getSheet(SubjectType.DISTRICT.label()))).contains("320402", "320412");
        }
    }

    @Test
    void theWordReportOfADistrictAssessorNamesNoOtherDistrict() throws Exception {
        byte[] docx = mvc.perform(get("/assessment/periods/" + period + "/export.docx")
                        .session(login(tianningAssessor, "tianning-pass-1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("天宁").doesNotContain("武进").doesNotContain("环卫");
        }
    }

    @Test
    void anotherDistrictsAppealIsNeitherListedNorDecidableNorDownloadable() throws Exception {
        String base = "/api/v1/assessment/periods/" + period;
        String mine = mvc.perform(get(base + "/appeals").header("Authorization", tianningToken))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(mine, "$[*].id")).isEmpty();
        String all = mvc.perform(get(base + "/appeals").header("Authorization", Api.bearer(mvc, "assessor1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Number>>read(all, "$[*].id").stream()
                        .map(Number::longValue)
                        .toList())
                .contains(appealId);

        mvc.perform(get("/api/v1/assessment/appeals/" + appealId + "/attachment")
                        .header("Authorization", tianningToken))
                .andExpect(status().isForbidden());
        postJson(
                        "/api/v1/assessment/appeals/" + appealId + "/review",
                        tianningToken,
                        "{\"accept\":true,\"note\":\"越权\"}")
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("超出数据权限")));
        assertThat(jdbc.sql("SELECT status FROM asm_appeal WHERE id = :id")
                        .param("id", appealId)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        mvc.perform(get("/assessment/periods/" + period + "/appeals")
                        .session(login(tianningAssessor, "tianning-pass-1")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("武进已整改完毕"))))
                .andExpect(content().string(not(containsString("武进现场.png"))));
        mvc.perform(get("/api/v1/assessment/appeals/" + appealId + "/attachment")
                        .header("Authorization", Api.bearer(mvc, "assessor1")))
                .andExpect(status().isOk());
    }

    @Test
    void anotherDistrictsScoresAreNeitherListedNorReviewable() throws Exception {
        String mine = mvc.perform(
                        get("/api/v1/assessment/periods/" + period + "/scores").header("Authorization", tianningToken))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(mine, "$[*].id")).isEmpty();
        String all = mvc.perform(get("/api/v1/assessment/periods/" + period + "/scores")
                        .header("Authorization", Api.bearer(mvc, "assessor1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Number>>read(all, "$[*].id").stream()
                        .map(Number::longValue)
                        .toList())
                .contains(departmentScoreId, selfEvaluationId);
        postJson(
                        "/api/v1/assessment/scores/" + selfEvaluationId + "/review",
                        tianningToken,
                        "{\"accept\":true,\"score\":10}")
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT status FROM asm_source_score WHERE id = :id")
                        .param("id", selfEvaluationId)
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED");
        mvc.perform(get("/assessment/periods/" + period + "/scores")
                        .session(login(tianningAssessor, "tianning-pass-1")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("武进自评"))))
                .andExpect(content().string(not(containsString("武进环卫评价"))));
    }
}
