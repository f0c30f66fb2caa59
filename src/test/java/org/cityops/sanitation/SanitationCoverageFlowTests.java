package org.cityops.sanitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityops.sanitation.demo.DemoRoadNetwork;
import org.cityops.sanitation.live.CoverageRunner;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.TerminalDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The ledger's bad input, the terminal rule, and positions → passes → the day's coverage, on the demo city. */
@IntegrationTest
class SanitationCoverageFlowTests {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CoverageRunner runner;

    @Autowired
    List<TerminalDirectory> directories;

    @Test
    void aGeoJsonImportWithBadRowsNamesRowAndFieldAndImportsNothing() throws Exception {
        var seg = DemoRoadNetwork.segments().get(0);
        String good = "[[%s,%s],[%s,%s]]".formatted(seg.lon1(), seg.lat1() - 0.0003, seg.lon2(), seg.lat2() - 0.0003);
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"IMP-OK-1","name":"导入测试路","grade":"二级","widthM":10},
                  "geometry":{"type":"LineString","coordinates":%s}},
                 {"type":"Feature","properties":{"code":"IMP-BAD-2","name":"单点路","grade":"二级","widthM":10},
                  "geometry":{"type":"LineString","coordinates":[[119.95,31.78]]}},
                 {"type":"Feature","properties":{"code":"IMP-BAD-3","name":"上海的路","grade":"五级","widthM":10},
                  "geometry":{"type":"LineString","coordinates":[[121.47,31.23],[121.48,31.23]]}},
                 {"type":"Feature","properties":{"code":"IMP-BAD-4","name":"自交路","grade":"一级","widthM":10},
                  "geometry":{"type":"LineString","coordinates":[[%s,%s],[%s,%s],[%s,%s],[%s,%s]]}}]}""".formatted(
                        good,
                        seg.lon1(),
                        seg.lat1(),
                        seg.lon2(),
                        seg.lat1() + 0.002,
                        seg.lon2(),
                        seg.lat1(),
                        seg.lon1(),
                        seg.lat1() + 0.002);
        mvc.perform(multipart("/api/v1/sanitation/segments/import")
                        .file(new MockMultipartFile(
                                "file", "roads.geojson", "application/geo+json", json.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", Api.bearer(mvc, "sanitation1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(
                        jsonPath("$.errors[?(@.row == 2 && @.field == 'wkt')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'grade')]")
                        .exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 3 && @.field == 'wkt')]").exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 4 && @.field == 'wkt')]").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM san_segment WHERE code LIKE 'IMP-%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPlanWithAnEmptyTimeWindowIsRefusedNamingTheField() throws Exception {
        long segmentId = segmentId("DL-320404-EW1-1");
        mvc.perform(post("/api/v1/sanitation/plans")
                        .header("Authorization", Api.bearer(mvc, "sanitation1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"空时段计划","passesPerDay":1,"windows":"08:00-08:00","minSpeedKmh":3,
                                 "maxSpeedKmh":15,"segmentIds":[%d]}""".formatted(segmentId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("windows"));
    }

    @Test
    void onlyRegisteredSanitationVehiclesAreKnownToTheGateway() {
        assertThat(directories)
                .anyMatch(d -> d.find(DemoRoadNetwork.terminal(0)).isPresent());
        assertThat(directories).noneMatch(d -> d.find("13951249999").isPresent());
    }

    @Test
    void aSweeperDrivingASegmentWithTheBrushOnCoversItOnceAndAReplayChangesNothing() throws Exception {
        var seg = DemoRoadNetwork.segment("DL-320402-EW1-1");
        LocalDate day = LocalDate.of(2026, 3, 2);
        Instant start = day.atTime(9, 0).atZone(CITY).toInstant();
        List<Position> drive = drive(DemoRoadNetwork.terminal(0), seg, start);
        runner.onPositions(drive);
        runner.flushAll();
        String body = mvc.perform(get("/api/v1/sanitation/coverage?day=" + day)
                        .header("Authorization", Api.bearer(mvc, "sanitation1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> rows = JsonPath.read(body, "$[?(@.code == 'DL-320402-EW1-1')]");
        assertThat(rows).hasSize(1);
        assertThat(((Number) rows.get(0).get("coverage")).doubleValue()).isGreaterThan(0.95);
        assertThat(rows.get(0).get("status")).isEqualTo("DONE");
        long passes = passCount(day);
        runner.onPositions(drive);
        runner.flushAll();
        assertThat(passCount(day)).isEqualTo(passes);
        List<Map<String, Object>> others = JsonPath.read(body, "$[?(@.code == 'DL-320402-EW1-3')]");
        assertThat(others.get(0).get("status")).isEqualTo("MISSED");
        mvc.perform(get("/api/v1/sanitation/segments/" + segmentId("DL-320402-EW1-1") + "/passes?day=" + day)
                        .header("Authorization", Api.bearer(mvc, "sanitation1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].plate").value(DemoRoadNetwork.plate(0)));
    }

    @Test
    void aMuckSupervisorMayNotReadTheSanitationLedger() throws Exception {
        mvc.perform(get("/api/v1/sanitation/segments").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isForbidden());
    }

    long segmentId(String code) {
        return jdbc.sql("SELECT id FROM san_segment WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    long passCount(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM san_pass WHERE work_day = :d")
                .param("d", day)
                .query(Long.class)
                .single();
    }

    /** East along the segment at 8 km/h, a report every 5 s, brush on. */
    static List<Position> drive(String terminal, DemoRoadNetwork.DemoSegment s, Instant start) {
        List<Position> out = new ArrayList<>();
        int n = 40;
        for (int i = 0; i <= n; i++) {
            double f = i / (double) n;
            out.add(new Position(
                    terminal,
                    start.plusSeconds(5L * i),
                    s.lat1() + f * (s.lat2() - s.lat1()),
                    s.lon1() + f * (s.lon2() - s.lon1()),
                    8,
                    90,
                    0,
                    0b11L | 1L << DemoRoadNetwork.WORK_BIT,
                    null,
                    null));
        }
        return out;
    }
}
