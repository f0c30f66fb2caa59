package org.cityops.org.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class OrgPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private MockHttpSession signIn(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession(false);
    }

    @Test
    void anAdministratorSeesTheOrgPagesInChineseAndInEnglish() throws Exception {
        MockHttpSession admin = signIn("admin", Api.DEMO_PASSWORD);
        mvc.perform(get("/").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/org\"")))
                .andExpect(content().string(containsString("href=\"/admin/users\"")))
                .andExpect(content().string(containsString("href=\"/me\"")));
        mvc.perform(get("/admin/org").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("天宁区")))
                .andExpect(content().string(containsString("丽华新村社区")))
                .andExpect(content().string(containsString("添加下级")));
        mvc.perform(get("/admin/org?lang=en").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Add child")));
        mvc.perform(get("/admin/departments").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("市环卫处")));
        mvc.perform(get("/admin/users").session(admin).param("q", "handler-t"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("handler-tianning")))
                .andExpect(content().string(not(containsString("dispatcher1"))));
        mvc.perform(get("/admin/users").session(admin).param("q", "dispatcher").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("dispatcher1")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/admin/users/new").session(admin)).andExpect(status().isOk());
        mvc.perform(get("/admin/import").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/org/import/template.xlsx")));
    }

    @Test
    void otherRolesDoNotGetTheAdminPagesButDoGetTheirAccountPage() throws Exception {
        MockHttpSession dispatcher = signIn("dispatcher1", Api.DEMO_PASSWORD);
        mvc.perform(get("/").session(dispatcher))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/admin/org\""))))
                .andExpect(content().string(containsString("href=\"/me\"")));
        for (String page :
                List.of("/admin/org", "/admin/departments", "/admin/users", "/admin/users/1", "/admin/import")) {
            mvc.perform(get(page).session(dispatcher)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/org/units")
                        .session(dispatcher)
                        .with(csrf())
                        .param("parentCode", "320402")
                        .param("code", "320402888")
                        .param("name", "x"))
                .andExpect(status().isForbidden());
        MockHttpSession handler = signIn("handler-tianning", Api.DEMO_PASSWORD);
        mvc.perform(get("/me").session(handler))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本部门")))
                .andExpect(content().string(containsString("天宁区城管局")));
        mvc.perform(get("/admin/org")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theTreeFormAddsAStreetAndRefusesAWrongCodeWithAMessage() throws Exception {
        MockHttpSession admin = signIn("admin", Api.DEMO_PASSWORD);
        String street = OrgTestData.freeStreetCode(jdbc, "320491");
        mvc.perform(post("/admin/org/units")
                        .session(admin)
                        .with(csrf())
                        .param("parentCode", "320491")
                        .param("code", street)
                        .param("name", "页面街道"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("okKey", "org.saved"));
        assertThat(jdbc.sql("SELECT kind FROM org_unit WHERE code = :c")
                        .param("c", street)
                        .query(String.class)
                        .single())
                .isEqualTo("STREET");
        mvc.perform(post("/admin/org/units")
                        .session(admin)
                        .with(csrf())
                        .param("parentCode", "320491")
                        .param("code", "320402999")
                        .param("name", "错"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorField", "code"));
        mvc.perform(post("/admin/org/units")
                        .session(admin)
                        .param("parentCode", "320491")
                        .param("code", street + "001")
                        .param("name", "无令牌"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorCreatesAndDisablesAnAccountThroughTheForms() throws Exception {
        MockHttpSession admin = signIn("admin", Api.DEMO_PASSWORD);
        String u = OrgTestData.username("page");
        mvc.perform(post("/admin/users")
                        .session(admin)
                        .with(csrf())
                        .param("username", u)
                        .param("password", "short")
                        .param("displayName", "页面用户")
                        .param("roles", "INSPECTOR")
                        .param("scope", "CITY")
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("password")));
        String location = mvc.perform(post("/admin/users")
                        .session(admin)
                        .with(csrf())
                        .param("username", u)
                        .param("password", "page-pass-123")
                        .param("displayName", "页面用户")
                        .param("roles", "INSPECTOR")
                        .param("roles", "ASSESSOR")
                        .param("scope", "STREET")
                        .param("orgUnitCode", "320404002")
                        .param("enabled", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("320404002")));
        mvc.perform(post(location + "/disable").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user(u).password("page-pass-123")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anOpenBrowserSessionFollowsTheAdministratorsChangesAtOnce() throws Exception {
        String u = OrgTestData.username("sess");
        String created = mvc.perform(
                        post("/api/v1/org/users")
                                .header("Authorization", Api.bearer(mvc, "admin"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"" + u
                                                + "\",\"password\":\"session-pass-1\",\"displayName\":\"会话\",\"roles\":[\"DISPATCHER\"],\"scope\":\"CITY\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
        MockHttpSession session = signIn(u, "session-pass-1");
        mvc.perform(get("/admin/org").session(session)).andExpect(status().isForbidden());
        // a new scope: the session carries it on its next request
        mvc.perform(put("/api/v1/org/users/" + id)
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"会话\",\"roles\":[\"DISPATCHER\"],"
                                + "\"scope\":\"DISTRICT\",\"orgUnitCode\":\"320402\",\"enabled\":true,\"version\":0}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/org/me").session(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.areaPrefix")
                        .value("320402"));
        // a new role: the session ends (roles are credentials; see RevocationTests)
        mvc.perform(put("/api/v1/org/users/" + id)
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"会话\",\"roles\":[\"ADMIN\"],"
                                + "\"scope\":\"CITY\",\"enabled\":true,\"version\":1}"))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/org").session(session)).andExpect(status().is3xxRedirection());
        assertThat(session.isInvalid()).isTrue();
        signIn(u, "session-pass-1");
    }

    @Test
    void aUserChangesHisPasswordOnTheAccountPage() throws Exception {
        String u = OrgTestData.username("mepage");
        mvc.perform(
                        post("/api/v1/org/users")
                                .header("Authorization", Api.bearer(mvc, "admin"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"" + u
                                                + "\",\"password\":\"old-password-1\",\"displayName\":\"改密\",\"roles\":[\"LEADER\"],\"scope\":\"CITY\"}"))
                .andExpect(status().isCreated());
        MockHttpSession session = signIn(u, "old-password-1");
        mvc.perform(post("/me/password")
                        .session(session)
                        .param("currentPassword", "old-password-1")
                        .param("newPassword", "new-password-2")
                        .param("confirmPassword", "new-password-2"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/me/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "wrong-one-123")
                        .param("newPassword", "new-password-2")
                        .param("confirmPassword", "new-password-2"))
                .andExpect(redirectedUrl("/me"))
                .andExpect(flash().attributeExists("errorMessage"));
        mvc.perform(post("/me/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "old-password-1")
                        .param("newPassword", "new-password-2")
                        .param("confirmPassword", "different-3"))
                .andExpect(redirectedUrl("/me"))
                .andExpect(flash().attribute("errorKey", "me.mismatch"));
        mvc.perform(post("/me/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "old-password-1")
                        .param("newPassword", "new-password-2")
                        .param("confirmPassword", "new-password-2"))
                .andExpect(redirectedUrl("/me"))
                .andExpect(flash().attribute("okKey", "me.changed"));
        signIn(u, "new-password-2");
    }

    @Test
    void theImportPageShowsTheRowByRowReport() throws Exception {
        MockHttpSession admin = signIn("admin", Api.DEMO_PASSWORD);
        byte[] file = OrgImportTests.workbook(
                "组织机构", List.of(List.of("编码", "名称", "层级", "上级编码"), List.of("320402001", "雕庄街道", "社区", "320402")));
        mvc.perform(multipart("/admin/import")
                        .file(new MockMultipartFile("file", "bad.xlsx", null, file))
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"import-errors\"")))
                .andExpect(content().string(containsString("组织机构")));
        mvc.perform(multipart("/admin/import")
                        .file(new MockMultipartFile("file", "bad.xlsx", null, "x".getBytes()))
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"import-error\"")));
    }
}
