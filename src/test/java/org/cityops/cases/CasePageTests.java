package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class CasePageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.cityops.org.OrgDirectory org;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String category() {
        return catalog.activeCategories().get(0).qualifiedCode();
    }

    long staffReport(String description) throws Exception {
        Places.Place p = Places.any(locator);
        String location = mvc.perform(multipart("/cases/new")
                        .with(as("inspector1"))
                        .with(csrf())
                        .param("channel", "INSPECTOR")
                        .param("categoryCode", category())
                        .param("description", description)
                        .param("lat", String.valueOf(p.lat()))
                        .param("lon", String.valueOf(p.lon())))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anInspectorReportsFromTheMobilePageAndTheShiftLeaderFilesWithOneClick() throws Exception {
        long id = staffReport("巡查发现 " + UUID.randomUUID());
        mvc.perform(get("/cases/" + id).with(as("shiftlead1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-action=\"FILE\"")));
        mvc.perform(post("/cases/" + id + "/act")
                        .with(as("shiftlead1"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("action", "FILE"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-status=\"FILED\"")));
        mvc.perform(post("/cases/" + id + "/act")
                        .with(as("shiftlead1"))
                        .with(csrf())
                        .param("action", "FILE"))
                .andExpect(content().string(Matchers.containsString("data-testid=\"action-error\"")));
        mvc.perform(get("/cases/queue").with(as("dispatcher1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-case-id=\"" + id + "\"")))
                .andExpect(content().string(Matchers.containsString("data-deadline")));
    }

    @Test
    void everyListExportsToExcel() throws Exception {
        byte[] xlsx = mvc.perform(
                        get("/cases/export.xlsx").with(as("dispatcher1")).param("status", "FILED"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("案卷编号");
        }
    }

    @Test
    void consolePagesRenderForTheirRoles() throws Exception {
        for (String page :
                new String[] {"/cases", "/cases/queue", "/cases/map", "/cases?overdue=true&status=ACCEPTED"}) {
            mvc.perform(get(page).with(as("leader1"))).andExpect(status().isOk());
        }
        mvc.perform(get("/cases/new").with(as("inspector1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("use-gps")));
        mvc.perform(get("/cases/new").with(as("handler-hwc"))).andExpect(status().isForbidden());
    }

    @Test
    void aCitizenReportsWithoutSigningInAndLooksTheCaseUpByNumber() throws Exception {
        Places.Place p = Places.any(locator);
        String key = UUID.randomUUID().toString();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        String description = "公众举报 " + key;
        String location = mvc.perform(multipart("/public/report")
                        .file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", jpeg))
                        .with(csrf())
                        .param("categoryCode", category())
                        .param("description", description)
                        .param("lat", String.valueOf(p.lat()))
                        .param("lon", String.valueOf(p.lon()))
                        .param("reporterPhone", "13912345678")
                        .param("idempotencyKey", key))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String again = mvc.perform(multipart("/public/report")
                        .file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", jpeg))
                        .with(csrf())
                        .param("categoryCode", category())
                        .param("description", description)
                        .param("lat", String.valueOf(p.lat()))
                        .param("lon", String.valueOf(p.lon()))
                        .param("reporterPhone", "13912345678")
                        .param("idempotencyKey", key))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(again).isEqualTo(location);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM city_case WHERE description = :d")
                        .param("d", description)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String number = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get("/public/cases/" + number))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("待核实")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("13912345678"))));
        mvc.perform(get("/api/v1/public/cases/" + number))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_VERIFY"))
                .andExpect(jsonPath("$.reporterPhone").doesNotExist());
        mvc.perform(get("/api/v1/public/cases/1")).andExpect(status().isNotFound());
    }

    @Test
    void aCitizenReportThatIsNotAnImageIsRefused() throws Exception {
        Places.Place p = Places.any(locator);
        long before =
                jdbc.sql("SELECT COUNT(*) FROM city_case").query(Long.class).single();
        mvc.perform(multipart("/public/report")
                        .file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", "#!/bin/sh".getBytes()))
                        .with(csrf())
                        .param("categoryCode", category())
                        .param("description", "假图片")
                        .param("lat", String.valueOf(p.lat()))
                        .param("lon", String.valueOf(p.lon())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("form-error")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM city_case").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aHandlerWhoReturnsACaseSeesTheResultAlthoughTheCaseLeftTheDepartment() throws Exception {
        long id = staffReport("回退测试 " + UUID.randomUUID());
        mvc.perform(post("/cases/" + id + "/act")
                .with(as("shiftlead1"))
                .with(csrf())
                .param("action", "FILE"));
        long hwc = org.departmentByCode("HWC").orElseThrow().id();
        mvc.perform(post("/cases/" + id + "/act")
                        .with(as("dispatcher1"))
                        .with(csrf())
                        .param("action", "DISPATCH")
                        .param("departmentId", String.valueOf(hwc)))
                .andExpect(content().string(Matchers.containsString("data-status=\"DISPATCHED\"")));
        mvc.perform(post("/cases/" + id + "/act")
                        .with(as("handler-hwc"))
                        .with(csrf())
                        .param("action", "RETURN")
                        .param("note", "非本部门职责"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-status=\"FILED\"")));
        mvc.perform(get("/cases/" + id).with(as("handler-hwc"))).andExpect(status().isForbidden());
    }
}
