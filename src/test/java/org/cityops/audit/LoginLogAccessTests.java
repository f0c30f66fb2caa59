package org.cityops.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The login log (entity SESSION: addresses, user names tried) is for administrators only, through every door. */
@IntegrationTest
class LoginLogAccessTests {

    @Autowired
    MockMvc mvc;

    String triedName;

    @BeforeEach
    void someoneTriesAnAccountThatDoesNotExist() throws Exception {
        triedName = "typo-" + System.nanoTime();
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + triedName + "\",\"password\":\"wrong-password\"}"))
                .andExpect(status().isUnauthorized());
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void anAdministratorReadsTheFailedUserNameInTheApiAndOnBothPages() throws Exception {
        mvc.perform(get("/api/v1/audit").param("entityId", triedName).header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].entityType").value("SESSION"))
                .andExpect(jsonPath("$.items[0].action").value("LOGIN_FAILED"));
        MockHttpSession admin = login("admin");
        mvc.perform(get("/admin/audit").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(triedName)));
        mvc.perform(get("/admin/logins").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(triedName)));
    }

    @Test
    void aLeaderAskingTheApiForTheLoginLogIsRefusedWith403() throws Exception {
        for (String user : new String[] {"leader1", "assessor1"}) {
            mvc.perform(get("/api/v1/audit")
                            .param("entityType", "SESSION")
                            .header("Authorization", Api.bearer(mvc, user)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(containsString("登录日志仅限管理员")));
            mvc.perform(get("/api/v1/audit")
                            .param("entityType", "session")
                            .header("Authorization", Api.bearer(mvc, user)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aLeaderReadingTheWholeTrailByApiDoesNotSeeLoginRecords() throws Exception {
        mvc.perform(get("/api/v1/audit")
                        .param("entityId", triedName)
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/audit").param("size", "500").header("Authorization", Api.bearer(mvc, "assessor1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.entityType == 'SESSION')]").isEmpty());
    }

    @Test
    void theOperationLogPageShowsALeaderNoLoginRecordsAndRefusesTheLoginLogFilter() throws Exception {
        MockHttpSession leader = login("leader1");
        mvc.perform(get("/admin/audit").session(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(triedName))))
                .andExpect(content().string(not(containsString("LOGIN_FAILED"))))
                .andExpect(content().string(not(containsString("<option value=\"SESSION\""))));
        mvc.perform(get("/admin/audit").param("entityType", "SESSION").session(leader))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").param("entityId", triedName).session(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(triedName + "<"))));
        mvc.perform(get("/admin/logins").session(leader)).andExpect(status().isForbidden());
    }

    @Test
    void theObjectTypeFilterIsChosenByItsChineseNameNotTypedAsACode() throws Exception {
        mvc.perform(get("/admin/audit").param("entityType", "CASE").session(login("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<select name=\"entityType\"")))
                .andExpect(content().string(containsString("<option value=\"CASE\" selected=\"selected\">案卷</option>")))
                .andExpect(content().string(containsString("<option value=\"MUCK_PERMIT\">处置核准</option>")))
                .andExpect(content().string(containsString("<option value=\"SESSION\">登录会话</option>")))
                .andExpect(content().string(not(containsString("<input name=\"entityType\""))));
    }
}
