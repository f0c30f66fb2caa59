package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Issue 21.4 and 21.7: the dispatch preview, merge by case number, 转办 information, the SLA alert box. */
@IntegrationTest
class DispatchPreviewAndTransferTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    record Made(long id, String number) {}

    Made filedCase(Places.Place p) throws Exception {
        Made c = reported(p);
        act("shiftlead1", c.id(), "{\"action\":\"FILE\"}").andExpect(status().isOk());
        return c;
    }

    /** An inspector's report, waiting to be filed (待立案). */
    Made reported(Places.Place p) throws Exception {
        String json = """
                {"channel":"INSPECTOR","categoryCode":"%s","description":"%s","lat":%s,"lon":%s,"address":"测试路2号",
                 "urgency":"NORMAL"}""".formatted(
                catalog.activeCategories().get(0).qualifiedCode(), "转办测试 " + UUID.randomUUID(), p.lat(), p.lon());
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        return new Made(id, JsonPath.read(res, "$.caseNumber"));
    }

    ResultActions act(String user, long id, String json) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String read(String user, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void thePreviewNamesTheDepartmentAndRuleThatDispatchByRoutingThenUses() throws Exception {
        Places.Place p = Places.any(locator);
        Made c = filedCase(p);
        String preview = read("dispatcher1", "/api/v1/cases/" + c.id() + "/dispatch-preview");
        assertThat((Boolean) JsonPath.read(preview, "$.matched")).isTrue();
        String dept = JsonPath.read(preview, "$.departmentCode");
        assertThat(((Number) JsonPath.read(preview, "$.ruleId")).longValue()).isPositive();
        assertThat((String) JsonPath.read(preview, "$.departmentName")).isNotBlank();
        assertThat((String) JsonPath.read(preview, "$.categoryScope")).isNotBlank();
        act("dispatcher1", c.id(), "{\"action\":\"DISPATCH\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departmentCode").value(dept));
    }

    @Test
    void aPreviewOfACaseOutsideTheCallersScopeIsRefused() throws Exception {
        List<Places.Place> places = Places.perDistrict(locator);
        Made c = filedCase(places.get(1));
        mvc.perform(get("/api/v1/cases/" + c.id() + "/dispatch-preview")
                        .header("Authorization", Api.bearer(mvc, Places.handlerOf(places.get(0)))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCaseIsMergedByItsNumberAndAnUnknownNumberIsA400NamingTheField() throws Exception {
        Places.Place p = Places.any(locator);
        Made first = reported(p);
        Made second = reported(p);
        act("shiftlead1", second.id(), "{\"action\":\"MERGE\",\"mergeIntoNumber\":\"19000101999999\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("mergeIntoNumber"));
        act("shiftlead1", second.id(), "{\"action\":\"MERGE\",\"mergeIntoNumber\":\" " + first.number() + " \"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MERGED"))
                .andExpect(jsonPath("$.mergedInto").value(first.id()));
    }

    @Test
    void aCaseRoutedAwayFromItsDistrictIsTransferInformationForThatDistrictOnly() throws Exception {
        List<Places.Place> places = Places.perDistrict(locator);
        Places.Place here = places.get(0);
        Places.Place elsewhere = places.get(1);
        Made away = filedCase(here);
        act("dispatcher1", away.id(), "{\"action\":\"DISPATCH\",\"departmentCode\":\"HWC\"}")
                .andExpect(status().isOk());
        Made own = filedCase(here);
        act("dispatcher1", own.id(), "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + Places.bureau(here) + "\"}")
                .andExpect(status().isOk());

        List<String> mine =
                JsonPath.read(read(Places.handlerOf(here), "/api/v1/cases/transferred?limit=200"), "$[*].caseNumber");
        assertThat(mine).contains(away.number()).doesNotContain(own.number());
        List<String> theirs = JsonPath.read(
                read(Places.handlerOf(elsewhere), "/api/v1/cases/transferred?limit=200"), "$[*].caseNumber");
        assertThat(theirs).doesNotContain(away.number());
        List<String> hwc = JsonPath.read(read("handler-hwc", "/api/v1/cases/transferred?limit=200"), "$[*].caseNumber");
        assertThat(hwc).as("a city-level department has no 转办 list").isEmpty();
        // read-only: the district's handler still cannot open or act on the case
        mvc.perform(get("/api/v1/cases/" + away.id()).header("Authorization", Api.bearer(mvc, Places.handlerOf(here))))
                .andExpect(status().isForbidden());
        act(Places.handlerOf(here), away.id(), "{\"action\":\"ACCEPT\"}").andExpect(status().isForbidden());
    }

    @Test
    void theAlertBoxListsACaseOnceAndOnlyCasesWaitingInTheCallersQueue() throws Exception {
        Places.Place p = Places.any(locator);
        String handler = Places.handlerOf(p);
        Made waiting = filedCase(p);
        act("dispatcher1", waiting.id(), "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + Places.bureau(p) + "\"}")
                .andExpect(status().isOk());
        Made done = filedCase(p);
        act("dispatcher1", done.id(), "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + Places.bureau(p) + "\"}")
                .andExpect(status().isOk());
        act(handler, done.id(), "{\"action\":\"ACCEPT\"}").andExpect(status().isOk());
        act(handler, done.id(), "{\"action\":\"REPORT_HANDLED\",\"note\":\"已处置\"}")
                .andExpect(status().isOk());
        alert(waiting.id(), "WARNING");
        alert(waiting.id(), "OVERDUE");
        alert(done.id(), "OVERDUE");

        String alerts = read(handler, "/api/v1/cases/alerts?limit=200");
        List<Integer> ids = JsonPath.read(alerts, "$[*].caseId");
        assertThat(ids.stream().filter(i -> i == waiting.id()).count()).isEqualTo(1);
        assertThat(ids).doesNotContain((int) done.id());
        List<String> kinds = JsonPath.read(alerts, "$[?(@.caseId == " + waiting.id() + ")].kind");
        assertThat(kinds).containsExactly("OVERDUE");
        assertThat(ids).doesNotHaveDuplicates();
    }

    private void alert(long caseId, String kind) {
        jdbc.sql("INSERT INTO case_alert (case_id, kind, stage, due_at, raised_at) VALUES (:c, :k, 'HANDLE', :t, :t)")
                .param("c", caseId)
                .param("k", kind)
                .param("t", java.sql.Timestamp.from(Instant.now()))
                .update();
    }
}
