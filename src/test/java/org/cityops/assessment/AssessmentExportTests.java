package org.cityops.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The Excel export of a computed period: one sheet per subject type, scores as numbers, "—" where none. */
@IntegrationTest
class AssessmentExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseFactSink sink;

    @Test
    void theExcelExportHasASheetPerSubjectTypeWithNumericScores() throws Exception {
        String code = "T-EX-" + System.nanoTime();
        CaseHistory h = new CaseHistory("ex-9360401");
        h.newCase(9_360_401, "HOTLINE", "320412001001001", null)
                .step(StepAction.FILED, "2036-04-05T10:00", "t_ex_sl", "SHIFT_LEADER", null, null, true, null, null)
                .step(StepAction.CLOSED, "2036-04-09T10:00", "t_ex_sl", "SHIFT_LEADER", null, null, true, true, null);
        sink.recordAll(h.facts);
        String bearer = Api.bearer(mvc, "assessor1");
        mvc.perform(post("/api/v1/assessment/schemes")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"code":"%s","name":"导出测试方案","weights":{"PUBLIC":20,"THIRD_PARTY":20,"SUPERVISION":40,
                         "DEPARTMENT":10,"DISTRICT":10}}""".formatted(code)))
                .andExpect(status().isCreated());
        String body = mvc.perform(post("/api/v1/assessment/periods")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2036-04-01\",\"to\":\"2036-04-30\",\"scheme\":\"" + code + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long period = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/assessment/periods/" + period + "/compute")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isOk());
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user("assessor1").password("cityops-demo"))
                        .andExpect(status().is3xxRedirection())
                        .andReturn()
                        .getRequest()
                        .getSession();

        byte[] xlsx = mvc.perform(
                        get("/assessment/periods/" + period + "/export.xlsx").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(SubjectType.values().length);
            int rows = 0;
            for (int i = 0; i < SubjectType.values().length; i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                assertThat(sheet.getSheetName()).isEqualTo(SubjectType.values()[i].label());
                Row head = sheet.getRow(0);
                assertThat(head.getCell(0).getStringCellValue()).isEqualTo("排名");
                assertThat(head.getCell(1).getStringCellValue()).isEqualTo("编码");
                assertThat(head.getCell(2).getStringCellValue()).isEqualTo("名称");
                assertThat(head.getCell(head.getLastCellNum() - 1).getStringCellValue())
                        .isEqualTo("等级");
                int total = head.getLastCellNum() - 2;
                assertThat(head.getCell(total).getStringCellValue()).isEqualTo("总分");
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    rows++;
                    Cell score = sheet.getRow(r).getCell(total);
                    assertThat(score.getCellType() == CellType.NUMERIC || "—".equals(score.getStringCellValue()))
                            .as("总分 is a number or —")
                            .isTrue();
                    assertThat(sheet.getRow(r).getCell(1).getCellType()).isEqualTo(CellType.STRING);
                }
            }
            assertThat(rows).as("the demo city's subjects are scored").isPositive();
        }
    }
}
