package org.cityops.muck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.TerminalDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class MuckConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerminalDirectory terminals;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void theDemoCityHasThirtyTrucksWithTerminalsFrom13951230001() {
        assertThat(terminals.find("013951230001"))
                .get()
                .extracting(TerminalDirectory.KnownTerminal::plate)
                .isEqualTo("苏D·M3601");
        assertThat(terminals.find("00000000013951230030")).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM muck_permit WHERE permit_no LIKE '常城渣核%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM muck_zone WHERE kind = 'NO_GO'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyConsolePageRendersForASupervisor() throws Exception {
        MockHttpSession session = login("muck1");
        long site = jdbc.sql("SELECT id FROM muck_site WHERE code = 'GD-XB-001'")
                .query(Long.class)
                .single();
        for (String page : List.of(
                "/muck/map",
                "/muck/alarms",
                "/muck/alarms?type=OFFLINE&status=OPEN",
                "/muck/sites",
                "/muck/sites/" + site,
                "/muck/track",
                "/muck/stats",
                "/muck/registry",
                "/muck/map?lang=en")) {
            mvc.perform(get(page).session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("??"))));
        }
        mvc.perform(get("/muck/sites/" + site).session(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("新北区万达广场二期工地")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("常城渣核")));
        String title = "控制台检查记录-" + Long.toString(System.nanoTime(), 36);
        mvc.perform(post("/muck/sites/" + site + "/records")
                        .session(session)
                        .with(csrf())
                        .param("kind", "INSPECTION")
                        .param("title", title)
                        .param("person", "李四"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM muck_site_record WHERE title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void everyRegistryFormRendersEmptyAndForAnExistingRecord() throws Exception {
        MockHttpSession session = login("muck1");
        long vehicle = jdbc.sql("SELECT id FROM muck_vehicle WHERE terminal_phone = '13951230001'")
                .query(Long.class)
                .single();
        long permit =
                jdbc.sql("SELECT MIN(id) FROM muck_permit").query(Long.class).single();
        long site = jdbc.sql("SELECT id FROM muck_site WHERE code = 'GD-XB-001'")
                .query(Long.class)
                .single();
        for (String page : List.of(
                "/muck/registry/companies/edit",
                "/muck/registry/vehicles/edit",
                "/muck/registry/vehicles/edit?id=" + vehicle,
                "/muck/registry/sites/edit?id=" + site,
                "/muck/registry/disposal-sites/edit",
                "/muck/registry/permits/edit?id=" + permit,
                "/muck/registry/zones/edit",
                "/muck/registry/zones/edit?lang=en")) {
            mvc.perform(get(page).session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"muck-edit-form\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("??"))));
        }
        mvc.perform(get("/muck/registry/permits/edit").session(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-error-for=\"route\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("苏D·M3601")));
        mvc.perform(get("/muck/registry/vehicles/edit").session(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-error-for=\"plate\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("常州通达渣土运输有限公司")));
        mvc.perform(get("/muck/registry/drains/edit").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/muck/registry/vehicles/edit").session(login("inspector1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDriverFormEditsADriverFromTheRegistryList() throws Exception {
        MockHttpSession session = login("muck1");
        long driver =
                jdbc.sql("SELECT MIN(id) FROM muck_driver").query(Long.class).single();
        mvc.perform(get("/muck/registry").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"driver-table\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "href=\"/muck/registry/drivers/edit?id=" + driver + "\"")))
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("href=\"/muck/registry/drivers/edit\"")));
        for (String page : List.of(
                "/muck/registry/drivers/edit",
                "/muck/registry/drivers/edit?id=" + driver,
                "/muck/registry/drivers/edit?lang=en")) {
            mvc.perform(get(page).session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("data-kind=\"drivers\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("??"))));
        }
        mvc.perform(get("/muck/registry/drivers/edit?id=" + driver).session(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-error-for=\"licenseNo\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-error-for=\"vehicleId\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<option value=\"SUSPENDED\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("苏D·M3601")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("常州通达渣土运输有限公司")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("data-field=\"districtCode\""))));
        mvc.perform(get("/muck/registry/drivers/edit").session(login("inspector1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void otherRolesDoNotSeeTheConsole() throws Exception {
        MockHttpSession session = login("inspector1");
        mvc.perform(get("/muck/map").session(session)).andExpect(status().isForbidden());
    }

    static byte[] workbook(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("vehicles");
            sheet.createRow(0).createCell(0).setCellValue("header");
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aVehicleImportIsAllOrNothingWithARowByRowReport() throws Exception {
        String a = "166" + String.format("%08d", System.nanoTime() % 100_000_000);
        String b = "167" + String.format("%08d", System.nanoTime() % 100_000_000);
        byte[] bad = workbook(List.of(
                List.of("苏D·I" + a.substring(6), 2, a, "YS-DEMO-1", 31, 18, "SEALED_LID", "320411", "ACTIVE"),
                List.of("苏D·J" + b.substring(6), 8, b),
                List.of("苏D·K" + b.substring(6), 2, "13951230001")));
        mvc.perform(multipart("/api/v1/muck/import/vehicles")
                        .file(new MockMultipartFile("file", "v.xlsx", null, bad))
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("plateColor"))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("terminalPhone"));
        assertThat(terminals.find(a)).isEmpty();

        byte[] good = workbook(List.of(
                List.of("苏D·I" + a.substring(6), 2, Long.parseLong(a), "YS-DEMO-1", 31, 18, "SEALED_LID", "320411"),
                List.of("苏D·J" + b.substring(6), 2, b)));
        mvc.perform(multipart("/api/v1/muck/import/vehicles")
                        .file(new MockMultipartFile("file", "v.xlsx", null, good))
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        assertThat(terminals.find(a)).isPresent();
        assertThat(terminals.find(b)).isPresent();

        mvc.perform(multipart("/api/v1/muck/import/vehicles")
                        .file(new MockMultipartFile("file", "v.xlsx", null, "not excel".getBytes()))
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        mvc.perform(get("/api/v1/muck/import/vehicles/template.xlsx").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/muck/export/companies.xlsx").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/muck/export/nope.xlsx").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isNotFound());
    }

    @Test
    void importErrorsNameTheRowAsExcelNumbersItEvenBelowABlankRow() throws Exception {
        String a = "168" + String.format("%08d", System.nanoTime() % 100_000_000);
        byte[] bad = workbook(
                List.of(List.of(), List.of("苏D·L" + a.substring(6), 8, a), List.of("苏D·M" + a.substring(6), "二", a)));
        mvc.perform(multipart("/api/v1/muck/import/vehicles")
                        .file(new MockMultipartFile("file", "v.xlsx", null, bad))
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("plateColor"))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].message").value("应为整数 must be a whole number"));
        assertThat(terminals.find(a)).isEmpty();
    }
}
