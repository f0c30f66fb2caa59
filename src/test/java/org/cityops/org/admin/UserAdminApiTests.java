package org.cityops.org.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.cityops.audit.AuditEntry;
import org.cityops.audit.AuditLog;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class UserAdminApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog auditLog;

    private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder req) {
        return req.header("Authorization", Api.bearer(mvc, user)).contentType(MediaType.APPLICATION_JSON);
    }

    private MockHttpServletRequestBuilder as(String user, String password, MockHttpServletRequestBuilder req)
            throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return req.header("Authorization", "Bearer " + JsonPath.read(body, "$.access_token"))
                .contentType(MediaType.APPLICATION_JSON);
    }

    private long createUser(String username, String password, String extra) throws Exception {
        String body = mvc.perform(as("admin", post("/api/v1/org/users"))
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password
                                + "\",\"displayName\":\"测试用户\"," + extra + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private int token(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void theUserApiNeedsATokenAndTheAdminRole() throws Exception {
        mvc.perform(get("/api/v1/org/users")).andExpect(status().isUnauthorized());
        mvc.perform(as("dispatcher1", get("/api/v1/org/users"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/org/users").header("Authorization", OrgTestData.ownBearer(mvc, "leader1")))
                .andExpect(status().isForbidden());
        mvc.perform(as("handler-tianning", put("/api/v1/org/users/1")).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(as("handler-tianning", post("/api/v1/org/users/1/unlock"))).andExpect(status().isForbidden());
        mvc.perform(as("dispatcher1", post("/api/v1/org/users/1/password")).content("{\"password\":\"0123456789x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as("admin", get("/api/v1/org/users?q=handler-")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].username", hasItem("handler-tianning")))
                .andExpect(jsonPath("$.items[0].passwordHash").doesNotExist());
    }

    @Test
    void aNewAccountNeedsALongPasswordARoleAndAScopeThatFits() throws Exception {
        String u = OrgTestData.username("t");
        mvc.perform(
                        as("admin", post("/api/v1/org/users"))
                                .content(
                                        "{\"username\":\"" + u
                                                + "\",\"password\":\"short\",\"displayName\":\"x\",\"roles\":[\"HANDLER\"],\"scope\":\"CITY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("password"));
        mvc.perform(
                        as("admin", post("/api/v1/org/users"))
                                .content(
                                        "{\"username\":\"" + u
                                                + "\",\"password\":\"long-enough-1\",\"displayName\":\"x\",\"roles\":[],\"scope\":\"CITY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("roles"));
        mvc.perform(
                        as("admin", post("/api/v1/org/users"))
                                .content(
                                        "{\"username\":\"" + u
                                                + "\",\"password\":\"long-enough-1\",\"displayName\":\"x\",\"roles\":[\"HANDLER\"],\"scope\":\"DEPARTMENT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("departmentCode"));
        mvc.perform(as("admin", post("/api/v1/org/users"))
                        .content("{\"username\":\"" + u
                                + "\",\"password\":\"long-enough-1\",\"displayName\":\"x\",\"roles\":[\"HANDLER\"],\"scope\":\"STREET\","
                                + "\"orgUnitCode\":\"320402\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("orgUnitCode"));
        mvc.perform(
                        as("admin", post("/api/v1/org/users"))
                                .content(
                                        "{\"username\":\"" + u
                                                + "\",\"password\":\"long-enough-1\",\"displayName\":\"x\",\"roles\":[\"JANITOR\"],\"scope\":\"CITY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("roles[0]"));
        mvc.perform(
                        as("admin", post("/api/v1/org/users"))
                                .content(
                                        "{\"username\":\"dispatcher1\""
                                                + ",\"password\":\"long-enough-1\",\"displayName\":\"x\",\"roles\":[\"HANDLER\"],\"scope\":\"CITY\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("username"));
        assertThat(token(u, "long-enough-1")).isEqualTo(401);
    }

    @Test
    void anAdministratorCreatesAStreetInspectorWhoCanSignInAndIsAuditedWithoutHisPassword() throws Exception {
        String u = OrgTestData.username("street");
        long id = createUser(
                u,
                "street-pass-1",
                "\"roles\":[\"INSPECTOR\"],\"scope\":\"STREET\","
                        + "\"orgUnitCode\":\"320402001001\",\"phone\":\"13800000000\"");
        assertThat(token(u, "street-pass-1")).isEqualTo(200);
        mvc.perform(as(u, "street-pass-1", get("/api/v1/org/me")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.code").value("STREET"))
                .andExpect(jsonPath("$.areaPrefix").value("320402001"))
                .andExpect(jsonPath("$.orgUnit.name").value("丽华新村社区"));
        mvc.perform(as("admin", get("/api/v1/org/users/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("INSPECTOR"));
        AuditEntry created = auditLog.find("USER", u, null, 10, 0).get(0);
        assertThat(created.action()).isEqualTo("CREATE");
        assertThat(created.username()).isEqualTo("admin");
        assertThat(created.after())
                .contains("INSPECTOR")
                .doesNotContain("{bcrypt}")
                .doesNotContain("$2a$")
                .doesNotContain("street-pass-1");
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceAndCanBeEnabledAgain() throws Exception {
        String u = OrgTestData.username("dis");
        long id = createUser(u, "disable-me-1", "\"roles\":[\"DISPATCHER\"],\"scope\":\"CITY\"");
        MockHttpServletRequestBuilder me = as(u, "disable-me-1", get("/api/v1/org/me"));
        mvc.perform(me).andExpect(status().isOk());
        mvc.perform(as("admin", post("/api/v1/org/users/" + id + "/disable")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(me).andExpect(status().isUnauthorized());
        assertThat(token(u, "disable-me-1")).isEqualTo(401);
        mvc.perform(as("admin", post("/api/v1/org/users/" + id + "/enable"))).andExpect(status().isOk());
        assertThat(token(u, "disable-me-1")).isEqualTo(200);
        assertThat(auditLog.find("USER", u, null, 10, 0))
                .extracting(AuditEntry::action)
                .contains("DISABLE", "ENABLE");
    }

    @Test
    void anAdministratorCannotDisableHimselfOrDropHisOwnAdminRole() throws Exception {
        String me = mvc.perform(as("admin", get("/api/v1/org/me")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(me, "$.id")).longValue();
        mvc.perform(as("admin", post("/api/v1/org/users/" + id + "/disable")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("enabled"));
        String current = mvc.perform(as("admin", get("/api/v1/org/users/" + id)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int version = JsonPath.read(current, "$.version");
        mvc.perform(as("admin", put("/api/v1/org/users/" + id))
                        .content("{\"displayName\":\"系统管理员\","
                                + "\"roles\":[\"LEADER\"],\"scope\":\"CITY\",\"orgUnitCode\":\"320400\",\"departmentCode\":\"CGJ\","
                                + "\"enabled\":true,\"version\":" + version + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("roles"));
    }

    @Test
    void editingAnAccountChangesRolesAndScopeWithOptimisticLocking() throws Exception {
        String u = OrgTestData.username("edit");
        long id = createUser(u, "edit-pass-12", "\"roles\":[\"INSPECTOR\"],\"scope\":\"CITY\"");
        String change = "{\"displayName\":\"区处置员\",\"roles\":[\"HANDLER\",\"INSPECTOR\"],\"scope\":\"DEPARTMENT\","
                + "\"orgUnitCode\":\"320404\",\"departmentCode\":\"QCGJ-320404\",\"enabled\":true,\"version\":0}";
        mvc.perform(as("admin", put("/api/v1/org/users/" + id)).content(change))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.length()").value(2))
                .andExpect(jsonPath("$.departmentCode").value("QCGJ-320404"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(as("admin", put("/api/v1/org/users/" + id)).content(change))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("version"));
        mvc.perform(as(u, "edit-pass-12", get("/api/v1/org/me")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.department.code").value("QCGJ-320404"));
        mvc.perform(as("admin", put("/api/v1/org/users/999999999")).content(change))
                .andExpect(status().isNotFound());
    }

    @Test
    void resetPasswordAndUnlockLiftALock() throws Exception {
        String u = OrgTestData.username("lock");
        long id = createUser(u, "right-pass-1", "\"roles\":[\"OPERATOR\"],\"scope\":\"CITY\"");
        for (int i = 0; i < 5; i++) {
            assertThat(token(u, "wrong-pass-" + i)).isEqualTo(401);
        }
        assertThat(token(u, "right-pass-1")).isEqualTo(401);
        mvc.perform(as("admin", get("/api/v1/org/users/" + id)))
                .andExpect(jsonPath("$.locked").value(true));
        mvc.perform(as("admin", post("/api/v1/org/users/" + id + "/unlock")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false));
        assertThat(token(u, "right-pass-1")).isEqualTo(200);

        mvc.perform(as("admin", post("/api/v1/org/users/" + id + "/password")).content("{\"password\":\"tiny\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("password"));
        mvc.perform(as("admin", post("/api/v1/org/users/" + id + "/password"))
                        .content("{\"password\":\"brand-new-pass\"}"))
                .andExpect(status().isOk());
        assertThat(token(u, "right-pass-1")).isEqualTo(401);
        assertThat(token(u, "brand-new-pass")).isEqualTo(200);
        assertThat(auditLog.find("USER", u, null, 20, 0))
                .extracting(AuditEntry::action)
                .contains("UNLOCK", "RESET_PASSWORD");
    }
}
