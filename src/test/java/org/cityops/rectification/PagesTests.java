package org.cityops.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The pages render for the roles that use them, on the demo ledger (seeded at start-up). */
@IntegrationTest
class PagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("cityops-demo"))
                .andReturn()
                .getRequest()
                .getSession();
    }

    long demoInspection() {
        return jdbc.sql("SELECT MIN(id) FROM rect_inspection WHERE name = :n")
                .param("n", "市委第一巡察组 巡察“回头看”")
                .query(Long.class)
                .single();
    }

    @Test
    void theDemoLedgerHasTheReportsCountsAndTheLeaderSeesTheDashboard() throws Exception {
        long id = demoInspection();
        MockHttpSession leader = login("leader1");
        String dash = mvc.perform(
                        get("/rectification/inspections/" + id + "/dashboard").session(leader))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dash)
                .contains(
                        "data-status=\"RECTIFIED\">12<",
                        "data-status=\"SIGNIFICANT_PROGRESS\">15<",
                        "data-status=\"INITIAL_PROGRESS\">16<");
        String ledger = mvc.perform(get("/rectification/inspections/" + id + "?overdue=true")
                        .session(leader))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ledger).contains("data-testid=\"ledger-table\"");
        mvc.perform(get("/rectification").session(leader)).andExpect(status().isOk());
        long problem = jdbc.sql("SELECT id FROM rect_problem WHERE inspection_id = :i ORDER BY number LIMIT 1")
                .param("i", id)
                .query(Long.class)
                .single();
        mvc.perform(get("/rectification/problems/" + problem).session(leader)).andExpect(status().isOk());
    }

    @Test
    void aDepartmentUserGetsItsTaskListAndCannotOpenTheWholeLedgersReport() throws Exception {
        MockHttpSession hwc = login("handler-hwc");
        String tasks = mvc.perform(get("/rectification-tasks").session(hwc))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tasks).contains("市环卫处").doesNotContain("市公园管理中心</td>");
        mvc.perform(get("/rectification").session(hwc)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/rectification/inspections/" + demoInspection() + "/report.docx")
                        .session(hwc))
                .andExpect(status().isForbidden());
        MockHttpSession dispatcher = login("dispatcher1");
        mvc.perform(get("/rectification-tasks").session(dispatcher)).andExpect(status().isForbidden());
    }

    @Test
    void theOfficeOpensAMeasureWithItsForms() throws Exception {
        long id = demoInspection();
        MockHttpSession office = login("rectify1");
        long m = jdbc.sql("SELECT MIN(id) FROM rect_measure WHERE inspection_id = :i")
                .param("i", id)
                .query(Long.class)
                .single();
        String page = mvc.perform(get("/rectification/measures/" + m).session(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("data-testid=\"assign-form\"", "data-testid=\"progress-form\"");
        // the leader account is chosen from the leaders; 平台指标 from the list, with its own fields (no k=v;k=v)
        assertThat(page)
                .contains("<select name=\"leaderUsername\"", "value=\"leader1\"")
                .contains("name=\"p.cases.count-by-category.category\"")
                .doesNotContain("name=\"params\"", "k=v;k=v");
        mvc.perform(post("/rectification/measures/" + m + "/indicator")
                        .session(office)
                        .with(csrf())
                        .param("key", "cases.count-by-category")
                        .param("p.cases.count-by-category.category", "30428:E:01")
                        .param("p.cases.count-by-category.area", "")
                        .param("p.ledger.status.status", "x"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT indicator_params FROM rect_measure WHERE id = :m")
                        .param("m", m)
                        .query(String.class)
                        .single())
                .isEqualTo("category=30428:E:01");
    }
}
