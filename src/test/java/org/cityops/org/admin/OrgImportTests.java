package org.cityops.org.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.org.internal.excel.OrgWorkbook;
import org.cityops.org.internal.excel.SheetSpec;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class OrgImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.cityops.audit.AuditLog auditLog;

    /** A workbook from sheet name → rows (first row = headers). */
    static byte[] workbook(Object... sheetsAndRows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (int i = 0; i < sheetsAndRows.length; i += 2) {
                Sheet sheet = wb.createSheet((String) sheetsAndRows[i]);
                @SuppressWarnings("unchecked")
                List<List<Object>> rows = (List<List<Object>>) sheetsAndRows[i + 1];
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        Object v = rows.get(r).get(c);
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (v != null) {
                            row.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private ResultActions upload(String user, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/org/import")
                .file(new MockMultipartFile("file", "org.xlsx", "application/octet-stream", bytes))
                .header("Authorization", Api.bearer(mvc, user)));
    }

    private long count(String table, String column, String value) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :v")
                .param("v", value)
                .query(Long.class)
                .single();
    }

    @Test
    void onlyAnAdministratorImports() throws Exception {
        byte[] file = workbook("组织机构", List.of(List.of("编码", "名称", "层级", "上级编码")));
        mvc.perform(get("/api/v1/org/export.xlsx")).andExpect(status().isUnauthorized());
        // without a token a POST is a session call and needs the CSRF header first
        mvc.perform(multipart("/api/v1/org/import").file(new MockMultipartFile("file", "x.xlsx", null, file)))
                .andExpect(status().isForbidden());
        upload("dispatcher1", file).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/org/import/template.xlsx")
                        .header("Authorization", OrgTestData.ownBearer(mvc, "leader1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aGoodFileImportsUnitsDepartmentsAndUsersInAnyColumnOrder() throws Exception {
        String street = OrgTestData.freeStreetCode(jdbc, "320413");
        String dept = OrgTestData.deptCode("JD");
        String user = OrgTestData.username("imp");
        byte[] file = workbook(
                "组织机构",
                        List.of(
                                List.of("上级编码", "层级", "名称", "编码"),
                                // the community comes first: parents are created first anyway; codes typed as numbers
                                List.of(Long.parseLong(street), "社区", "导入社区", Long.parseLong(street + "001")),
                                List.of(320413, "街道", "导入街道", Long.parseLong(street))),
                "部门", List.of(List.of("编码", "名称", "类型", "所属区划编码"), List.of(dept, "导入街道办", "街道", street)),
                "用户",
                        List.of(
                                List.of("用户名", "姓名", "角色", "数据权限", "所属区划编码", "所属部门编码", "初始密码"),
                                List.of(user, "导入处置员", "处置人员、监督员", "本部门", street + "001", dept, "import-pass-1")));
        upload("admin", file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.created").value(2))
                .andExpect(jsonPath("$.departments.created").value(1))
                .andExpect(jsonPath("$.users.created").value(1));
        assertThat(count("org_unit", "code", street + "001")).isOne();
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"import-pass-1\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesSheetRowAndColumn() throws Exception {
        String street = OrgTestData.freeStreetCode(jdbc, "320481");
        String user = OrgTestData.username("bad");
        byte[] file = workbook(
                "组织机构",
                        List.of(
                                List.of("编码", "名称", "层级", "上级编码"),
                                List.of(street, "好街道", "街道", "320481"),
                                List.of("320404001777", "错社区", "社区", street)),
                "用户",
                        List.of(
                                List.of("用户名", "姓名", "角色", "数据权限", "初始密码"),
                                List.of(user, "好用户", "派遣员", "全市", "good-pass-123"),
                                List.of(user + "x", "坏用户", "清洁工", "全市", "good-pass-123")));
        upload("admin", file)
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].sheet").value("组织机构"))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("编码"))
                .andExpect(jsonPath("$.errors[1].sheet").value("用户"))
                .andExpect(jsonPath("$.errors[1].row").value(3))
                .andExpect(jsonPath("$.errors[1].column").value("角色"));
        assertThat(count("org_unit", "code", street)).isZero();
        assertThat(count("app_user", "username", user)).isZero();
        assertThat(auditLog.find("ORG_UNIT", street, null, 10, 0)).isEmpty();
    }

    @Test
    void duplicateCodesInTheFileAndCodesOfAnotherKindAreRefused() throws Exception {
        String street = OrgTestData.freeStreetCode(jdbc, "320412");
        byte[] file = workbook(
                "组织机构",
                List.of(
                        List.of("编码", "名称", "层级", "上级编码"),
                        List.of(street, "一", "街道", "320412"),
                        List.of(street, "二", "街道", "320412"),
                        List.of("320402001", "天宁的街道改上级", "街道", "320404")));
        upload("admin", file)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("编码"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("第 2 行")))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].column").value("上级编码"));
        assertThat(count("org_unit", "code", street)).isZero();
    }

    @Test
    void unknownAndMissingColumnsAreReported() throws Exception {
        byte[] file = workbook("组织机构", List.of(List.of("编码", "名称", "颜色"), List.of("320402001", "x", "红")));
        upload("admin", file)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].column", hasItem("颜色")))
                .andExpect(jsonPath("$.errors[*].column", hasItem("层级")))
                .andExpect(jsonPath("$.errors[0].row").value(1));
    }

    @Test
    void aFileThatIsNotASpreadsheetIs400() throws Exception {
        upload("admin", "编码,名称\n320402,天宁区\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        upload("admin", new byte[] {'P', 'K', 3, 4, 0, 0, 1})
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        upload("admin", new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        mvc.perform(multipart("/api/v1/org/import").header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theTemplateHasTheThreeSheetsWithChineseHeadersAndAHelpSheet() throws Exception {
        byte[] bytes = mvc.perform(
                        get("/api/v1/org/import/template.xlsx").header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheet("说明")).isNotNull();
            assertThat(wb.getSheet("组织机构").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("编码");
            assertThat(wb.getSheet("用户").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("用户名");
            assertThat(wb.getSheet("用户").getRow(1).getCell(0).getStringCellValue())
                    .isNotBlank();
        }
        OrgWorkbook.Parsed parsed = OrgWorkbook.read(new ByteArrayInputStream(bytes));
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows(SheetSpec.UNITS)).hasSize(1);
        assertThat(parsed.rows(SheetSpec.USERS).get(0).get("roles")).isEqualTo("监督员");
    }

    @Test
    void anExportReimportsWithoutChangingAnything() throws Exception {
        byte[] export = mvc.perform(get("/api/v1/org/export.xlsx").header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        OrgWorkbook.Parsed parsed = OrgWorkbook.read(new ByteArrayInputStream(export));
        assertThat(parsed.rows(SheetSpec.UNITS)).extracting(r -> r.get("code")).contains("320400", "320402001001");
        assertThat(parsed.rows(SheetSpec.USERS))
                .extracting(r -> r.get("username"))
                .contains("handler-tianning");
        assertThat(parsed.rows(SheetSpec.USERS)).allMatch(r -> r.get("password") == null);
        upload("admin", export)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.created").value(0))
                .andExpect(jsonPath("$.units.updated").value(0))
                .andExpect(jsonPath("$.departments.updated").value(0))
                .andExpect(jsonPath("$.users.created").value(0))
                .andExpect(jsonPath("$.users.updated").value(0));
    }
}
