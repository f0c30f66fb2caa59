package org.cityops.org.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.cityops.audit.AuditLog;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class OrgApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder req) {
        return req.header("Authorization", Api.bearer(mvc, user)).contentType(MediaType.APPLICATION_JSON);
    }

    /** Every demo role but ADMIN: reads the tree and itself, is refused the administration. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "operator1",
                "shiftlead1",
                "dispatcher1",
                "inspector1",
                "assessor1",
                "leader1",
                "rectify1",
                "muck1",
                "handler-hwc",
                "handler-jintan"
            })
    void everyNonAdminRoleReadsTheTreeButIsRefusedTheAdministration(String user) throws Exception {
        String token = OrgTestData.ownBearer(mvc, user);
        mvc.perform(get("/api/v1/org/units").header("Authorization", token)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/org/departments").header("Authorization", token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/org/me").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(user));
        mvc.perform(get("/api/v1/org/users").header("Authorization", token)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/org/export.xlsx").header("Authorization", token))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/org/departments/HWC")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/org/users/1/disable").header("Authorization", token))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorGetsTheAdministration() throws Exception {
        mvc.perform(as("admin", get("/api/v1/org/users"))).andExpect(status().isOk());
        mvc.perform(as("admin", get("/api/v1/org/export.xlsx"))).andExpect(status().isOk());
        mvc.perform(as("admin", get("/api/v1/org/departments/HWC")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("市环卫处"));
        mvc.perform(as("admin", get("/api/v1/org/units/320499999"))).andExpect(status().isNotFound());
    }

    @Test
    void theTreeNeedsAToken() throws Exception {
        mvc.perform(get("/api/v1/org/units"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/org/departments")).andExpect(status().isUnauthorized());
    }

    @Test
    void anyStaffMemberReadsTheTreeAndTheDepartments() throws Exception {
        mvc.perform(as("handler-tianning", get("/api/v1/org/units?view=tree")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("320400"))
                .andExpect(jsonPath("$[0].children[?(@.code=='320402')].name").value("天宁区"))
                .andExpect(jsonPath("$[0].children[?(@.code=='320402')].children[0].code")
                        .value("320402001"));
        mvc.perform(as("dispatcher1", get("/api/v1/org/units")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code=='320402001001')].parentCode").value("320402001"));
        mvc.perform(as("inspector1", get("/api/v1/org/departments")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code=='QCGJ-320402')].orgUnitCode").value("320402"));
        mvc.perform(as("inspector1", get("/api/v1/org/units?view=sideways")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("view"));
    }

    @Test
    void onlyAnAdministratorChangesTheTree() throws Exception {
        String code = OrgTestData.freeStreetCode(jdbc, "320402");
        String body = "{\"code\":\"" + code + "\",\"name\":\"测试街道\",\"kind\":\"STREET\",\"parentCode\":\"320402\"}";
        mvc.perform(as("dispatcher1", post("/api/v1/org/units")).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(as("handler-tianning", post("/api/v1/org/units")).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(as("handler-tianning", put("/api/v1/org/units/320402001"))
                        .content("{\"name\":\"x\",\"version\":0}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anAdministratorAddsAStreetAndACommunityAndRenamesThemWithAuditAndVersion() throws Exception {
        String street = OrgTestData.freeStreetCode(jdbc, "320404");
        mvc.perform(as("admin", post("/api/v1/org/units"))
                        .content("{\"code\":\"" + street
                                + "\",\"name\":\"新街道\",\"kind\":\"STREET\",\"parentCode\":\"320404\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(as("admin", post("/api/v1/org/units"))
                        .content("{\"code\":\"" + street
                                + "001\",\"name\":\"新社区\",\"kind\":\"COMMUNITY\",\"parentCode\":\"" + street + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(as("admin", put("/api/v1/org/units/" + street)).content("{\"name\":\"更名街道\",\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("更名街道"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(as("admin", put("/api/v1/org/units/" + street)).content("{\"name\":\"又一次\",\"version\":0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("version"));
        assertThat(auditLog.find("ORG_UNIT", street, null, 10, 0))
                .extracting(e -> e.action())
                .containsExactlyInAnyOrder("CREATE", "RENAME");
    }

    @Test
    void codesMustFollowTheTreeAndBeUnique() throws Exception {
        String street = OrgTestData.freeStreetCode(jdbc, "320411");
        mvc.perform(
                        as("admin", post("/api/v1/org/units"))
                                .content(
                                        "{\"code\":\"320404901\",\"name\":\"错街道\",\"kind\":\"STREET\",\"parentCode\":\"320411\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"));
        mvc.perform(
                        as("admin", post("/api/v1/org/units"))
                                .content(
                                        "{\"code\":\"320411001009\",\"name\":\"错社区\",\"kind\":\"COMMUNITY\",\"parentCode\":\"320411\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("parentCode"));
        mvc.perform(
                        as("admin", post("/api/v1/org/units"))
                                .content(
                                        "{\"code\":\"320402001\",\"name\":\"重复\",\"kind\":\"STREET\",\"parentCode\":\"320402\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("code"));
        mvc.perform(as("admin", post("/api/v1/org/units"))
                        .content("{\"code\":\"" + street
                                + "\",\"name\":\"好\",\"kind\":\"PROVINCE\",\"parentCode\":\"320411\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"));
        mvc.perform(as("admin", post("/api/v1/org/units"))
                        .content("{\"code\":\"" + street
                                + "\",\"name\":\"好\",\"kind\":\"STREET\",\"parentCode\":\"320411\",\"colour\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("colour"));
        mvc.perform(as("admin", post("/api/v1/org/units")).content("{\"code\":"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void departmentsHaveUniqueCodesAndDistrictBureausADistrict() throws Exception {
        String code = OrgTestData.deptCode("QCGJ");
        mvc.perform(as("handler-hwc", post("/api/v1/org/departments"))
                        .content("{\"code\":\"" + code + "\",\"name\":\"区局\",\"kind\":\"PROFESSIONAL\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as("admin", post("/api/v1/org/departments"))
                        .content("{\"code\":\"" + code
                                + "\",\"name\":\"区局\",\"kind\":\"DISTRICT_BUREAU\",\"orgUnitCode\":\"320402001\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("orgUnitCode"));
        String created = mvc.perform(as("admin", post("/api/v1/org/departments"))
                        .content("{\"code\":\"" + code
                                + "\",\"name\":\"测试区局\",\"kind\":\"DISTRICT_BUREAU\",\"orgUnitCode\":\"320412\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int version = JsonPath.read(created, "$.version");
        mvc.perform(as("admin", post("/api/v1/org/departments"))
                        .content("{\"code\":\"" + code + "\",\"name\":\"又一个\",\"kind\":\"PROFESSIONAL\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("code"));
        mvc.perform(as("admin", put("/api/v1/org/departments/" + code))
                        .content(
                                "{\"name\":\"改名区局\",\"kind\":\"DISTRICT_BUREAU\",\"orgUnitCode\":\"320412\",\"version\":"
                                        + version + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("改名区局"));
        assertThat(auditLog.find("DEPARTMENT", code, null, 10, 0))
                .extracting(e -> e.action())
                .containsExactlyInAnyOrder("CREATE", "UPDATE");
    }
}
