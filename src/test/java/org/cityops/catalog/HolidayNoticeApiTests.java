package org.cityops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.audit.AuditLog;
import org.cityops.catalog.internal.excel.HolidayWorkbook;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The year's holiday notice through the API: table (JSON), .json file and .xlsx; the coverage warning. */
@IntegrationTest
class HolidayNoticeApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog auditLog;

    MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, user)).contentType(MediaType.APPLICATION_JSON);
    }

    ResultActions upload(String user, int year, String filename, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/catalog/calendar/years/" + year + "/notice")
                .file(new MockMultipartFile("file", filename, null, content))
                .header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, user)));
    }

    String day(int year, String date) throws Exception {
        String json = mvc.perform(as("dispatcher1", get("/api/v1/catalog/calendar/" + year)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> kinds = JsonPath.read(json, "$.days[?(@.date == '" + date + "')].kind");
        return kinds.get(0);
    }

    // 2096-01-27 is a Friday, 2096-01-28 a Saturday
    static final String NOTICE_2096 = """
            {"year":2096,"source":"测试通知","holidays":[
              {"name":"元旦","from":"2096-01-01","to":"2096-01-01","workdays":[]},
              {"name":"春节","from":"2096-01-24","to":"2096-01-30","workdays":["2096-01-21"]}]}""";

    @Test
    void anAdministratorEntersAYearsNoticeAsATableAndItIsAudited() throws Exception {
        mvc.perform(as("admin", put("/api/v1/catalog/calendar/years/2096/notice"))
                        .content(NOTICE_2096))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.holidays").value(8))
                .andExpect(jsonPath("$.workdays").value(1));
        assertThat(day(2096, "2096-01-27")).isEqualTo("HOLIDAY");
        assertThat(day(2096, "2096-01-21")).isEqualTo("MAKEUP_WORKDAY");
        mvc.perform(as("dispatcher1", get("/api/v1/catalog/calendar/years/2096/notice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holidays[1].name").value("春节"))
                .andExpect(jsonPath("$.holidays[1].to").value("2096-01-30"))
                .andExpect(jsonPath("$.holidays[1].workdays[0]").value("2096-01-21"));
        assertThat(auditLog.find("CALENDAR_YEAR", "2096", "admin", 10, 0)).isNotEmpty();

        // entering it again replaces the year: the old 元旦 is gone
        mvc.perform(as("admin", put("/api/v1/catalog/calendar/years/2096/notice"))
                        .content("""
                {"holidays":[{"name":"春节","from":"2096-01-24","to":"2096-01-30"}]}"""))
                .andExpect(status().isOk());
        assertThat(day(2096, "2096-01-01")).isNull();
        assertThat(day(2096, "2096-01-21")).isNull();
    }

    @Test
    void aBadRowIsA400NamingTheRowAndNothingChanges() throws Exception {
        // 2095-01-03 is a Monday: not a make-up day
        mvc.perform(as("admin", put("/api/v1/catalog/calendar/years/2095/notice"))
                        .content("""
                {"holidays":[{"name":"元旦","from":"2095-01-01"},
                             {"name":"春节","from":"2095-01-24","to":"2095-01-30","workdays":["2095-01-03"]}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("未做任何修改 nothing was changed: 第 2 行：调休上班日 2095-01-03")))
                .andExpect(jsonPath("$.field").value("workdays"))
                .andExpect(jsonPath("$.errors[0].row").value(2));
        assertThat(day(2095, "2095-01-01")).isNull();
        mvc.perform(as("admin", put("/api/v1/catalog/calendar/years/2095/notice"))
                        .content("""
                {"holidays":[{"name":"元旦","from":"2095-01-01"},{"name":"春节","from":"2095-02-31"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", startsWith("第 2 行：日期 '2095-02-31' 无法识别")));
        mvc.perform(as("admin", put("/api/v1/catalog/calendar/years/2095/notice"))
                        .content("""
                {"year":2094,"holidays":[{"name":"元旦","from":"2095-01-01"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("year"));
        assertThat(day(2095, "2095-01-01")).isNull();
    }

    @Test
    void onlyAnAdministratorChangesTheYear() throws Exception {
        mvc.perform(as("dispatcher1", put("/api/v1/catalog/calendar/years/2093/notice"))
                        .content(NOTICE_2096))
                .andExpect(status().isForbidden());
        upload("shiftlead1", 2093, "n.json", NOTICE_2096.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDocumentedJsonImportsAsAFile() throws Exception {
        String json = NOTICE_2096.replace("2096", "2092").replace("\"2092-01-21\"", "\"2092-01-20\"");
        // 2092-01-20 is a Sunday
        upload("admin", 2092, "notice-2092.json", json.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holidays").value(8));
        assertThat(day(2092, "2092-01-20")).isEqualTo("MAKEUP_WORKDAY");
        upload("admin", 2092, "bad.json", "{\"holidays\": [".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
    }

    @Test
    void aYearsWorkbookImportsBackUnchangedAndABadRowNamesItsExcelRow() throws Exception {
        mvc.perform(as("admin", put("/api/v1/catalog/calendar/years/2091/notice"))
                        .content(NOTICE_2096.replace("2096", "2091").replace("\"2091-01-21\"", "\"2091-01-21\"")))
                .andExpect(status().isOk());
        byte[] xlsx = mvc.perform(get("/api/v1/catalog/calendar/years/2091/notice.xlsx")
                        .header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String before = mvc.perform(as("admin", get("/api/v1/catalog/calendar/2091")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        upload("admin", 2091, "holidays-2091.xlsx", xlsx).andExpect(status().isOk());
        String after = mvc.perform(as("admin", get("/api/v1/catalog/calendar/2091")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).isEqualTo(before);

        // Excel row 3 (the second festival) has its days off the wrong way round
        byte[] bad = workbook(
                new String[] {"元旦", "2090-01-01", "", ""},
                new String[] {"春节", "2090-01-30", "2090-01-24", "2090-01-22"});
        upload("admin", 2090, "h.xlsx", bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.detail", startsWith("未做任何修改 nothing was changed: 第 3 行：放假结束日期早于开始日期")));
        assertThat(day(2090, "2090-01-01")).isNull();
        upload("admin", 2090, "h.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
    }

    static byte[] workbook(String[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(HolidayWorkbook.SHEET);
            Row h = s.createRow(0);
            String[] headers = {"节日名称", "放假开始", "放假结束", "调休上班日"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            int r = 1;
            for (String[] cells : rows) {
                Row row = s.createRow(r++);
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void healthPageAndApiTellTheSameMissingYearsAndHealthStaysUp() throws Exception {
        String coverage = mvc.perform(as("dispatcher1", get("/api/v1/catalog/calendar/coverage")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> missing = JsonPath.read(coverage, "$.missingYears");
        List<Integer> needed = JsonPath.read(coverage, "$.neededYears");
        assertThat(needed).isNotEmpty();
        mvc.perform(as("admin", get("/actuator/health")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.workingCalendar.status").value("UP"))
                .andExpect(jsonPath("$.components.workingCalendar.details.missingYears")
                        .value(missing))
                .andExpect(jsonPath("$.components.workingCalendar.details.neededYears")
                        .value(needed));

        MockHttpSession admin =
                (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password(Api.DEMO_PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        String page = mvc.perform(get("/admin/calendar").session(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("data-testid=\"calendar-notice\"");
        if (missing.isEmpty()) {
            assertThat(page).doesNotContain("data-testid=\"calendar-missing\"");
        } else {
            assertThat(page).contains("data-testid=\"calendar-missing\"").contains(missing.get(0) + " 年的法定节假日和调休尚未录入");
        }
    }
}
