package org.cityops.cases;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.UUID;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.platform.CityClock;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages of 核实/核查派遣 and 挂账 approval: the inspector's 我的任务, the shift leader's console. Rolled back
 * after each test (the district inspector it adds never reaches other tests).
 */
@IntegrationTest
@org.springframework.transaction.annotation.Transactional
class InspectorTaskPageTests {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.cityops.org.internal.InspectorAreas inspectors;

    /** A district inspector, so that its tasks are this test's only. */
    String districtInspector(String district) {
        String username = "zz-insp-" + UUID.randomUUID().toString().substring(0, 8);
        long unit = jdbc.sql("SELECT id FROM org_unit WHERE code = :c")
                .param("c", district)
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, data_scope, org_unit_id, enabled)
                VALUES (:u, '区监督员', 'x', 'DISTRICT', :unit, TRUE)""").param("u", username).param("unit", unit).update();
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (:id, 'INSPECTOR')")
                .param("id", id)
                .update();
        inspectors.changed(); // written around the accounts service: say so
        return username;
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long hotlineCase() throws Exception {
        Places.Place p = Places.any(locator);
        String json =
                """
                {"channel":"HOTLINE","categoryCode":"%s","description":"页面测试 %s","lat":%s,"lon":%s}""".formatted(catalog.activeCategories().get(0).qualifiedCode(), UUID.randomUUID(), p.lat(), p.lon());
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(res, "$.id")).longValue();
    }

    void act(String user, long id, String json) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                        .header("Authorization", Api.bearer(mvc, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    @Test
    void theInspectorsPagesShowMyTasksFirstAndVerifyWithOneTap() throws Exception {
        String me = districtInspector(Places.any(locator).location().districtCode());
        long id = hotlineCase();
        for (String page : new String[] {"/cases/queue", "/cases/new"}) {
            mvc.perform(get(page).with(as(me)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("data-testid=\"my-tasks\"")))
                    .andExpect(content().string(Matchers.containsString("我的任务")))
                    .andExpect(content().string(Matchers.containsString("data-task-id=\"" + id + "\"")))
                    .andExpect(content().string(Matchers.containsString("核实属实")));
        }
        String html = mvc.perform(get("/cases/queue").with(as(me)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(html.indexOf("data-testid=\"my-tasks\""))
                .as("my tasks come before the rest of the queue")
                .isLessThan(html.indexOf("data-testid=\"case-table\""));
        mvc.perform(post("/cases/" + id + "/task").with(as(me)).with(csrf()).param("action", "VERIFY"))
                .andExpect(redirectedUrl("/cases/queue"))
                .andExpect(flash().attributeExists("taskDone"));
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(jsonPath("$.status").value("PENDING_FILE"));
        mvc.perform(get("/cases/queue").with(as("shiftlead1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"my-tasks\""))));
    }

    @Test
    void theShiftLeadersConsoleReassignsAndApprovesOrRefusesASuspensionInChinese() throws Exception {
        long waiting = hotlineCase();
        mvc.perform(get("/cases/" + waiting).with(as("shiftlead1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-action=\"ASSIGN_INSPECTOR\"")))
                .andExpect(content().string(Matchers.containsString("指派监督员")))
                .andExpect(content().string(Matchers.containsString("name=\"inspector\"")));
        mvc.perform(post("/cases/" + waiting + "/act")
                        .with(as("shiftlead1"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("action", "ASSIGN_INSPECTOR")
                        .param("inspector", "operator1"))
                .andExpect(content().string(Matchers.containsString("不是监督员")));
        mvc.perform(post("/cases/" + waiting + "/act")
                        .with(as("shiftlead1"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("action", "ASSIGN_INSPECTOR")
                        .param("inspector", "inspector1"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"action-error\""))))
                .andExpect(content().string(Matchers.containsString("data-testid=\"case-inspector\"")));

        long id = hotlineCase();
        Places.Place p = Places.any(locator);
        act("inspector1", id, "{\"action\":\"VERIFY\"}");
        act("shiftlead1", id, "{\"action\":\"FILE\"}");
        act("dispatcher1", id, "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + Places.bureau(p) + "\"}");
        act(Places.handlerOf(p), id, "{\"action\":\"ACCEPT\"}");
        mvc.perform(get("/cases/" + id).with(as(Places.handlerOf(p))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("申请挂账")))
                .andExpect(content().string(Matchers.containsString("name=\"expectedDate\"")));
        String until = LocalDate.now(CityClock.ZONE).plusDays(30).toString();
        mvc.perform(post("/cases/" + id + "/act")
                        .with(as(Places.handlerOf(p)))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("action", "REQUEST_SUSPEND")
                        .param("note", "管线迁改")
                        .param("expectedDate", until))
                .andExpect(content().string(Matchers.containsString("挂账申请中")));
        mvc.perform(get("/cases/" + id).with(as("shiftlead1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("批准挂账")))
                .andExpect(content().string(Matchers.containsString("驳回挂账")))
                .andExpect(content().string(Matchers.containsString(until)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("SUSPEND_REQUESTED<"))));
        mvc.perform(post("/cases/" + id + "/act")
                        .with(as("shiftlead1"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("action", "SUSPEND"))
                .andExpect(content().string(Matchers.containsString("data-status=\"SUSPENDED\"")));
    }
}
