package org.cityops.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** 执法统计 and the list export on the demo city. */
@IntegrationTest
class EnforcementReportsTests {

    @Autowired
    MockMvc mvc;

    int year() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    @Test
    void the_statistics_count_the_demo_cases_by_unit_and_month_with_a_total_row() throws Exception {
        mvc.perform(get("/api/v1/enforcement/stats?year=" + year()).header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(year()))
                .andExpect(jsonPath("$.rows[?(@.unit == null)]").isNotEmpty())
                .andExpect(jsonPath("$.rows[?(@.filed > 0)]").isNotEmpty());
        mvc.perform(get("/api/v1/enforcement/stats?year=1999").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("year"));
        mvc.perform(get("/api/v1/enforcement/stats").header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_statistics_and_the_handlers_list_export_as_xlsx_with_the_party_id_masked() throws Exception {
        byte[] stats = mvc.perform(get("/api/v1/enforcement/stats.xlsx?year=" + year())
                        .header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(stats))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位");
            assertThat(s.getRow(0).getCell(4).getStringCellValue()).isEqualTo("罚款决定(元)");
            assertThat(s.getLastRowNum()).isPositive();
        }
        byte[] list = mvc.perform(
                        get("/api/v1/enforcement/cases.xlsx").header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(list))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("案件编号");
            assertThat(s.getLastRowNum()).isPositive();
            int masked = 0;
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                String id = s.getRow(r).getCell(4).getStringCellValue();
                // a valid 公民身份号码 never appears whole
                assertThat(org.cityops.enforcement.party.PartyIds.problem(
                                org.cityops.enforcement.party.PartyKind.PERSON, id))
                        .isPresent();
                masked += id.contains("*") ? 1 : 0;
            }
            assertThat(masked).isPositive();
        }
    }

    @Test
    void the_statistics_page_is_in_the_navigation_and_shows_the_table() throws Exception {
        MockHttpSession leader = (MockHttpSession)
                mvc.perform(formLogin("/login").user("leader1").password(Api.DEMO_PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/enforcement/stats").session(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"enforcement-stats\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/enforcement/stats\"")));
    }
}
