package org.cityops.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.CityClock;
import org.cityops.stats.internal.RollupStore;
import org.cityops.stats.internal.StepFacts;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The statistics API answers from roll-ups fed by the case events; a rebuild gives the same numbers. */
@IntegrationTest
class CaseStatsApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RollupStore store;

    static final String WIDE = "&from=2025-01-01&to=2029-12-31";

    long count(String user, String query, String path) throws Exception {
        String res = mvc.perform(get("/api/v1/stats/cases?" + query).header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(res, path)).longValue();
    }

    long report() throws Exception {
        DemoGrids.KnownPoint p = DemoGrids.TIANNING;
        String json = """
                {"channel":"HOTLINE","categoryCode":"E09006","description":"统计测试 %s","lat":%s,"lon":%s,
                 "address":"测试路9号","urgency":"NORMAL","reporter":{"name":"王五","phone":"13800000009"}}""".formatted(UUID.randomUUID(), p.lat(), p.lon());
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        if ("PENDING_VERIFY".equals(JsonPath.read(res, "$.status"))) {
            act(id, "inspector1", "{\"action\":\"VERIFY\",\"note\":\"属实\"}");
        }
        act(id, "shiftlead1", "{\"action\":\"FILE\"}");
        return id;
    }

    void act(long id, String user, String json) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                        .header("Authorization", Api.bearer(mvc, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    long facts(long caseId, String measure) {
        return jdbc.sql("SELECT COUNT(*) FROM stats_case_fact WHERE case_id = :id AND measure = :m")
                .param("id", caseId)
                .param("m", measure)
                .query(Long.class)
                .single();
    }

    @Test
    void anIntakeAndItsFilingAppearInTheDistrictsCountsFromTheEvents() throws Exception {
        String q = "groupBy=district&area=320402" + WIDE;
        long reportedBefore = count("leader1", q, "$.totals.counts.reported");
        long filedBefore = count("leader1", q, "$.totals.counts.filed");
        long id = report();
        await().atMost(Duration.ofSeconds(20)).until(() -> facts(id, "FILED") == 1 && facts(id, "REPORTED") == 1);
        assertThat(count("leader1", q, "$.totals.counts.reported")).isGreaterThanOrEqualTo(reportedBefore + 1);
        assertThat(count("leader1", q, "$.totals.counts.filed")).isGreaterThanOrEqualTo(filedBefore + 1);
        mvc.perform(get("/api/v1/stats/cases?" + q).header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(jsonPath("$.rows[0].label.district").value("天宁区"))
                .andExpect(jsonPath("$.rows[0].casesLink")
                        .value(org.hamcrest.Matchers.startsWith("/cases?district=320402")));
    }

    @Test
    void aReplayedEventIsCountedOnce() throws Exception {
        long id = report();
        await().atMost(Duration.ofSeconds(20)).until(() -> facts(id, "FILED") == 1);
        var row = jdbc.sql("SELECT * FROM stats_case_fact WHERE case_id = :id AND measure = 'FILED'")
                .param("id", id)
                .query()
                .singleRow();
        String q = "groupBy=day&area=320402" + WIDE;
        long before = count("leader1", q, "$.totals.counts.filed");
        var fact = new org.cityops.stats.internal.Fact(
                (String) row.get("fact_id"),
                id,
                org.cityops.stats.internal.Measure.FILED,
                1,
                LocalDate.now(CityClock.ZONE),
                java.time.Instant.now(),
                "320402",
                null,
                null,
                "E09006",
                "HOTLINE",
                null);
        assertThat(store.record(java.util.List.of(fact))).isZero();
        assertThat(count("leader1", q, "$.totals.counts.filed")).isEqualTo(before);
        assertThat(StepFacts.day(java.time.Instant.parse("2026-01-01T16:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 1, 2));
    }

    @Test
    void aRebuildFromTheRecordedFactsGivesTheSameNumbersAsTheLiveRollUp() throws Exception {
        long id = report();
        await().atMost(Duration.ofSeconds(20)).until(() -> facts(id, "FILED") == 1);
        String q = "groupBy=district,category" + WIDE;
        mvc.perform(post("/api/v1/stats/rebuild").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isForbidden());
        // other cases' events may still be flowing in from the demo or other tests: compare a quiet moment
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String live = query(q);
            mvc.perform(post("/api/v1/stats/rebuild").header("Authorization", Api.bearer(mvc, "admin")))
                    .andExpect(status().isOk());
            return query(q).equals(live);
        });
        assertThat(((Number) JsonPath.read(query(q), "$.totals.counts.reported")).longValue())
                .isPositive();
    }

    String query(String q) throws Exception {
        return mvc.perform(get("/api/v1/stats/cases?" + q).header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void badInputIsAClear400NamingTheFieldAndOtherRolesAreRefused() throws Exception {
        String leader = Api.bearer(mvc, "leader1");
        mvc.perform(get("/api/v1/stats/cases?groupBy=weather").header("Authorization", leader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("groupBy"));
        mvc.perform(get("/api/v1/stats/cases?from=2026-13-01").header("Authorization", leader))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stats/cases?from=2026-12-02&to=2026-12-01").header("Authorization", leader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
        mvc.perform(get("/api/v1/stats/cases").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stats/cases")).andExpect(status().isUnauthorized());
    }

    @Test
    void theExportIsAWorkbookWithChineseHeadersAndATotalRow() throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/stats/cases.xlsx?groupBy=district" + WIDE)
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("区");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("受理");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue())
                    .isEqualTo("合计");
        }
    }
}
