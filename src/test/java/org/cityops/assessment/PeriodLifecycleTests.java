package org.cityops.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Periods, schemes, locking, publication, deductions, appeals and imports through the API. */
@IntegrationTest
class PeriodLifecycleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseFactSink sink;

    @Autowired
    JdbcClient jdbc;

    String assessor() {
        return Api.bearer(mvc, "assessor1");
    }

    ResultActions postJson(String url, String user, String json) throws Exception {
        return mvc.perform(post(url)
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String scheme() throws Exception {
        String code = "T-LC-" + System.nanoTime();
        postJson("/api/v1/assessment/schemes", "assessor1", """
                {"code":"%s","name":"测试方案","weights":{"PUBLIC":20,"THIRD_PARTY":20,"SUPERVISION":40,
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

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void schemeWeightsThatDoNotSumToAHundredAreRefusedAndNothingIsStored() throws Exception {
        String code = "T-BAD-" + System.nanoTime();
        postJson("/api/v1/assessment/schemes", "assessor1", """
                {"code":"%s","name":"坏方案","weights":{"PUBLIC":20,"THIRD_PARTY":20,"SUPERVISION":40,
                 "DEPARTMENT":10,"DISTRICT":5}}""".formatted(code))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("weights"));
        assertThat(count("SELECT COUNT(*) FROM asm_scheme WHERE code = ?", code))
                .isZero();
    }

    @Test
    void overlappingPeriodsOfOneSchemeAreRefused() throws Exception {
        String s = scheme();
        open(s, "2032-01-01", "2032-01-31");
        postJson(
                        "/api/v1/assessment/periods",
                        "assessor1",
                        "{\"from\":\"2032-01-15\",\"to\":\"2032-02-14\",\"scheme\":\"" + s + "\"}")
                .andExpect(status().isConflict());
        postJson(
                        "/api/v1/assessment/periods",
                        "assessor1",
                        "{\"from\":\"2032-02-10\",\"to\":\"2032-02-01\",\"scheme\":\"" + s + "\"}")
                .andExpect(status().isBadRequest());
        assertThat(count("SELECT COUNT(*) FROM asm_period WHERE scheme_code = ?", s))
                .isEqualTo(1);
        open(s, "2032-02-01", "2032-02-29");
    }

    @Test
    void aLockedPeriodNeverChangesAndARevisionIsANewVersionWithItsReason() throws Exception {
        String s = scheme();
        CaseHistory h = new CaseHistory("lc-lock");
        h.newCase(9_200_001, "HOTLINE", "920001001001001", null)
                .step(StepAction.FILED, "2032-03-05T10:00", "t_lc_sl", "SHIFT_LEADER", null, null, true, null, null)
                .step(
                        StepAction.DISPATCHED,
                        "2032-03-05T10:10",
                        "t_lc_d",
                        "DISPATCHER",
                        null,
                        "T-LC-DEPT",
                        true,
                        null,
                        null)
                .step(StepAction.HANDLED, "2032-03-06T10:00", "x", "HANDLER", null, "T-LC-DEPT", null, true, null)
                .step(
                        StepAction.CLOSED,
                        "2032-03-06T12:00",
                        "t_lc_sl",
                        "SHIFT_LEADER",
                        null,
                        "T-LC-DEPT",
                        true,
                        true,
                        null);
        sink.recordAll(h.facts);
        long id = open(s, "2032-03-01", "2032-03-31");
        String base = "/api/v1/assessment/periods/" + id;
        postJson(base + "/lock", "assessor1", "{}").andExpect(status().isConflict());
        postJson(base + "/compute", "assessor1", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        postJson(base + "/publish", "leader1", "{}").andExpect(status().isConflict());
        postJson(base + "/lock", "leader1", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LOCKED"));

        long resultRows = count(
                "SELECT COUNT(*) FROM asm_result r JOIN asm_result_version v ON v.id = r.version_id "
                        + "WHERE v.period_id = ?",
                id);
        // a late fact for the locked month arrives; computing the locked period is refused, nothing changes
        CaseHistory late = new CaseHistory("lc-lock-late");
        late.newCase(9_200_002, "HOTLINE", "920001001001001", null)
                .step(StepAction.FILED, "2032-03-20T10:00", "t_lc_sl", "SHIFT_LEADER", null, null, true, null, null);
        sink.recordAll(late.facts);
        postJson(base + "/compute", "assessor1", "{}").andExpect(status().isConflict());
        assertThat(count(
                        "SELECT COUNT(*) FROM asm_result r JOIN asm_result_version v ON v.id = r.version_id "
                                + "WHERE v.period_id = ?",
                        id))
                .isEqualTo(resultRows);
        assertThat(count("SELECT COUNT(*) FROM asm_result_version WHERE period_id = ?", id))
                .isEqualTo(1);
        String v1 = results(id, "DISTRICT", 1);
        assertThat(JsonPath.<List<Object>>read(v1, "$.subjects[?(@.subjectCode == '920001')].indicators.filed"))
                .containsExactly(1.0);
        // publishing is the leader's; the assessor may not
        postJson(base + "/publish", "assessor1", "{}").andExpect(status().isForbidden());
        postJson(base + "/publish", "leader1", "{}").andExpect(status().isOk());
        String pub = mvc.perform(get("/api/v1/public/assessment"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(pub, "$[?(@.periodId == " + id + ")].districts[*].districtCode"))
                .contains("920001");
        assertThat(pub).doesNotContain("t_lc_sl").doesNotContain("9200001");

        postJson(base + "/revise", "assessor1", "{\"reason\":\"\"}").andExpect(status().isBadRequest());
        postJson(base + "/revise", "assessor1", "{\"reason\":\"补录迟到的案件\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(JsonPath.<List<Object>>read(
                        results(id, "DISTRICT", 2), "$.subjects[?(@.subjectCode == '920001')].indicators.filed"))
                .containsExactly(2.0);
        assertThat(JsonPath.<List<Object>>read(
                        results(id, "DISTRICT", 1), "$.subjects[?(@.subjectCode == '920001')].indicators.filed"))
                .containsExactly(1.0);
        String period = mvc.perform(get(base).header("Authorization", assessor()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(period, "$.versions[1].reason")).contains("补录迟到的案件");
        assertThat(JsonPath.<Boolean>read(period, "$.versions[0].locked")).isTrue();
        assertThat(JsonPath.<String>read(period, "$.period.status")).isEqualTo("COMPUTED");
    }

    String results(long id, String type, int version) throws Exception {
        return mvc.perform(get("/api/v1/assessment/periods/" + id + "/results")
                        .param("subjectType", type)
                        .param("version", String.valueOf(version))
                        .header("Authorization", assessor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aSharedDeductionSplitsTwoToEightAndAnAcceptedAppealRemovesIt() throws Exception {
        String s = scheme();
        long id = open(s, "2032-05-01", "2032-05-31");
        String item = "T-ITEM-" + System.nanoTime();
        postJson("/api/v1/assessment/items", "assessor1", """
                {"code":"%s","name":"巡查发现问题","points":2,"basis":"MANUAL","leaderMultiplier":2,"mediaMultiplier":3,
                 "deptShare":20,"territoryShare":80}""".formatted(item)).andExpect(status().isOk());
        postJson("/api/v1/assessment/items", "assessor1", """
                {"code":"%s-x","name":"坏","points":2,"basis":"MANUAL","deptShare":30,"territoryShare":80}""".formatted(item)).andExpect(status().isBadRequest());
        String body = postJson("/api/v1/assessment/periods/" + id + "/deductions", "assessor1", """
                {"item":"%s","department":"QCGJ-320412","district":"320412","quantity":3,"mediaExposed":true,
                 "note":"湖塘镇巡查路线"}""".formatted(item))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // 2 points × 3 × media 3 = 18: department 20 % = 3.6, district 80 % = 14.4
        List<Number> points = JsonPath.read(body, "$[*].points");
        assertThat(points.stream().map(Number::doubleValue).toList()).containsExactly(3.6, 14.4);
        long deptDeduction = ((Number) JsonPath.read(body, "$[0].id")).longValue();

        postJson("/api/v1/assessment/periods/" + id + "/compute", "assessor1", "{}")
                .andExpect(status().isOk());
        assertThat(JsonPath.<List<Number>>read(
                                results(id, "DISTRICT", 1), "$.subjects[?(@.subjectCode == '320412')].deduction")
                        .get(0)
                        .doubleValue())
                .isEqualTo(14.4);
        assertThat(JsonPath.<List<Number>>read(
                                results(id, "DEPARTMENT", 1), "$.subjects[?(@.subjectCode == 'QCGJ-320412')].deduction")
                        .get(0)
                        .doubleValue())
                .isEqualTo(3.6);

        // another bureau may not appeal; the charged bureau may
        postJson(
                        "/api/v1/assessment/deductions/" + deptDeduction + "/appeal",
                        "handler-tianning",
                        "{\"reason\":\"不是我们的\"}")
                .andExpect(status().isForbidden());
        String appeal = postJson(
                        "/api/v1/assessment/deductions/" + deptDeduction + "/appeal",
                        "handler-wujin",
                        "{\"reason\":\"该处已于当日清理，附照片\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long appealId = ((Number) JsonPath.read(appeal, "$.id")).longValue();
        postJson("/api/v1/assessment/appeals/" + appealId + "/review", "handler-wujin", "{\"accept\":true}")
                .andExpect(status().isForbidden());
        postJson(
                        "/api/v1/assessment/appeals/" + appealId + "/review",
                        "assessor1",
                        "{\"accept\":true,\"note\":\"照片属实\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        postJson("/api/v1/assessment/periods/" + id + "/compute", "assessor1", "{\"reason\":\"申诉成立后重算\"}")
                .andExpect(status().isOk());
        // the bureau had nothing else in May 2032, so without the voided deduction it is not a subject at all
        assertThat(JsonPath.<List<Number>>read(
                        results(id, "DEPARTMENT", 2), "$.subjects[?(@.subjectCode == 'QCGJ-320412')].deduction"))
                .allMatch(n -> n.doubleValue() == 0);
        assertThat(JsonPath.<List<Number>>read(
                                results(id, "DISTRICT", 2), "$.subjects[?(@.subjectCode == '320412')].deduction")
                        .get(0)
                        .doubleValue())
                .isEqualTo(14.4);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'ASSESSMENT_APPEAL' AND entity_id = ?",
                        String.valueOf(appealId)))
                .isEqualTo(2);
    }

    static byte[] workbook(Object[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("对象类型");
            for (int i = 0; i < rows.length; i++) {
                Row r = sheet.createRow(i + 1);
                for (int c = 0; c < rows[i].length; c++) {
                    if (rows[i][c] instanceof Number n) {
                        r.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        r.createCell(c).setCellValue(String.valueOf(rows[i][c]));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anImportWithUnknownSubjectsOrOutOfRangeScoresIsRefusedRowByRowAndNothingIsStored() throws Exception {
        long id = open(scheme(), "2032-06-01", "2032-06-30");
        byte[] bad = workbook(new Object[][] {
            {"DISTRICT", "320402", 88}, {"DISTRICT", "999999", 80}, {"DISTRICT", "320404", 120}, {"PLANET", "x", 50}
        });
        mvc.perform(multipart("/api/v1/assessment/periods/" + id + "/imports")
                        .file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", bad))
                        .param("source", "THIRD_PARTY")
                        .header("Authorization", assessor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(3));
        assertThat(count("SELECT COUNT(*) FROM asm_source_score WHERE period_id = ?", id))
                .isZero();
        mvc.perform(multipart("/api/v1/assessment/periods/" + id + "/imports")
                        .file(new MockMultipartFile(
                                "file", "t.xlsx", "application/octet-stream", "not excel".getBytes()))
                        .param("source", "THIRD_PARTY")
                        .header("Authorization", assessor()))
                .andExpect(status().isBadRequest());
        byte[] good = workbook(new Object[][] {{"DISTRICT", "320402", 88}, {"DEPARTMENT", "HWC", 70.5}});
        mvc.perform(multipart("/api/v1/assessment/periods/" + id + "/imports")
                        .file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", good))
                        .param("source", "THIRD_PARTY")
                        .header("Authorization", assessor()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(2));
        // a district's self-evaluation counts once reviewed; a district cannot evaluate another
        postJson(
                        "/api/v1/assessment/periods/" + id + "/scores",
                        "handler-tianning",
                        "{\"source\":\"DISTRICT\",\"subjectType\":\"DISTRICT\",\"subjectCode\":\"320404\",\"score\":99}")
                .andExpect(status().isForbidden());
        String self = postJson(
                        "/api/v1/assessment/periods/" + id + "/scores",
                        "handler-tianning",
                        "{\"source\":\"DISTRICT\",\"subjectType\":\"DISTRICT\",\"subjectCode\":\"320402\",\"score\":95}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long selfId = ((Number) JsonPath.read(self, "$.id")).longValue();
        postJson("/api/v1/assessment/scores/" + selfId + "/review", "assessor1", "{\"accept\":true,\"score\":90}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        postJson("/api/v1/assessment/periods/" + id + "/compute", "assessor1", "{}")
                .andExpect(status().isOk());
        String r = results(id, "DISTRICT", 1);
        assertThat(JsonPath.<List<Number>>read(r, "$.subjects[?(@.subjectCode == '320402')].thirdParty")
                        .get(0)
                        .doubleValue())
                .isEqualTo(88.0);
        assertThat(JsonPath.<List<Number>>read(r, "$.subjects[?(@.subjectCode == '320402')].districtScore")
                        .get(0)
                        .doubleValue())
                .isEqualTo(90.0);
        // no case facts in June 2032: total = (20×88 + 10×90) / 30
        assertThat(JsonPath.<List<Number>>read(r, "$.subjects[?(@.subjectCode == '320402')].total")
                        .get(0)
                        .doubleValue())
                .isEqualTo(88.67);
    }

    @Test
    void aHandlerCannotRunPeriodsOrSeeResults() throws Exception {
        postJson(
                        "/api/v1/assessment/periods",
                        "handler-wujin",
                        "{\"from\":\"2033-01-01\",\"to\":\"2033-01-31\"," + "\"scheme\":\"CZ-LONGTERM\"}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessment/periods").header("Authorization", Api.bearer(mvc, "handler-wujin")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDemoMonthIsPublishedForEveryDistrict() throws Exception {
        String pub = mvc.perform(get("/api/v1/public/assessment"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> codes = JsonPath.read(pub, "$[*].districts[*].districtCode");
        assertThat(codes).contains("320402", "320404", "320411", "320412", "320413", "320481", "320491");
        mvc.perform(get("/public/assessment")).andExpect(status().isOk());
    }
}
