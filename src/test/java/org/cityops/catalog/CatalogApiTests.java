package org.cityops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.audit.AuditLog;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class CatalogApiTests {

    static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog auditLog;

    MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, user)).contentType(MediaType.APPLICATION_JSON);
    }

    String createLocal(String prefix) throws Exception {
        String code = prefix + SEQ.incrementAndGet();
        String body = mvc.perform(
                        as("admin", post("/api/v1/catalog/categories")).content("""
                {"standard":"LOCAL","kind":"EVENT","code":"%s","name":"接口测试 %s","majorCode":"%s",
                 "majorName":"测试大类","filingCondition":"立案","closingCondition":"结案"}""".formatted(code, code, prefix)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return body;
    }

    @Test
    void readingTheCatalogueNeedsSignIn() throws Exception {
        mvc.perform(get("/api/v1/catalog/categories")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/catalog/calendar/2026")).andExpect(status().isUnauthorized());
    }

    @Test
    void everyStaffRoleReadsTheCatalogue() throws Exception {
        mvc.perform(as("handler-tianning", get("/api/v1/catalog/categories").param("q", "暴露垃圾")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].qualifiedCode", hasItem("E06010")));
        mvc.perform(as(
                        "dispatcher1",
                        get("/api/v1/catalog/categories")
                                .param("kind", "COMPONENT")
                                .param("major", "04")
                                .param("standard", "47678")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(14));
        mvc.perform(as("inspector1", get("/api/v1/catalog/categories/resolve").param("code", "06014")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.qualifiedCode").value("E06014"));
        mvc.perform(as("inspector1", get("/api/v1/catalog/categories/resolve").param("code", "01001")))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyAdministratorsChangeTheCatalogue() throws Exception {
        mvc.perform(as("dispatcher1", post("/api/v1/catalog/categories")).content("""
                {"standard":"LOCAL","kind":"EVENT","code":"NO1","name":"x","majorCode":"NO","majorName":"y"}"""))
                .andExpect(status().isForbidden());
        mvc.perform(as("shiftlead1", post("/api/v1/catalog/routing")).content("""
                {"selector":"*","areaPrefix":"320402","departmentCode":"CGJ"}"""))
                .andExpect(status().isForbidden());
        mvc.perform(as("dispatcher1", put("/api/v1/catalog/calendar/days/2099-03-02"))
                        .content("""
                {"kind":"HOLIDAY"}"""))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsAProblemDetailNamingTheField() throws Exception {
        mvc.perform(as("admin", post("/api/v1/catalog/categories")).content("""
                {"standard":"GB/T 47678.5","kind":"EVENT","code":"6010","name":"x","majorName":"y"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"));
        mvc.perform(as("admin", post("/api/v1/catalog/categories")).content("""
                {"kind":"THING","code":"06099","name":"x","majorName":"y"}"""))
                .andExpect(status().isBadRequest());
        mvc.perform(as("admin", post("/api/v1/catalog/categories")).content("""
                {"kind":"EVENT","code":"06099","majorName":"y"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        mvc.perform(as("admin", post("/api/v1/catalog/categories")).content("""
                {"kind":"EVENT","code":"06010","name":"重复","majorName":"y"}"""))
                .andExpect(status().isConflict());
        mvc.perform(as("admin", post("/api/v1/catalog/routing")).content("""
                {"selector":"E06010","areaPrefix":"320402","departmentCode":"NOPE"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("departmentCode"));
        mvc.perform(as(
                        "admin",
                        get("/api/v1/catalog/calendar/deadline")
                                .param("start", "yesterday")
                                .param("hours", "1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("start"));
        mvc.perform(as("admin", get("/api/v1/catalog/calendar/deadline").param("hours", "-1")))
                .andExpect(status().isBadRequest());
        mvc.perform(as("admin", get("/api/v1/catalog/categories/999999999"))).andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorEditsACategoryAndItsLimitsAndEveryChangeIsAudited() throws Exception {
        String created = createLocal("AE");
        int id = JsonPath.read(created, "$.id");
        mvc.perform(as("admin", put("/api/v1/catalog/categories/" + id)).content("""
                {"filingCondition":"新的立案条件","closingCondition":"新的结案条件","version":0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.filingCondition").value("新的立案条件"));
        mvc.perform(as("admin", put("/api/v1/catalog/categories/" + id)).content("""
                {"filingCondition":"过期的编辑","version":0}"""))
                .andExpect(status().isConflict());
        mvc.perform(as("admin", put("/api/v1/catalog/categories/" + id)).content("""
                {"name":"只改名称","version":1}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("只改名称"))
                .andExpect(jsonPath("$.filingCondition").value("新的立案条件"))
                .andExpect(jsonPath("$.closingCondition").value("新的结案条件"));
        mvc.perform(as("admin", put("/api/v1/catalog/categories/" + id + "/limits"))
                        .content("""
                {"limits":[{"stage":"HANDLE","urgency":"NORMAL","hours":24,"basis":"NATURAL"},
                           {"stage":"CHECK","urgency":"URGENT","hours":0.5,"basis":"WORKING"}]}"""))
                .andExpect(status().isOk());
        mvc.perform(as("dispatcher1", get("/api/v1/catalog/categories/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.limits[?(@.stage=='HANDLE' && @.urgency=='NORMAL')].minutes")
                        .value(1440))
                .andExpect(jsonPath("$.limits[?(@.stage=='HANDLE' && @.urgency=='NORMAL')].source")
                        .value("CATEGORY"))
                .andExpect(jsonPath("$.limits[?(@.stage=='CHECK' && @.urgency=='URGENT')].minutes")
                        .value(30))
                .andExpect(jsonPath("$.limits[?(@.stage=='HANDLE' && @.urgency=='URGENT')].source")
                        .value("DEFAULT"));
        mvc.perform(as("admin", put("/api/v1/catalog/categories/" + id + "/limits"))
                        .content("""
                {"limits":[{"stage":"HANDLE","urgency":"NORMAL","hours":0.001,"basis":"NATURAL"}]}"""))
                .andExpect(status().isBadRequest());
        mvc.perform(as("admin", post("/api/v1/catalog/categories/" + id + "/deactivate")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));

        var actions = auditLog.find("CATALOG_CATEGORY", String.valueOf(id), "admin", 20, 0).stream()
                .map(e -> e.action())
                .toList();
        assertThat(actions).contains("CREATE", "UPDATE", "DEACTIVATE");
        assertThat(auditLog.find("CATALOG_LIMIT", String.valueOf(id), "admin", 20, 0))
                .hasSize(1);
    }

    @Test
    void routingRulesAreManagedAndResolvedThroughTheApi() throws Exception {
        String created = createLocal("RA");
        String qcode = JsonPath.read(created, "$.qualifiedCode");
        String rule = mvc.perform(as("admin", post("/api/v1/catalog/routing")).content("""
                {"selector":"%s","areaPrefix":"320404001","departmentCode":"SZSS","note":"test"}""".formatted(qcode)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int ruleId = JsonPath.read(rule, "$.id");
        mvc.perform(as(
                        "dispatcher1",
                        get("/api/v1/catalog/routing/resolve")
                                .param("category", qcode)
                                .param("area", "320404001002")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departmentCode").value("SZSS"));
        mvc.perform(as(
                        "dispatcher1",
                        get("/api/v1/catalog/routing/resolve")
                                .param("category", qcode)
                                .param("area", "320404002001")))
                .andExpect(jsonPath("$.departmentCode").value("QCGJ-320404"));
        mvc.perform(as("admin", put("/api/v1/catalog/routing/" + ruleId)).content("""
                {"selector":"%s","areaPrefix":"320404001","departmentCode":"YYFZ","version":0}""".formatted(qcode)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departmentCode").value("YYFZ"));
        mvc.perform(as("admin", delete("/api/v1/catalog/routing/" + ruleId))).andExpect(status().isNoContent());
        mvc.perform(as(
                        "dispatcher1",
                        get("/api/v1/catalog/routing/resolve")
                                .param("category", qcode)
                                .param("area", "320404001002")))
                .andExpect(jsonPath("$.departmentCode").value("QCGJ-320404"));
        assertThat(auditLog.find("CATALOG_ROUTING_RULE", String.valueOf(ruleId), null, 20, 0))
                .hasSize(3);
    }

    @Test
    void theCalendarYearShowsHolidaysAndMakeUpDays() throws Exception {
        mvc.perform(as("dispatcher1", get("/api/v1/catalog/calendar/2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days.length()").value(365))
                .andExpect(jsonPath("$.days[273].date").value("2026-10-01"))
                .andExpect(jsonPath("$.days[273].kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.days[273].working").value(false))
                .andExpect(jsonPath("$.days[282].date").value("2026-10-10"))
                .andExpect(jsonPath("$.days[282].kind").value("MAKEUP_WORKDAY"))
                .andExpect(jsonPath("$.days[282].workingMinutes").value(450))
                .andExpect(jsonPath("$.week.1[0]").value("08:30-12:00"));
    }

    @Test
    void theDeadlineHelperSkipsTheNationalDayHolidays() throws Exception {
        mvc.perform(as(
                        "dispatcher1",
                        get("/api/v1/catalog/calendar/deadline")
                                .param("start", "2026-09-30T17:00")
                                .param("hours", "1")
                                .param("basis", "WORKING")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadlineDisplay").value("2026-10-08 09:00"))
                .andExpect(jsonPath("$.minutes").value(60));
        mvc.perform(as(
                        "dispatcher1",
                        get("/api/v1/catalog/calendar/deadline")
                                .param("start", "2026-09-30T09:00:00Z")
                                .param("hours", "2")
                                .param("basis", "NATURAL")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadlineDisplay").value("2026-09-30 19:00"));
    }

    @Test
    void anAdministratorTogglesAHolidayAndDeadlinesFollowAtOnce() throws Exception {
        // Monday 2 March 2099, far from any date other tests use
        mvc.perform(as(
                        "admin",
                        get("/api/v1/catalog/calendar/deadline")
                                .param("start", "2099-02-27T17:00")
                                .param("hours", "1")))
                .andExpect(jsonPath("$.deadlineDisplay").value("2099-03-02 09:00"));
        mvc.perform(as("admin", put("/api/v1/catalog/calendar/days/2099-03-02")).content("""
                {"kind":"HOLIDAY","name":"测试假日"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.working").value(false));
        try {
            mvc.perform(as(
                            "admin",
                            get("/api/v1/catalog/calendar/deadline")
                                    .param("start", "2099-02-27T17:00")
                                    .param("hours", "1")))
                    .andExpect(jsonPath("$.deadlineDisplay").value("2099-03-03 09:00"));
            mvc.perform(as("admin", put("/api/v1/catalog/calendar/days/2099-02-28"))
                            .content("""
                    {"kind":"MAKEUP_WORKDAY"}"""))
                    .andExpect(status().isOk());
            mvc.perform(as(
                            "admin",
                            get("/api/v1/catalog/calendar/deadline")
                                    .param("start", "2099-02-27T17:00")
                                    .param("hours", "1")))
                    .andExpect(jsonPath("$.deadlineDisplay").value("2099-02-28 09:00"));
        } finally {
            mvc.perform(as("admin", delete("/api/v1/catalog/calendar/days/2099-03-02")))
                    .andExpect(status().isOk());
            mvc.perform(as("admin", delete("/api/v1/catalog/calendar/days/2099-02-28")))
                    .andExpect(status().isOk());
        }
        mvc.perform(as("admin", put("/api/v1/catalog/calendar/days/2099-03-03")).content("""
                {"kind":"MAKEUP_WORKDAY"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"));
        assertThat(auditLog.find("CALENDAR_DAY", "2099-03-02", "admin", 10, 0)).hasSize(2);
    }
}
