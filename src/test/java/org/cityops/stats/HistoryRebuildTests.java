package org.cityops.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cityops.cases.CaseEvent;
import org.cityops.cases.CaseEventConsumer;
import org.cityops.cases.CaseHistory;
import org.cityops.cases.internal.SlaClock;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/v1/stats/rebuild} rebuilds the statistics from the cases' own history (the cases module's
 * {@link CaseHistory}): after a realistic history (the demo city's cases, a case walked from intake to 回访 and one
 * that went overdue before it was closed) the rebuilt facts, overdue list and roll-ups are the live ones, and the
 * replayed events fed to the live listener again add nothing.
 */
@IntegrationTest
class HistoryRebuildTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SlaClock sla;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    CaseHistory history;

    @Autowired
    List<CaseEventConsumer> consumers;

    @Autowired
    TransactionTemplate tx;

    long intake(Places.Place p) throws Exception {
        String json =
                """
                {"channel":"HOTLINE","categoryCode":"%s","description":"重建测试 %s","lat":%s,"lon":%s,
                 "address":"测试路11号","urgency":"NORMAL","reporter":{"name":"钱七","phone":"13800000011"}}""".formatted(catalog.activeCategories().get(0).qualifiedCode(), UUID.randomUUID(), p.lat(), p.lon());
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        act(id, "inspector1", "{\"action\":\"VERIFY\",\"note\":\"属实\"}");
        act(id, "shiftlead1", "{\"action\":\"FILE\"}");
        act(id, "dispatcher1", "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + Places.bureau(p) + "\"}");
        return id;
    }

    void act(long id, String user, String json) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                        .header("Authorization", Api.bearer(mvc, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    void handleAndClose(long id, Places.Place p) throws Exception {
        String handler = Places.handlerOf(p);
        act(id, handler, "{\"action\":\"ACCEPT\"}");
        act(id, handler, "{\"action\":\"REPORT_HANDLED\",\"note\":\"已处置\"}");
        act(id, "inspector1", "{\"action\":\"CHECK_PASS\"}");
        act(id, "shiftlead1", "{\"action\":\"CLOSE\"}");
    }

    long facts(long caseId, String measure) {
        return jdbc.sql("SELECT COALESCE(SUM(delta), 0) FROM stats_case_fact WHERE case_id = :id AND measure = :m")
                .param("id", caseId)
                .param("m", measure)
                .query(Long.class)
                .single();
    }

    /** Everything the statistics keep about the cases (facts of cases, overdue list, every roll-up). */
    Map<String, List<Map<String, Object>>> kept(List<Long> ours) {
        Map<String, List<Map<String, Object>>> kept = new java.util.LinkedHashMap<>();
        kept.put(
                "facts",
                jdbc.sql("SELECT * FROM stats_case_fact WHERE case_id > 0 ORDER BY fact_id")
                        .query()
                        .listOfRows());
        kept.put(
                "overdue",
                jdbc.sql("SELECT * FROM stats_overdue_case WHERE case_id IN (:ids) ORDER BY case_id")
                        .param("ids", ours)
                        .query()
                        .listOfRows());
        for (String table : List.of(
                "stats_case_day",
                "stats_area_day",
                "stats_department_day",
                "stats_area_month",
                "stats_department_month",
                "stats_grid_month")) {
            kept.put(
                    table,
                    jdbc.sql("SELECT * FROM " + table
                                    + " WHERE stat_day < DATE '2030-01-01' ORDER BY 1, 2, 3, 4, 5, 6, 7")
                            .query()
                            .listOfRows());
        }
        return kept;
    }

    List<Map<String, Object>> factsOf(List<Long> ours) {
        return jdbc.sql("SELECT * FROM stats_case_fact WHERE case_id IN (:ids) ORDER BY fact_id")
                .param("ids", ours)
                .query()
                .listOfRows();
    }

    static List<Map<String, Object>> factsOf(List<Long> ours, List<Map<String, Object>> facts) {
        return facts.stream()
                .filter(f -> ours.contains(((Number) f.get("case_id")).longValue()))
                .toList();
    }

    @Test
    void the_statistics_rebuilt_from_the_case_history_are_the_live_ones_and_a_replay_adds_nothing() throws Exception {
        Places.Place p = Places.any(locator);
        long closed = intake(p);
        handleAndClose(closed, p);
        act(closed, "operator1", "{\"action\":\"VISIT\",\"satisfaction\":\"SATISFIED\"}");
        long late = intake(p);
        // its 处置期限 passed: the SLA clock raises 超期
        jdbc.sql("UPDATE city_case SET due_at = CURRENT_TIMESTAMP - INTERVAL '1' HOUR, "
                        + "warn_at = CURRENT_TIMESTAMP - INTERVAL '2' HOUR WHERE id = :id")
                .param("id", late)
                .update();
        sla.tick();
        await().atMost(Duration.ofSeconds(20)).until(() -> facts(late, "OVERDUE") == 1);
        handleAndClose(late, p);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> facts(closed, "SATISFIED") == 1 && facts(late, "CLOSED") == 1);
        assertThat(facts(late, "OVERDUE_OPEN")).as("closed: no longer 超期未结").isZero();

        List<Long> ours = List.of(closed, late);
        mvc.perform(post("/api/v1/stats/rebuild").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/stats/rebuild?source=weather").header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("source"));
        // the demo's and other tests' events may still be coming in: compare at a quiet moment
        String admin = Api.bearer(mvc, "admin");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, List<Map<String, Object>>> live = kept(ours);
            String res = mvc.perform(post("/api/v1/stats/rebuild").header("Authorization", admin))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.source").value("history"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(((Number) JsonPath.read(res, "$.cases")).longValue()).isGreaterThanOrEqualTo(2);
            return kept(ours).equals(live);
        });
        Map<String, List<Map<String, Object>>> rebuilt = kept(ours);
        assertThat(rebuilt.get("facts")).extracting(r -> r.get("fact_id")).contains("cases:" + late + ":REPORTED");
        assertThat(rebuilt.get("overdue")).hasSize(1);

        // the replayed events are the live ones: handed to the live listener again, they count nothing new
        CaseEventConsumer live = consumers.stream()
                .filter(c -> c.consumerName().equals("stats.case-rollup"))
                .findFirst()
                .orElseThrow();
        List<CaseEvent> replayed = new ArrayList<>();
        tx.executeWithoutResult(s -> history.replay(7, batch -> {
            replayed.addAll(batch);
            batch.forEach(live::on);
        }));
        assertThat(replayed).anyMatch(e -> e.caseId() == late && e instanceof org.cityops.cases.CaseDeadlineAlert);
        assertThat(factsOf(ours)).isEqualTo(factsOf(ours, rebuilt.get("facts")));
        assertThat(factsOf(ours)).hasSizeGreaterThanOrEqualTo(12);
    }
}
