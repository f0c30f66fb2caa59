package org.cityops.sanitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cityops.sanitation.demo.DemoRoadNetwork;
import org.cityops.sanitation.live.CoverageRunner;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A month's coverage rate goes into the assessment as 专业部门评价 once; the wall shows today's sanitation tile. */
@IntegrationTest
class SanitationAssessmentFeedTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CoverageRunner runner;

    ResultActions postJson(String url, String who, String json) throws Exception {
        return mvc.perform(post(url)
                .header("Authorization", Api.bearer(mvc, who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String getBody(String url, String who) throws Exception {
        return mvc.perform(get(url).header("Authorization", Api.bearer(mvc, who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    long openPeriod(String from, String to) throws Exception {
        String code = "T-SAN-" + System.nanoTime();
        postJson("/api/v1/assessment/schemes", "assessor1", """
                {"code":"%s","name":"环卫测试方案","weights":{"PUBLIC":20,"THIRD_PARTY":20,"SUPERVISION":40,
                 "DEPARTMENT":10,"DISTRICT":10}}""".formatted(code)).andExpect(status().isCreated());
        String body = postJson(
                        "/api/v1/assessment/periods",
                        "assessor1",
                        "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"scheme\":\"" + code + "\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aFinishedMonthsRatesBecomeDepartmentScoresOfTheCoveringPeriodOnceOnly() throws Exception {
        LocalDate day = LocalDate.of(2025, 7, 2);
        // a terminal no other test drives: the runner skips a terminal's positions older than its latest (late replays)
        runner.onPositions(SanitationCoverageFlowTests.drive(
                DemoRoadNetwork.terminal(DemoRoadNetwork.VEHICLES - 1),
                DemoRoadNetwork.segment("DL-320402-EW1-1"),
                day.atTime(9, 0).atZone(SanitationCoverageFlowTests.CITY).toInstant()));
        runner.flushAll();
        long period = openPeriod("2025-07-01", "2025-07-31");

        postJson("/api/v1/sanitation/rates/2025-07/submit", "muck1", "{}").andExpect(status().isForbidden());
        postJson("/api/v1/sanitation/rates/2025-13/submit", "sanitation1", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("month"));
        postJson("/api/v1/sanitation/rates/2019-02/submit", "sanitation1", "{}").andExpect(status().isNotFound());

        postJson("/api/v1/sanitation/rates/2025-07/submit", "sanitation1", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periodId").value(period));

        String rates = getBody("/api/v1/sanitation/rates?from=2025-07-01&to=2025-07-31&by=district", "sanitation1");
        List<Map<String, Object>> row = JsonPath.read(rates, "$[?(@.group == '320402')]");
        double rate = ((Number) row.get(0).get("coveredAreaM2")).doubleValue()
                / ((Number) row.get(0).get("plannedAreaM2")).doubleValue();
        assertThat(rate).isGreaterThan(0);

        String scores = getBody("/api/v1/assessment/periods/" + period + "/scores", "assessor1");
        List<Map<String, Object>> tianning = JsonPath.read(
                scores, "$[?(@.source == 'DEPARTMENT' && @.subjectType == 'DISTRICT' && @.subjectCode == '320402')]");
        assertThat(tianning).hasSize(1);
        assertThat(((Number) tianning.get(0).get("score")).doubleValue())
                .isEqualTo(BigDecimal.valueOf(rate * 100)
                        .setScale(2, RoundingMode.HALF_UP)
                        .doubleValue());
        assertThat(tianning.get(0).get("status")).isEqualTo("FINAL");
        assertThat(tianning.get(0).get("enteredDept")).isEqualTo("HWC");
        int submitted =
                JsonPath.<List<?>>read(scores, "$[?(@.source == 'DEPARTMENT')]").size();

        postJson("/api/v1/sanitation/rates/2025-07/submit", "sanitation1", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("sourceKey"));
        assertThat(JsonPath.<List<?>>read(
                                getBody("/api/v1/assessment/periods/" + period + "/scores", "assessor1"),
                                "$[?(@.source == 'DEPARTMENT')]")
                        .size())
                .isEqualTo(submitted);
    }

    @Test
    void aLockedPeriodTakesNoSanitationScores() throws Exception {
        long period = openPeriod("2025-08-01", "2025-08-31");
        String base = "/api/v1/assessment/periods/" + period;
        postJson(base + "/compute", "assessor1", "{}").andExpect(status().is2xxSuccessful());
        postJson(base + "/lock", "leader1", "{}").andExpect(status().is2xxSuccessful());
        postJson("/api/v1/sanitation/rates/2025-08/submit", "sanitation1", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("status"));
        assertThat(JsonPath.<List<?>>read(getBody(base + "/scores", "assessor1"), "$[?(@.source == 'DEPARTMENT')]"))
                .isEmpty();
    }

    @Test
    void theCurrentMonthCannotBeSubmittedYet() throws Exception {
        String month =
                LocalDate.now(SanitationCoverageFlowTests.CITY).toString().substring(0, 7);
        postJson("/api/v1/sanitation/rates/" + month + "/submit", "sanitation1", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("month"));
    }

    @Test
    void theWallsSanitationTileCountsTodaysPlannedSegmentsOfTheArea() throws Exception {
        String today = LocalDate.now(SanitationCoverageFlowTests.CITY).toString();
        String coverage = getBody("/api/v1/sanitation/coverage?day=" + today, "leader1");
        int planned = JsonPath.<List<?>>read(coverage, "$[?(@.status != 'UNPLANNED' && @.districtCode == '320402')]")
                .size();
        String wall = getBody("/api/v1/command/summary?area=320402", "leader1");
        List<Map<String, Object>> figures = JsonPath.read(wall, "$.tiles[?(@.key == 'sanitation')].figures[*]");
        // 已完成, 部分覆盖, 未作业, 覆盖率 from the coverage map, then 漏收点位 (routes), 在岗/离岗人员 (attendance)
        assertThat(figures).hasSize(7);
        assertThat(figures.subList(0, 4))
                .allSatisfy(f -> assertThat((String) f.get("link")).startsWith("/sanitation/map?day="));
        assertThat(figures.subList(4, 7))
                .extracting(f -> (String) f.get("label"))
                .containsExactly("漏收点位", "在岗人员", "离岗人员");
        long counted = figures.subList(0, 3).stream()
                .mapToLong(f -> ((Number) f.get("value")).longValue())
                .sum();
        assertThat(counted).isEqualTo(planned);
        assertThat(figures.get(0).get("label")).isEqualTo("已完成");
    }
}
