package org.cityops.org.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

@IntegrationTest
class MeApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog auditLog;

    @Test
    void whoAmINeedsAToken() throws Exception {
        mvc.perform(get("/api/v1/org/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void aDistrictHandlerSeesDepartmentScopeWithHisBureau() throws Exception {
        mvc.perform(get("/api/v1/org/me").header("Authorization", Api.bearer(mvc, "handler-tianning")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("handler-tianning"))
                .andExpect(jsonPath("$.roles[0].code").value("HANDLER"))
                .andExpect(jsonPath("$.roles[0].label").value("处置人员"))
                .andExpect(jsonPath("$.scope.code").value("DEPARTMENT"))
                .andExpect(jsonPath("$.scope.label").value("本部门"))
                .andExpect(jsonPath("$.areaPrefix").doesNotExist())
                .andExpect(jsonPath("$.orgUnit.code").value("320402"))
                .andExpect(jsonPath("$.department.code").value("QCGJ-320402"))
                .andExpect(jsonPath("$.department.name").value("天宁区城管局"));
    }

    @Test
    void aCityWideDispatcherHasTheEmptyAreaPrefix() throws Exception {
        mvc.perform(get("/api/v1/org/me").header("Authorization", Api.bearer(mvc, "dispatcher1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.code").value("CITY"))
                .andExpect(jsonPath("$.areaPrefix").value(""));
    }

    @Test
    void aUserChangesHisOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        String u = OrgTestData.username("me");
        mvc.perform(
                        post("/api/v1/org/users")
                                .header("Authorization", Api.bearer(mvc, "admin"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"" + u
                                                + "\",\"password\":\"first-pass-1\",\"displayName\":\"我\",\"roles\":[\"ASSESSOR\"],\"scope\":\"SELF\"}"))
                .andExpect(status().isCreated());
        String token = "Bearer "
                + JsonPath.read(
                        mvc.perform(post("/api/v1/auth/token")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"username\":\"" + u + "\",\"password\":\"first-pass-1\"}"))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.access_token");
        mvc.perform(post("/api/v1/org/me/password")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"not-the-one\",\"newPassword\":\"second-pass-2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("currentPassword"));
        mvc.perform(post("/api/v1/org/me/password")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"first-pass-1\",\"newPassword\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("newPassword"));
        mvc.perform(post("/api/v1/org/me/password")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"first-pass-1\",\"newPassword\":\"second-pass-2\"}"))
                .andExpect(status().isNoContent());
        assertThat(mvc.perform(post("/api/v1/auth/token")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"username\":\"" + u + "\",\"password\":\"second-pass-2\"}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        AuditEntry changed = auditLog.find("USER", u, null, 10, 0).get(0);
        assertThat(changed.action()).isEqualTo("CHANGE_PASSWORD");
        assertThat(changed.username()).isEqualTo(u);
    }
}
