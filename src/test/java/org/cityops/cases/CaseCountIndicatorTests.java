package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cityops.cases.internal.CaseFixtures;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.NewCase;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.CityClock;
import org.cityops.rectification.IndicatorSource;
import org.cityops.rectification.IndicatorValue;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CaseCountIndicatorTests {

    @Autowired
    List<IndicatorSource> sources;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    IndicatorSource indicator() {
        return sources.stream()
                .filter(s -> s.key().equals("cases.count-by-category"))
                .findFirst()
                .orElseThrow();
    }

    long report(String category) {
        return cases.intake(
                        new NewCase(
                                CaseChannel.HOTLINE,
                                category,
                                "违法建设指标测试 " + UUID.randomUUID(),
                                DemoGrids.TIANNING.lat(),
                                DemoGrids.TIANNING.lon(),
                                null,
                                null,
                                null,
                                null),
                        CaseFixtures.OPERATOR,
                        null,
                        null,
                        null)
                .caseId();
    }

    Map<String, String> today(String category, String area) {
        String today = LocalDate.now(clock.withZone(CityClock.ZONE)).toString();
        return Map.of("category", category, "area", area, "from", today, "to", today);
    }

    void setStatus(long id, String status, boolean open) {
        jdbc.sql("UPDATE city_case SET status = :s, is_open = :o WHERE id = :id")
                .param("s", status)
                .param("o", open)
                .param("id", id)
                .update();
    }

    @Test
    void illegal_construction_cases_received_and_closed_in_a_grid_today_are_counted() {
        Map<String, String> params = today("E06001, E08016", DemoGrids.TIANNING.gridCode());
        IndicatorValue before = indicator().current(params);

        long closed = report("E06001");
        report("E08016");
        long voided = report("E06001");
        report("E06010");
        setStatus(closed, "CLOSED", false);
        setStatus(voided, "REJECTED", false);

        IndicatorValue after = indicator().current(params);
        long[] was = counts(before.display());
        long[] now = counts(after.display());
        assertThat(now[0] - was[0])
                .as("received: two counted, the voided one and another category not")
                .isEqualTo(2);
        assertThat(now[1] - was[1]).as("closed").isEqualTo(1);
        assertThat(now[2] - was[2]).as("in progress").isEqualTo(1);
        assertThat(after.value()).isEqualTo(now[1]);
        assertThat(after.display()).matches("受理\\d+起,办结\\d+起,在办\\d+起");
    }

    @Test
    void another_area_or_period_does_not_count_todays_cases() {
        Map<String, String> liyang = today("E06001", DemoGrids.LIYANG.districtCode());
        IndicatorValue before = indicator().current(liyang);
        report("E06001");
        assertThat(indicator().current(liyang).display()).isEqualTo(before.display());
        assertThat(indicator()
                        .current(Map.of("category", "E06001", "from", "2000-01-01", "to", "2000-12-31"))
                        .display())
                .isEqualTo("受理0起,办结0起,在办0起");
    }

    @Test
    void missing_or_malformed_parameters_make_the_indicator_unavailable() {
        assertThatThrownBy(() -> indicator().current(Map.of("from", "2026-01-01", "to", "2026-12-31")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> indicator().current(Map.of("category", "E06%", "from", "2026-01-01", "to", "2026-12-31")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        indicator().current(Map.of("category", "E06001", "from", "2026-12-31", "to", "2026-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_rectification_ledger_offers_the_case_indicator() throws Exception {
        mvc.perform(get("/api/v1/rectification/indicators").header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", hasItem("cases.count-by-category")));
    }

    static long[] counts(String display) {
        String[] parts = display.replaceAll("[^0-9,]", "").split(",");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }
}
