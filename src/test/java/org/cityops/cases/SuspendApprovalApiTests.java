package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.platform.CityClock;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 挂账 with approval through the API: request, refusal, approval, and the requests that are conflicts. */
@IntegrationTest
class SuspendApprovalApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    Places.Place place;

    @org.junit.jupiter.api.BeforeEach
    void place() {
        place = Places.perDistrict(locator).get(0);
    }

    ResultActions act(String user, long id, String json) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** A hotline case taken to 处置中 at the district bureau. */
    long accepted() throws Exception {
        String json = """
                {"channel":"HOTLINE","categoryCode":"%s","description":"挂账测试 %s","lat":%s,"lon":%s}""".formatted(
                        catalog.activeCategories().get(0).qualifiedCode(), UUID.randomUUID(), place.lat(), place.lon());
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        act("inspector1", id, "{\"action\":\"VERIFY\"}").andExpect(status().isOk());
        act("shiftlead1", id, "{\"action\":\"FILE\"}").andExpect(status().isOk());
        act("dispatcher1", id, "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + Places.bureau(place) + "\"}")
                .andExpect(status().isOk());
        act(Places.handlerOf(place), id, "{\"action\":\"ACCEPT\"}").andExpect(status().isOk());
        return id;
    }

    String request(LocalDate expected) {
        return "{\"action\":\"REQUEST_SUSPEND\",\"reason\":\"道路大修期间无法施工\",\"expectedDate\":\"" + expected + "\"}";
    }

    LocalDate inAMonth() {
        return LocalDate.now(CityClock.ZONE).plusMonths(1);
    }

    List<Integer> queue(String user) throws Exception {
        String res = mvc.perform(get("/api/v1/cases/queue?size=500").header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(res, "$.items[*].id");
    }

    @Test
    void aRefusedRequestGoesBackToTheDepartmentAndAnApprovedOneStopsTheClock() throws Exception {
        long id = accepted();
        String handler = Places.handlerOf(place);
        act(handler, id, request(inAMonth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPEND_REQUESTED"))
                .andExpect(jsonPath("$.statusLabel").value("挂账申请中"))
                .andExpect(jsonPath("$.resumeExpected").value(inAMonth().toString()));
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "shiftlead1")))
                .andExpect(jsonPath("$.availableActions")
                        .value(org.hamcrest.Matchers.hasItems("SUSPEND", "REFUSE_SUSPEND")));

        act("shiftlead1", id, "{\"action\":\"REFUSE_SUSPEND\",\"reason\":\"可先行处置\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.resumeExpected").isEmpty());
        assertThat(queue(handler)).contains((int) id);

        act(handler, id, request(inAMonth())).andExpect(status().isOk());
        act("shiftlead1", id, "{\"action\":\"SUSPEND\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.overdue").value(false));
        jdbc.sql("UPDATE city_case SET due_at = created_at WHERE id = :id")
                .param("id", id)
                .update();
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.history[?(@.action == 'REQUEST_SUSPEND')].note")
                        .value(org.hamcrest.Matchers.hasItem(containsString("道路大修期间无法施工"))))
                .andExpect(jsonPath("$.history[?(@.action == 'REFUSE_SUSPEND')].note")
                        .value(org.hamcrest.Matchers.hasItem("可先行处置")))
                .andExpect(jsonPath("$.history[?(@.action == 'SUSPEND')].actor")
                        .value(org.hamcrest.Matchers.hasItem("shiftlead1")));
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'CASE' AND entity_id = "
                                + "(SELECT case_number FROM city_case WHERE id = :id) ORDER BY id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsSubsequence("REQUEST_SUSPEND", "REFUSE_SUSPEND", "REQUEST_SUSPEND", "SUSPEND");
    }

    @Test
    void aSuspendRequestOnASuspendedOrClosedCaseIsAConflict() throws Exception {
        long id = accepted();
        String handler = Places.handlerOf(place);
        act(handler, id, request(inAMonth())).andExpect(status().isOk());
        act(handler, id, request(inAMonth()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("挂账申请中")));
        act("shiftlead1", id, "{\"action\":\"SUSPEND\"}").andExpect(status().isOk());
        act(handler, id, request(inAMonth()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("状态为挂账的案卷不能申请挂账")));

        long closed = accepted();
        act(handler, closed, "{\"action\":\"REPORT_HANDLED\",\"note\":\"已处置\"}").andExpect(status().isOk());
        act("inspector1", closed, "{\"action\":\"CHECK_PASS\"}").andExpect(status().isOk());
        act("shiftlead1", closed, "{\"action\":\"CLOSE\"}").andExpect(status().isOk());
        act(handler, closed, request(inAMonth())).andExpect(status().isConflict());
    }

    @Test
    void aRequestWithoutAnExpectedDateOrReasonIsABadRequestAndChangesNothing() throws Exception {
        long id = accepted();
        String handler = Places.handlerOf(place);
        act(handler, id, "{\"action\":\"REQUEST_SUSPEND\",\"reason\":\"等待\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("expectedDate"));
        act(handler, id, "{\"action\":\"REQUEST_SUSPEND\",\"expectedDate\":\"" + inAMonth() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("note"));
        act(handler, id, request(LocalDate.now(CityClock.ZONE).minusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("应晚于今天")));
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        act("operator1", id, request(inAMonth())).andExpect(status().isForbidden());
    }
}
