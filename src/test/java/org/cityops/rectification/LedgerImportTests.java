package org.cityops.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** JSON and .xlsx import: all-or-nothing with a row-by-row report; the .xlsx export round-trips. */
@IntegrationTest
class LedgerImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long inspections() {
        return jdbc.sql("SELECT COUNT(*) FROM rect_inspection")
                .query(Long.class)
                .single();
    }

    @Test
    void brokenJsonIsRefusedWithItsLineAndNothingIsImported() throws Exception {
        long before = inspections();
        mvc.perform(post("/api/v1/rectification/inspections/import")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspection\": {\"name\": \"x\",\n \"categories\": ["))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(org.hamcrest.Matchers.startsWith("line ")));
        assertThat(inspections()).isEqualTo(before);
    }

    @Test
    void everyBadRowIsReportedAndNothingIsImported() throws Exception {
        long before = inspections();
        String json = """
                {"inspection":{"name":"bad-%s"},
                 "categories":[{"no":1,"title":"类别一","measures":[{"text":"游离的措施"}],"problems":[
                   {"no":1,"title":"问题一","measures":[{"text":"措施","deadline":"2019-13-45"}]},
                   {"no":1,"title":"问题一重复","measures":[{"text":"措施","deadline":"明年某天"}]},
                   {"no":3,"measures":[{"title":"无内容"}]}]}]}""".formatted(UUID.randomUUID());
        String body = mvc.perform(post("/api/v1/rectification/inspections/import")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> rows = JsonPath.read(body, "$.errors[*].row");
        List<String> fields = JsonPath.read(body, "$.errors[*].field");
        assertThat(rows)
                .contains(
                        "categories[0]",
                        "categories[0].problems[0].measures[0]",
                        "categories[0].problems[1]",
                        "categories[0].problems[2]");
        assertThat(fields).contains("measures", "deadline", "no", "title", "text");
        assertThat(body).contains("duplicate problem number 1").contains("cannot read date '明年某天'");
        assertThat(inspections()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefused() throws Exception {
        mvc.perform(multipart("/api/v1/rectification/inspections/import")
                        .file(new MockMultipartFile(
                                "file", "ledger.xlsx", "application/octet-stream", "not a zip".getBytes()))
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("not an .xlsx")));
    }

    @Test
    void missingColumnsAreNamedAndUnknownColumnsReported() throws Exception {
        byte[] xlsx = sheet(new String[][] {{"序号", "问题类别", "问题描述", "整改措施", "备注"}, {"1", "一、类别", "问题", "措施", "x"}});
        String body = mvc.perform(multipart("/api/v1/rectification/inspections/import")
                        .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", xlsx))
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> fields = JsonPath.read(body, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("责任领导", "牵头部门", "配合部门", "整改时限", "整改进展", "整改状态");
    }

    @Test
    void spreadsheetRowsWithBadDatesOrNoProblemAreReportedByRowAndColumn() throws Exception {
        String[] header = {"整改状态", "序号", "问题类别", "问题描述", "整改措施", "责任领导", "牵头部门", "配合部门", "整改时限", "整改进展", "来源"};
        byte[] xlsx = sheet(new String[][] {
            header,
            {"", "", "", "", "没有问题的措施", "", "", "", "", "", ""},
            {"推进中", "1", "一、类别一", "问题一", "措施一", "局长", "市环卫处", "", "2020-02-30", "", ""},
            {"未启动", "2", "", "问题二", "措施二", "局长", "市环卫处", "", "2020年3月底", "", ""},
            {"半完成", "", "", "", "措施三", "局长", "", "", "", "", ""},
            {"", "1", "", "问题一又出现", "措施四", "", "", "", "", "", ""}
        });
        String body = mvc.perform(multipart("/api/v1/rectification/inspections/import")
                        .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", xlsx))
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("\"row\":\"2\"").contains("a measure without a problem");
        assertThat(body).contains("\"row\":\"3\",\"field\":\"整改时限\"");
        assertThat(body).contains("\"row\":\"5\",\"field\":\"整改状态\"");
        assertThat(body).contains("\"row\":\"6\",\"field\":\"序号\"").contains("duplicate problem number 1");
    }

    @Test
    void theXlsxExportOfTheSeedLedgerReimportsToTheSameLedger() throws Exception {
        String first = mvc.perform(post("/api/v1/rectification/inspections/import")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SeedLedgerTests.seed()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(first, "$.inspectionId")).longValue();
        String before = mvc.perform(get("/api/v1/rectification/inspections/" + id + "/problems")
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int m = JsonPath.read(before, "$[40].measures[1].id");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/rectification/measures/" + m + "/assignment")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"responsibleLeader\":\"副局长\",\"leadDepartment\":\"市公园管理中心\","
                                + "\"cooperatingDepartments\":[\"规划建设处\",\"市园艺发展服务中心\"],\"deadline\":\"长期坚持\"}"))
                .andExpect(status().isOk());
        before = mvc.perform(get("/api/v1/rectification/inspections/" + id + "/problems")
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        byte[] xlsx = mvc.perform(get("/api/v1/rectification/inspections/" + id + "/ledger.xlsx")
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String second = mvc.perform(multipart("/api/v1/rectification/inspections/import")
                        .file(new MockMultipartFile("file", "台账.xlsx", "application/octet-stream", xlsx))
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.categories").value(8))
                .andExpect(jsonPath("$.problems").value(43))
                .andExpect(jsonPath("$.measures").value(115))
                .andExpect(jsonPath("$.warnings").isEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id2 = ((Number) JsonPath.read(second, "$.inspectionId")).longValue();
        String after = mvc.perform(get("/api/v1/rectification/inspections/" + id2 + "/problems")
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String path : List.of(
                "$[*].number",
                "$[*].title",
                "$[*].status",
                "$[*].category.seq",
                "$[*].category.title",
                "$[*].measures[*].title",
                "$[*].measures[*].text",
                "$[*].measures[*].subNo",
                "$[*].measures[*].responsibleLeader",
                "$[*].measures[*].leadDepartment",
                "$[*].measures[*].cooperatingDepartments",
                "$[*].measures[*].deadline",
                "$[*].measures[*].longTerm",
                "$[*].measures[*].status")) {
            Object a = JsonPath.read(before, path);
            Object b = JsonPath.read(after, path);
            assertThat(b).as(path).isEqualTo(a);
        }
        String insp = mvc.perform(
                        get("/api/v1/rectification/inspections").header("Authorization", Api.bearer(mvc, "rectify1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> names = JsonPath.read(insp, "$[?(@.id == " + id2 + ")].name");
        assertThat(names).containsExactly("市委第一巡察组 巡察“回头看”");
    }

    @Test
    void theTemplateIsASpreadsheetThatImports() throws Exception {
        byte[] template = mvc.perform(
                        get("/api/v1/rectification/template.xlsx").header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        mvc.perform(multipart("/api/v1/rectification/inspections/import")
                        .file(new MockMultipartFile("file", "模板.xlsx", "application/octet-stream", template))
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.measures").value(1));
    }

    static byte[] sheet(String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("整改台账");
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
