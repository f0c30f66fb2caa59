package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * 核实/核查派遣 through the API: the default inspector, my tasks first, reassignment by the shift leader, and the
 * bad inputs (a non-inspector, an inspector of another district, a case not waiting for 核实/核查). Each test runs
 * in one transaction that is rolled back, so the district inspectors it adds never reach other tests.
 */
@IntegrationTest
@Transactional
class InspectorTaskApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.cityops.org.internal.InspectorAreas inspectors;

    /** A district inspector (监督员 of a 区), signing in with the demo password. */
    String districtInspector(String district) {
        String username = "zz-insp-" + UUID.randomUUID().toString().substring(0, 8);
        long unit = jdbc.sql("SELECT id FROM org_unit WHERE code = :c")
                .param("c", district)
                .query(Long.class)
                .single();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'inspector1'")
                .query(String.class)
                .single();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, data_scope, org_unit_id, enabled)
                VALUES (:u, '区监督员', :h, 'DISTRICT', :unit, TRUE)""").param("u", username).param("h", hash).param("unit", unit).update();
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

    long newCase(Places.Place p) throws Exception {
        String json =
                """
                {"channel":"HOTLINE","categoryCode":"%s","description":"派遣测试 %s","lat":%s,"lon":%s}""".formatted(catalog.activeCategories().get(0).qualifiedCode(), UUID.randomUUID(), p.lat(), p.lon());
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

    ResultActions act(String user, long id, String json) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    List<Integer> queue(String user, boolean mine) throws Exception {
        String res = mvc.perform(
                        get("/api/v1/cases/queue?size=500&mine=" + mine).header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(res, "$.items[*].id");
    }

    @Test
    void aPublicReportIsSentToTheInspectorOfItsGridAndIsAmongItsOwnTasks() throws Exception {
        long id = newCase(Places.any(locator));
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(jsonPath("$.inspector").value("inspector1"))
                .andExpect(jsonPath("$.history[1].action").value("ASSIGN_INSPECTOR"))
                .andExpect(jsonPath("$.history[1].actionLabel").value("指派监督员"))
                .andExpect(jsonPath("$.history[1].actor").value("operator1"))
                .andExpect(jsonPath("$.history[1].inspector").value("inspector1"));
        assertThat(queue("inspector1", true)).contains((int) id);
        assertThat(queue("shiftlead1", true)).isEmpty();
    }

    @Test
    void theDistrictsOwnInspectorGetsTheTaskAndTheShiftLeaderMayReassignIt() throws Exception {
        Places.Place p = Places.any(locator);
        String local = districtInspector(p.location().districtCode());
        long id = newCase(p);
        assertThat(queue(local, true)).containsExactly((int) id);
        assertThat(queue("inspector1", true)).doesNotContain((int) id);
        List<Integer> all = queue(local, false);
        assertThat(all.get(0)).as("my tasks come first").isEqualTo((int) id);

        String before = mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "operator1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        act("shiftlead1", id, "{\"action\":\"ASSIGN_INSPECTOR\",\"inspector\":\"inspector1\",\"note\":\"本人休假\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inspector").value("inspector1"))
                .andExpect(jsonPath("$.status").value("PENDING_VERIFY"))
                .andExpect(jsonPath("$.history[2].action").value("ASSIGN_INSPECTOR"))
                .andExpect(jsonPath("$.history[2].role").value("SHIFT_LEADER"))
                .andExpect(jsonPath("$.history[2].inspector").value("inspector1"));
        assertThat(queue("inspector1", true)).contains((int) id);
        assertThat(queue(local, true)).doesNotContain((int) id);
        String after = mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "operator1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Instant.parse(JsonPath.read(after, "$.deadline")))
                .as("the verification limit runs from the reassignment")
                .isAfterOrEqualTo(Instant.parse(JsonPath.read(before, "$.deadline")));
    }

    @Test
    void assigningSomeoneWhoIsNotAnInspectorIsABadRequestThatSaysSo() throws Exception {
        long id = newCase(Places.any(locator));
        act("shiftlead1", id, "{\"action\":\"ASSIGN_INSPECTOR\",\"inspector\":\"operator1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("inspector"))
                .andExpect(jsonPath("$.detail").value(containsString("不是监督员")));
        act("shiftlead1", id, "{\"action\":\"ASSIGN_INSPECTOR\",\"inspector\":\"nobody-" + UUID.randomUUID() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("不存在")));
        act("shiftlead1", id, "{\"action\":\"ASSIGN_INSPECTOR\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("请指定监督员")));
    }

    @Test
    void assigningAnInspectorOfAnotherDistrictIsForbiddenAndSaysSo() throws Exception {
        List<Places.Place> places = Places.perDistrict(locator);
        String elsewhere = districtInspector(places.get(1).location().districtCode());
        long id = newCase(places.get(0));
        act("shiftlead1", id, "{\"action\":\"ASSIGN_INSPECTOR\",\"inspector\":\"" + elsewhere + "\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("不负责本案卷所在区域")));
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(jsonPath("$.inspector").value("inspector1"))
                .andExpect(jsonPath("$.history.length()").value(2));
    }

    @Test
    void assigningOnACaseNotWaitingForVerificationOrCheckIsAConflictThatSaysSo() throws Exception {
        long id = newCase(Places.any(locator));
        act("inspector1", id, "{\"action\":\"VERIFY\"}").andExpect(status().isOk());
        act("shiftlead1", id, "{\"action\":\"ASSIGN_INSPECTOR\",\"inspector\":\"inspector1\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("只有待核实、待核查的案卷可指派监督员")));
        act("dispatcher1", id, "{\"action\":\"ASSIGN_INSPECTOR\",\"inspector\":\"inspector1\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void anInspectorOutsideTheCasesAreaMayNotVerifyIt() throws Exception {
        List<Places.Place> places = Places.perDistrict(locator);
        String elsewhere = districtInspector(places.get(1).location().districtCode());
        long id = newCase(places.get(0));
        act(elsewhere, id, "{\"action\":\"VERIFY\"}").andExpect(status().isForbidden());
        act("inspector1", id, "{\"action\":\"VERIFY\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_FILE"));
    }
}
