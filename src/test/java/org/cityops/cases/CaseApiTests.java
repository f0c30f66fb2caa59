package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class CaseApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    String category() {
        return catalog.activeCategories().get(0).qualifiedCode();
    }

    Places.Place place() {
        return Places.any(locator);
    }

    String body(String channel, String description, Places.Place p) {
        return """
                {"channel":"%s","categoryCode":"%s","description":"%s","lat":%s,"lon":%s,"address":"测试路1号",
                 "urgency":"NORMAL","reporter":{"name":"张三","phone":"13800000000"}}""".formatted(channel, category(), description, p.lat(), p.lon());
    }

    ResultActions intake(String user, String json) throws Exception {
        return mvc.perform(post("/api/v1/cases")
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    long newCase(String channel, Places.Place p) throws Exception {
        String user = "INSPECTOR".equals(channel) ? "inspector1" : "operator1";
        String res = intake(user, body(channel, "测试案卷 " + UUID.randomUUID(), p))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(res, "$.id")).longValue();
    }

    ResultActions act(String user, long id, String json) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String handlerOf(Places.Place p) {
        return Places.handlerOf(p);
    }

    String bureau(Places.Place p) {
        return Places.bureau(p);
    }

    @Test
    void aHotlineCaseWalksThroughEveryRoleFromIntakeToReturnVisit() throws Exception {
        Places.Place p = place();
        long id = newCase("HOTLINE", p);
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_VERIFY"))
                .andExpect(jsonPath("$.districtCode").value(p.location().districtCode()))
                .andExpect(jsonPath("$.gridCode").value(p.location().gridCode()))
                .andExpect(jsonPath("$.caseNumber").value(org.hamcrest.Matchers.matchesPattern("\\d{13,}")))
                .andExpect(jsonPath("$.deadline").isNotEmpty());
        act("inspector1", id, "{\"action\":\"VERIFY\",\"note\":\"属实\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_FILE"));
        act("shiftlead1", id, "{\"action\":\"FILE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FILED"));
        act("dispatcher1", id, "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + bureau(p) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.departmentCode").value(bureau(p)));
        String handler = handlerOf(p);
        act(handler, id, "{\"action\":\"ACCEPT\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        act(handler, id, "{\"action\":\"REPORT_HANDLED\",\"note\":\"已清理\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HANDLED"));
        act("inspector1", id, "{\"action\":\"CHECK_PASS\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHECKED"));
        act("shiftlead1", id, "{\"action\":\"CLOSE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        act("operator1", id, "{\"action\":\"VISIT\",\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VISITED"))
                .andExpect(jsonPath("$.history.length()").value(11))
                .andExpect(jsonPath("$.history[1].action").value("ASSIGN_INSPECTOR"))
                .andExpect(jsonPath("$.history[1].inspector").value("inspector1"))
                .andExpect(jsonPath("$.history[2].action").value("VERIFY"))
                .andExpect(jsonPath("$.history[2].role").value("INSPECTOR"))
                .andExpect(jsonPath("$.history[2].dueAt").isNotEmpty())
                .andExpect(jsonPath("$.history[2].onTime").value(true));
        List<String> actions = jdbc.sql("SELECT action FROM case_step WHERE case_id = :id ORDER BY id")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(actions)
                .containsExactly(
                        "INTAKE",
                        "ASSIGN_INSPECTOR",
                        "VERIFY",
                        "FILE",
                        "DISPATCH",
                        "ACCEPT",
                        "REPORT_HANDLED",
                        "ASSIGN_INSPECTOR",
                        "CHECK_PASS",
                        "CLOSE",
                        "VISIT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'CASE' AND entity_id = "
                                + "(SELECT case_number FROM city_case WHERE id = :id)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(11);
    }

    @Test
    void aCaseGoesThroughReturnExtensionReworkAndSuspension() throws Exception {
        Places.Place p = place();
        long id = newCase("INSPECTOR", p);
        act("shiftlead1", id, "{\"action\":\"FILE\"}")
                .andExpect(jsonPath("$.status").value("FILED"));
        act("dispatcher1", id, "{\"action\":\"DISPATCH\",\"departmentCode\":\"HWC\"}")
                .andExpect(jsonPath("$.departmentCode").value("HWC"));
        act("handler-hwc", id, "{\"action\":\"RETURN\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("note"));
        act("handler-hwc", id, "{\"action\":\"RETURN\",\"reason\":\"属地事项，非环卫处职责\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FILED"))
                .andExpect(jsonPath("$.returnCount").value(1));
        act("dispatcher1", id, "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + bureau(p) + "\"}")
                .andExpect(jsonPath("$.status").value("DISPATCHED"));
        String handler = handlerOf(p);
        act(handler, id, "{\"action\":\"ACCEPT\"}")
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        String before = JsonPath.read(
                act(handler, id, "{\"action\":\"REQUEST_EXTENSION\",\"note\":\"需采购材料\",\"extensionHours\":48}")
                        .andExpect(jsonPath("$.status").value("EXTENSION_REQUESTED"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.deadline");
        String after = JsonPath.read(
                act("shiftlead1", id, "{\"action\":\"APPROVE_EXTENSION\"}")
                        .andExpect(jsonPath("$.status").value("ACCEPTED"))
                        .andExpect(jsonPath("$.extensionCount").value(1))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.deadline");
        assertThat(java.time.Instant.parse(after))
                .isAfter(java.time.Instant.parse(before).plusSeconds(3600));
        act("shiftlead1", id, "{\"action\":\"SUSPEND\",\"note\":\"待季节施工\"}")
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.overdue").value(false));
        act(handler, id, "{\"action\":\"REPORT_HANDLED\",\"note\":\"x\"}").andExpect(status().isConflict());
        act("shiftlead1", id, "{\"action\":\"RESUME\"}")
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        act(handler, id, "{\"action\":\"REPORT_HANDLED\",\"note\":\"已修复\"}")
                .andExpect(jsonPath("$.status").value("HANDLED"));
        act("inspector1", id, "{\"action\":\"CHECK_FAIL\",\"note\":\"未修复到位\"}")
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.reworkCount").value(1));
        act(handler, id, "{\"action\":\"REPORT_HANDLED\",\"note\":\"返工完成\"}")
                .andExpect(jsonPath("$.status").value("HANDLED"));
        act("inspector1", id, "{\"action\":\"CHECK_PASS\"}")
                .andExpect(jsonPath("$.status").value("CHECKED"));
        act("shiftlead1", id, "{\"action\":\"CLOSE\"}")
                .andExpect(jsonPath("$.status").value("CLOSED"));
        act("operator1", id, "{\"action\":\"VISIT\",\"satisfaction\":\"DISSATISFIED\",\"reopen\":true}")
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.reworkCount").value(2));
    }

    @Test
    void anIllegalTransitionIsA409ProblemDetailInTheCallersLanguage() throws Exception {
        long id = newCase("HOTLINE", place());
        act("dispatcher1", id, "{\"action\":\"DISPATCH\",\"departmentCode\":\"HWC\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith("的案卷不能派遣")))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern(".*[A-Za-z].*"))));
        mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                        .header("Authorization", Api.bearer(mvc, "dispatcher1"))
                        .cookie(new jakarta.servlet.http.Cookie("cityops-lang", "en"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"DISPATCH\",\"departmentCode\":\"HWC\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.matchesPattern(
                                "A case in status \"[^\"]+\" cannot take the step \"Dispatch\"")));
    }

    @Test
    void theWrongRoleIsA403() throws Exception {
        long id = newCase("HOTLINE", place());
        act("dispatcher1", id, "{\"action\":\"VERIFY\"}").andExpect(status().isForbidden());
        act("leader1", id, "{\"action\":\"FILE\"}").andExpect(status().isForbidden());
        intake("assessor1", body("HOTLINE", "x", place())).andExpect(status().isForbidden());
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/v1/cases")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/cases")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("HOTLINE", "x", place())))
                .andExpect(status().is4xxClientError()); // 401, or 403 from CSRF for a cookie-less POST
    }

    @Test
    void aHandlerCannotSeeOrActOnAnotherBureausCase() throws Exception {
        List<Places.Place> places = Places.perDistrict(locator);
        Places.Place mine = places.get(0);
        Places.Place theirs = places.get(1);
        long id = newCase("INSPECTOR", theirs);
        act("shiftlead1", id, "{\"action\":\"FILE\"}").andExpect(status().isOk());
        act("dispatcher1", id, "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + bureau(theirs) + "\"}")
                .andExpect(status().isOk());
        String stranger = handlerOf(mine);
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, stranger)))
                .andExpect(status().isForbidden());
        act(stranger, id, "{\"action\":\"ACCEPT\"}").andExpect(status().isForbidden());
        String list = mvc.perform(
                        get("/api/v1/cases").param("size", "500").header("Authorization", Api.bearer(mvc, stranger)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> ids = JsonPath.read(list, "$.items[*].id");
        assertThat(ids).doesNotContain((int) id);
        act(handlerOf(theirs), id, "{\"action\":\"ACCEPT\"}").andExpect(status().isOk());
        String own = mvc.perform(get("/api/v1/cases/queue").header("Authorization", Api.bearer(mvc, handlerOf(theirs))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> queue = JsonPath.read(own, "$.items[*].id");
        assertThat(queue).contains((int) id);
    }

    @Test
    void badIntakesAreClear400sAndCreateNothing() throws Exception {
        Places.Place p = place();
        long before =
                jdbc.sql("SELECT COUNT(*) FROM city_case").query(Long.class).single();
        intake("operator1", body("HOTLINE", "x", p).replace(category(), "NO-SUCH-CATEGORY"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("categoryCode"));
        intake("operator1", """
                {"channel":"HOTLINE","categoryCode":"%s","description":"no place"}""".formatted(category()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lat"));
        intake("operator1", body("HOTLINE", "outside", new Places.Place(0.5, 0.5, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("位置不在本市网格内"));
        intake("operator1", body("HOTLINE", "长".repeat(2001), p))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("description"));
        intake("operator1", body("OPEN311", "wrong door", p)).andExpect(status().isBadRequest());
        intake("operator1", body("NOPE", "bad channel", p)).andExpect(status().isBadRequest());
        intake("operator1", "{not json").andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM city_case").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aReplayedSubmissionWithTheSameIdempotencyKeyReturnsTheSameCase() throws Exception {
        String key = UUID.randomUUID().toString();
        String description = "重复提交 " + key;
        String json = body("HOTLINE", description, place());
        String first = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String second = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Idempotent-Replayed", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((Object) JsonPath.read(second, "$.caseNumber")).isEqualTo(JsonPath.read(first, "$.caseNumber"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM city_case WHERE description = :d")
                        .param("d", description)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.replace(description, description + " changed")))
                .andExpect(status().isConflict());
    }

    @Test
    void listsFilterByStatusChannelAndDistrict() throws Exception {
        Places.Place p = place();
        long id = newCase("HOTLINE", p);
        String res = mvc.perform(get("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "dispatcher1"))
                        .param("status", "PENDING_VERIFY")
                        .param("channel", "HOTLINE")
                        .param("district", p.location().districtCode())
                        .param("size", "500"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("PENDING_VERIFY"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> ids = JsonPath.read(res, "$.items[*].id");
        assertThat(ids).contains((int) id);
        mvc.perform(get("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "dispatcher1"))
                        .param("status", "NOT_A_STATUS"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aPhotoMustBeAnImage() throws Exception {
        long id = newCase("HOTLINE", place());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/v1/cases/" + id + "/photos")
                        .file(new org.springframework.mock.web.MockMultipartFile("photo", "a.png", "image/png", png))
                        .header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isCreated());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/v1/cases/" + id + "/photos")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "photo", "a.png", "image/png", "<html>not an image</html>".getBytes()))
                        .header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aNearbyReportOfTheSameCategoryIsOfferedForMergeAndMerged() throws Exception {
        Places.Place p = place();
        long first = newCase("HOTLINE", p);
        Places.Place near = new Places.Place(p.lat() + 0.0002, p.lon() + 0.0002, p.location());
        long second = newCase("HOTLINE", near);
        String dups = mvc.perform(get("/api/v1/cases/" + second + "/duplicates")
                        .header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> ids = JsonPath.read(dups, "$[*].id");
        assertThat(ids).contains((int) first).doesNotContain((int) second);
        act("operator1", second, "{\"action\":\"MERGE\",\"mergeInto\":" + second + "}")
                .andExpect(status().isBadRequest());
        act("operator1", second, "{\"action\":\"MERGE\",\"mergeInto\":" + first + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MERGED"))
                .andExpect(jsonPath("$.mergedInto").value(first));
        String after = mvc.perform(get("/api/v1/cases/" + first + "/duplicates")
                        .header("Authorization", Api.bearer(mvc, "operator1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> left = JsonPath.read(after, "$[*].id");
        assertThat(left).doesNotContain((int) second);
    }

    @Test
    void aLeaderSupervisesAndTheCaseShowsIt() throws Exception {
        long id = newCase("HOTLINE", place());
        act("leader1", id, "{\"action\":\"SUPERVISE\",\"note\":\"限今日办结\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supervised").value(true))
                .andExpect(jsonPath("$.supervisionNote").value("限今日办结"))
                .andExpect(jsonPath("$.status").value("PENDING_VERIFY"));
    }
}
