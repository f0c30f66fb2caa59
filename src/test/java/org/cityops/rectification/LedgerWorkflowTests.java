package org.cityops.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A measure from assignment through progress, evidence, completion, 销号 and reopening; department scope. */
@IntegrationTest
class LedgerWorkflowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.cityops.audit.AuditLog auditLog;

    /** A small ledger: problem 1 with two measures (HWC leads one, an unmatched 处室 the other), problem 2. */
    long importSmall(String name) throws Exception {
        String json = """
                {"inspection":{"name":"%s","inspecting_body":"市委第二巡察组","kind":"巡察","feedback_date":"2026-10-01"},
                 "categories":[{"no":1,"title":"环境卫生管理不到位","problems":[
                   {"no":1,"title":"道路保洁质量不高","measures":[
                     {"title":"加强机扫","text":"扩大机械化作业覆盖面。","leader":"副局长","lead_department":"市环卫处",
                      "cooperating_departments":["天宁区城管局"],"deadline":"2030-12-31"},
                     {"title":"完善考核","text":"修订保洁考核细则。","leader":"副局长","lead_department":"长效管理处",
                      "deadline":"长期坚持"}]},
                   {"no":2,"title":"公厕管理不规范","measures":[
                     {"title":"公厕巡查","text":"建立公厕巡查制度。","lead_department":"HWC","deadline":"2030年6月底"}]}]}]}
                """.formatted(name);
        String body = mvc.perform(post("/api/v1/rectification/inspections/import")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unmatchedDepartments[0]").value("长效管理处"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.inspectionId")).longValue();
    }

    String problems(long id, String user) throws Exception {
        return mvc.perform(get("/api/v1/rectification/inspections/" + id + "/problems")
                        .header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aDepartmentSeesAndUpdatesOnlyItsOwnMeasures() throws Exception {
        long id = importSmall("scope-" + UUID.randomUUID());
        String all = problems(id, "leader1");
        assertThat((List<?>) JsonPath.read(all, "$[*].measures[*]")).hasSize(3);
        String hwc = problems(id, "handler-hwc");
        List<String> titles = JsonPath.read(hwc, "$[*].measures[*].title");
        assertThat(titles).containsExactly("加强机扫", "公厕巡查");
        String tianning = problems(id, "handler-tianning");
        assertThat((List<String>) JsonPath.read(tianning, "$[*].measures[*].title"))
                .containsExactly("加强机扫");
        assertThat((List<?>) JsonPath.read(problems(id, "handler-wujin"), "$")).isEmpty();
        int other = JsonPath.read(all, "$[0].measures[1].id");
        mvc.perform(post("/api/v1/rectification/measures/" + other + "/progress")
                        .header("Authorization", Api.bearer(mvc, "handler-hwc"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"不是我的\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rectification/measures/" + other)
                        .header("Authorization", Api.bearer(mvc, "handler-hwc")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/rectification/inspections/import")
                        .header("Authorization", Api.bearer(mvc, "handler-hwc"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rectification/inspections/" + id + "/summary")
                        .header("Authorization", Api.bearer(mvc, "dispatcher1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMeasureGoesFromAssignmentThroughProgressEvidenceAndCompletionToSignOffAndCanBeReopened() throws Exception {
        long id = importSmall("flow-" + UUID.randomUUID());
        String all = problems(id, "leader1");
        int problem2 = JsonPath.read(all, "$[1].id");
        int measure = JsonPath.read(all, "$[1].measures[0].id");
        mvc.perform(put("/api/v1/rectification/measures/" + measure + "/assignment")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"responsibleLeader":"党组成员、副局长","leaderUsername":"leader1","leadDepartment":"市环卫处",
                         "cooperatingDepartments":["钟楼区城管局","办公室"],"deadline":"2030-05-31","expectedOutcome":"公厕达标"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measure.leadDepartmentId").isNumber())
                .andExpect(jsonPath("$.measure.cooperatingDepartments[1]").value("办公室"))
                .andExpect(jsonPath("$.measure.deadline").value("2030-05-31"));
        mvc.perform(put("/api/v1/rectification/measures/" + measure + "/assignment")
                        .header("Authorization", Api.bearer(mvc, "handler-hwc"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deadline\":\"2030-05-31\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/rectification/measures/" + measure + "/indicator")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"rectification.measure-count\",\"params\":\"inspection=" + id
                                + ";status=COMPLETED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measure.indicator.current").value("0 条"));

        mvc.perform(post("/api/v1/rectification/measures/" + measure + "/progress")
                        .header("Authorization", Api.bearer(mvc, "handler-hwc"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"已完成全市公厕摸排\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.measure.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.measure.latestProgress").value("已完成全市公厕摸排"));
        mvc.perform(put("/api/v1/rectification/measures/" + measure + "/status")
                        .header("Authorization", Api.bearer(mvc, "handler-hwc"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"COMPLETED\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/rectification/problems/" + problem2)
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(jsonPath("$.problem.status").value("RECTIFIED"));

        // no evidence yet: 销号 is refused
        mvc.perform(post("/api/v1/rectification/problems/" + problem2 + "/sign-off")
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opinion\":\"同意销号\"}"))
                .andExpect(status().isConflict());
        mvc.perform(multipart("/api/v1/rectification/measures/" + measure + "/evidence")
                        .file(new MockMultipartFile(
                                "file", "公厕照片.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                        .header("Authorization", Api.bearer(mvc, "handler-hwc")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidence[0].kind").value("PHOTO"));
        mvc.perform(
                        post("/api/v1/rectification/measures/" + measure + "/evidence")
                                .header("Authorization", Api.bearer(mvc, "handler-hwc"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"kind\":\"PLATFORM_DATA\",\"name\":\"公厕案件\",\"url\":\"/api/v1/cases?category=toilet\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.measure.evidenceCount").value(2));
        // only a leader signs off
        mvc.perform(post("/api/v1/rectification/problems/" + problem2 + "/sign-off")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opinion\":\"同意销号\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/rectification/problems/" + problem2 + "/sign-off")
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opinion\":\"同意销号\",\"date\":\"" + LocalDate.now() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedOff").value(true))
                .andExpect(jsonPath("$.signOff.by").value("leader1"))
                .andExpect(jsonPath("$.measures[0].indicator.atSignOff").value("1 条"));
        // the frozen value stays while the live one moves on
        int other = JsonPath.read(all, "$[0].measures[0].id");
        mvc.perform(put("/api/v1/rectification/measures/" + other + "/status")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"COMPLETED\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/rectification/measures/" + measure)
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(jsonPath("$.measure.indicator.current").value("2 条"))
                .andExpect(jsonPath("$.measure.indicator.atSignOff").value("1 条"));

        // 反弹回潮
        mvc.perform(post("/api/v1/rectification/problems/" + problem2 + "/reopen")
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"暗访发现公厕脏乱反弹\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedOff").value(false))
                .andExpect(jsonPath("$.reopenCount").value(1))
                .andExpect(jsonPath("$.status").value("INITIAL_PROGRESS"))
                .andExpect(jsonPath("$.measures[0].status").value("IN_PROGRESS"));
        mvc.perform(get("/api/v1/rectification/problems/" + problem2)
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(jsonPath("$.history[0].kind").value("SIGN_OFF"))
                .andExpect(jsonPath("$.history[1].kind").value("REOPEN"))
                .andExpect(jsonPath("$.history[1].text").value("暗访发现公厕脏乱反弹"));
        assertThat(auditLog.count("RECT_MEASURE", Integer.toString(measure), null))
                .isGreaterThanOrEqualTo(6);
        assertThat(auditLog.count("RECT_PROBLEM", Integer.toString(problem2), null))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDerivedStatusFollowsTheMeasures() throws Exception {
        long id = importSmall("derive-" + UUID.randomUUID());
        String all = problems(id, "leader1");
        int m1 = JsonPath.read(all, "$[0].measures[0].id");
        int p1 = JsonPath.read(all, "$[0].id");
        mvc.perform(put("/api/v1/rectification/measures/" + m1 + "/status")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/rectification/problems/" + p1).header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(jsonPath("$.problem.status").value("INITIAL_PROGRESS"));
        mvc.perform(put("/api/v1/rectification/measures/" + m1 + "/status")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"COMPLETED\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/rectification/problems/" + p1).header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(jsonPath("$.problem.status").value("SIGNIFICANT_PROGRESS"));
    }
}
