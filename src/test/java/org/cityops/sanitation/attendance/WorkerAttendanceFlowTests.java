package org.cityops.sanitation.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.sanitation.demo.DemoRoadNetwork;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.Position;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 作业人员在岗 on the demo city: the demo workers' day shows each status on the sheet (page, API, .xlsx) with phones
 * masked; a worker registered through the API whose device forwards positions over telemetry's HTTP API is on the
 * sheet; bad posts, shifts and workers are refused naming the field, with nothing written.
 */
@IntegrationTest
class WorkerAttendanceFlowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkerPosts posts;

    @Autowired
    Shifts shifts;

    @Autowired
    AttendanceSheet attendance;

    @Autowired
    AttendanceRunner runner;

    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();

    /** the day before the demo was seeded: its shifts are over, with positions */
    LocalDate demoYesterday() {
        Instant first = jdbc.sql("SELECT MIN(fix_time) FROM san_worker_fix WHERE terminal_phone = '13951260001'")
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();
        return first.atZone(CityClock.ZONE).toLocalDate();
    }

    private JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url).header("Authorization", Api.bearer(mvc, "sanitation1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    @Test
    void theDemoWorkersDayShowsOnPostOffPostStillAndNoPositionWithPhonesMasked() throws Exception {
        LocalDate day = demoYesterday();
        JsonNode sheet = getJson("/api/v1/sanitation/attendance?day=" + day);
        Map<String, JsonNode> byName = new HashMap<>();
        sheet.forEach(r -> byName.put(r.get("workerName").asString(), r));
        assertThat(byName.get("张桂英").get("status").asString()).isEqualTo("ON_POST");
        assertThat(byName.get("张桂英").get("onPostMinutes").asLong()).isEqualTo(360);
        assertThat(byName.get("李建国").get("status").asString()).isEqualTo("OFF_POST");
        assertThat(byName.get("李建国").get("outsideMinutes").asLong()).isEqualTo(40);
        assertThat(byName.get("王秀兰").get("status").asString()).isEqualTo("STILL");
        assertThat(byName.get("王秀兰").get("idleMinutes").asLong()).isGreaterThanOrEqualTo(45);
        assertThat(byName.get("赵志强").get("status").asString()).isEqualTo("NO_POSITION");
        assertThat(byName.get("陈美华").get("status").asString()).isEqualTo("ON_POST");
        assertThat(byName.get("张桂英").get("maskedPhone").asString()).isEqualTo("138****0001");
        assertThat(sheet.toString()).doesNotContain("13812340001");

        JsonNode alerts = getJson("/api/v1/sanitation/attendance/alerts?day=" + day);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.get("workerName").asString()).isEqualTo("李建国");
            assertThat(a.get("minutes").asLong()).isEqualTo(40);
        });

        String page = mvc.perform(
                        get("/sanitation/attendance?day=" + day).with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("李建国", "138****0002", "离岗", "滞留", "无定位").doesNotContain("13812340002");
        mvc.perform(get("/api/v1/sanitation/attendance/export?day=" + day)
                        .header("Authorization", Api.bearer(mvc, "sanitation1")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .contentTypeCompatibleWith(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    static String strip(DemoRoadNetwork.DemoSegment s) {
        double h = 0.00027;
        return String.format(
                Locale.ROOT,
                "POLYGON ((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))",
                s.lon1(),
                s.lat1() - h,
                s.lon2(),
                s.lat1() - h,
                s.lon2(),
                s.lat1() + h,
                s.lon1(),
                s.lat1() + h,
                s.lon1(),
                s.lat1() - h);
    }

    private long create(String url, String body) throws Exception {
        String out = mvc.perform(post(url)
                        .header("Authorization", Api.bearer(mvc, "sanitation1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(out).get("id").asLong();
    }

    @Test
    void aWorkersDeviceForwardingPositionsOverHttpIsAcceptedAndPutsTheWorkerOnTheSheet() throws Exception {
        DemoRoadNetwork.DemoSegment road = DemoRoadNetwork.segments().stream()
                .filter(s -> s.code().equals("DL-320402-EW2-1"))
                .findFirst()
                .orElseThrow();
        long postId = create("/api/v1/sanitation/posts", """
                {"code":"GW-T-1","name":"测试保洁岗","wkt":"%s","section":"天宁第一标段"}""".formatted(strip(road)));
        long shiftId = create("/api/v1/sanitation/shifts", """
                {"name":"测试早班","start":"06:00","end":"08:00","days":"EVERY_DAY"}""");
        create("/api/v1/sanitation/workers", """
                {"name":"测试工","phone":"13900001111","terminal":"13951269001","postId":%d,"shiftId":%d}""".formatted(postId, shiftId));

        LocalDate day = LocalDate.now(CityClock.ZONE).minusDays(2);
        Instant six = day.atTime(6, 0).atZone(CityClock.ZONE).toInstant();
        List<Position> track = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        for (int m = 0; m < 120; m += 2) {
            double lon = road.lon1() + (road.lon2() - road.lon1()) * (0.1 + 0.8 * ((m % 40) / 40.0));
            Instant t = six.plusSeconds(60L * m);
            track.add(new Position("13951269001", t, road.lat1(), lon, 4, 90, 0, 0, null, null));
            body.append(body.length() > 1 ? "," : "")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"terminal\":\"13951269001\",\"time\":\"%s\",\"lat\":%.7f,\"lon\":%.7f}",
                            t,
                            road.lat1(),
                            lon));
        }
        body.append("]");
        mvc.perform(post("/api/v1/telemetry/positions")
                        .header("X-Api-Key", "cityops-demo-telemetry-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(60));
        // the observer runs after the telemetry commit, on the writer's thread; feed it again (a replay is ignored)
        runner.onPositions(track);
        runner.onPositions(track);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM san_worker_fix WHERE terminal_phone = '13951269001'")
                        .query(Long.class)
                        .single())
                .isEqualTo(60);

        SheetRow row = attendance.sheet(day, StaffMember.SYSTEM).stream()
                .filter(r -> r.terminal().equals("13951269001"))
                .findFirst()
                .orElseThrow();
        assertThat(row.status()).isEqualTo(SheetStatus.ON_POST);
        assertThat(row.onPostMinutes()).isEqualTo(120);
        assertThat(row.onPostRate()).isEqualTo(100.0);

        mvc.perform(post("/api/v1/telemetry/positions")
                        .header("X-Api-Key", "cityops-demo-telemetry-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.toString().replace("13951269001", "13951269999")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSelfCrossingPostAnEmptyShiftAndAVehiclesTerminalAreRefusedNamingTheFieldWithNothingWritten()
            throws Exception {
        long before =
                jdbc.sql("SELECT COUNT(*) FROM san_post").query(Long.class).single();
        DemoRoadNetwork.DemoSegment road = DemoRoadNetwork.segments().get(0);
        String bowTie = String.format(
                Locale.ROOT,
                "POLYGON ((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))",
                road.lon1(),
                road.lat1(),
                road.lon2(),
                road.lat1() + 0.0003,
                road.lon2(),
                road.lat1(),
                road.lon1(),
                road.lat1() + 0.0003,
                road.lon1(),
                road.lat1());
        mvc.perform(post("/api/v1/sanitation/posts")
                        .header("Authorization", Api.bearer(mvc, "sanitation1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"GW-BAD","name":"自相交","wkt":"%s"}""".formatted(bowTie)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("wkt"));
        mvc.perform(post("/api/v1/sanitation/shifts")
                        .header("Authorization", Api.bearer(mvc, "sanitation1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"空班次","start":"11:00","end":"05:00","days":"WORKING_DAYS"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("end"));
        Post post = posts.posts(StaffMember.SYSTEM).get(0);
        Shift shift = shifts.shifts().get(0);
        mvc.perform(post("/api/v1/sanitation/workers")
                        .header("Authorization", Api.bearer(mvc, "sanitation1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"重号","terminal":"%s","postId":%d,"shiftId":%d}""".formatted(DemoRoadNetwork.terminal(0), post.id(), shift.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("terminal"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM san_post").query(Long.class).single())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM san_shift WHERE name = '空班次'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
