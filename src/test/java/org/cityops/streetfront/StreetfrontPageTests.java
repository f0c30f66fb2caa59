package org.cityops.streetfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The street-front pages on the demo city, in Chinese, with what each role may do. */
@IntegrationTest
class StreetfrontPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    long demoFacility(String code) {
        return jdbc.sql("SELECT id FROM sf_facility WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    @Test
    void the_ledger_expiring_list_and_tasks_render_in_chinese_without_enum_codes() throws Exception {
        MockHttpSession admin = login("admin");
        mvc.perform(get("/streetfront/facilities").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("户外广告设施台账")))
                .andExpect(content().string(containsString("独立式")))
                .andExpect(content().string(containsString("即将到期")))
                .andExpect(content().string(not(containsString("FREESTANDING"))));
        mvc.perform(get("/streetfront/permits/expiring").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已过期")))
                .andExpect(content().string(containsString("GG-320402-002")));
        mvc.perform(get("/streetfront/tasks").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"wind-form\"")));
        mvc.perform(get("/streetfront/tasks").session(login("inspector1")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"wind-form\""))));
    }

    @Test
    void an_inspector_records_an_inspection_from_the_facility_page() throws Exception {
        long id = demoFacility("GG-320411-001");
        MockHttpSession inspector = login("inspector1");
        String page = mvc.perform(get("/streetfront/facilities/" + id).session(inspector))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"inspect-form\"")))
                .andExpect(content().string(containsString("/public/signs/")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("附属式").contains("招牌");
        mvc.perform(post("/streetfront/facilities/" + id + "/inspections")
                        .session(inspector)
                        .with(csrf())
                        .param("result", "PASS"))
                .andExpect(redirectedUrl("/streetfront/facilities/" + id));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sf_inspection WHERE facility_id = :f AND inspector = 'inspector1'")
                        .param("f", id)
                        .query(Long.class)
                        .single())
                .isPositive();
        mvc.perform(get("/streetfront/facilities/" + id).session(login("leader1")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"inspect-form\""))));
    }

    @Test
    void a_signed_in_inspector_gets_the_inspect_link_on_the_public_card() throws Exception {
        String token = jdbc.sql("SELECT qr_token FROM sf_facility WHERE code = 'GG-320404-001'")
                .query(String.class)
                .single();
        mvc.perform(get("/public/signs/" + token).session(login("inspector1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"inspect-link\"")));
    }

    @Test
    void the_pages_need_a_street_front_role() throws Exception {
        mvc.perform(get("/streetfront/facilities").session(login("muck1"))).andExpect(status().isForbidden());
    }
}
