package org.cityops.sanitation.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.cityops.org.StaffMember;
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

/**
 * 垃圾收运 on the demo city: the demo route's vehicle stops at its first stop and the transfer station only; the
 * route's day shows the first visited and the others missed, the missed stops become alerts once (a second check adds
 * nothing), the transfer-station arrival is recorded, and a route with an empty window is refused naming the field.
 */
@IntegrationTest
class CollectionRouteFlowTests {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CollectionRoutes routes;

    /** only the visit observer: the coverage engine must not see this terminal's 2026 positions (another test
     * drives the same demo vehicle on a 2025 day, and the engine skips positions older than a terminal's latest) */
    @Autowired
    VisitRunner visits;

    static List<Position> standing(String terminal, Instant from, int seconds, double lat, double lon) {
        List<Position> out = new ArrayList<>();
        for (int s = 0; s <= seconds; s += 10) {
            out.add(new Position(terminal, from.plusSeconds(s), lat, lon, 0, 0, 0, 3, null, null));
        }
        return out;
    }

    @Test
    void aStopAtTheFirstPointIsAVisitTheOthersAreMissedOnceAndTheTransferArrivalIsRecorded() throws Exception {
        Route route = routes.routes(StaffMember.SYSTEM).stream()
                .filter(r -> r.name().equals("天宁示例收运线路"))
                .findFirst()
                .orElseThrow();
        String terminal = DemoRoadNetwork.terminal(5);
        var first = routes.points(StaffMember.SYSTEM).stream()
                .filter(p -> p.id() == route.stops().get(0).pointId())
                .findFirst()
                .orElseThrow();
        var station = routes.points(StaffMember.SYSTEM).stream()
                .filter(p ->
                        p.id() == route.stops().get(route.stops().size() - 1).pointId())
                .findFirst()
                .orElseThrow();
        List<Position> track = new ArrayList<>();
        Instant at610 = DAY.atTime(6, 10).atZone(CITY).toInstant();
        track.addAll(standing(terminal, at610, 90, first.lat(), first.lon()));
        track.add(new Position(
                terminal, at610.plusSeconds(200), first.lat() + 0.01, first.lon(), 30, 0, 0, 3, null, null));
        track.add(new Position(
                terminal, at610.plusSeconds(210), first.lat() + 0.02, first.lon(), 30, 0, 0, 3, null, null));
        // a 20-second halt at the second point is no visit
        var second = routes.points(StaffMember.SYSTEM).stream()
                .filter(p -> p.id() == route.stops().get(1).pointId())
                .findFirst()
                .orElseThrow();
        Instant at640 = DAY.atTime(6, 40).atZone(CITY).toInstant();
        track.addAll(standing(terminal, at640, 20, second.lat(), second.lon()));
        Instant at830 = DAY.atTime(8, 30).atZone(CITY).toInstant();
        track.addAll(standing(terminal, at830, 120, station.lat(), station.lon()));
        track.add(new Position(
                terminal, at830.plusSeconds(300), station.lat() + 0.02, station.lon(), 30, 0, 0, 3, null, null));
        track.add(new Position(
                terminal, at830.plusSeconds(310), station.lat() + 0.03, station.lon(), 30, 0, 0, 3, null, null));
        visits.onPositions(track);
        visits.onPositions(track); // a replay changes nothing

        List<RouteDayRow> day = routes.day(route.id(), DAY, StaffMember.SYSTEM);
        assertThat(day)
                .extracting(RouteDayRow::status)
                .containsExactly(
                        StopStatus.VISITED,
                        StopStatus.MISSED,
                        StopStatus.MISSED,
                        StopStatus.MISSED,
                        StopStatus.OUTSIDE_WINDOW);
        assertThat(day.get(0).arrivedAt()).isEqualTo(at610);

        assertThat(routes.transferArrivals(DAY, StaffMember.SYSTEM))
                .singleElement()
                .satisfies(a -> assertThat(a.arrivedAt()).isEqualTo(at830));

        mvc.perform(get("/api/v1/sanitation/missed-stops?day=" + DAY)
                        .header("Authorization", Api.bearer(mvc, "sanitation1")))
                .andExpect(status().isOk());
        checkTwice(route);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM san_stop_missed WHERE route_id = :r AND work_day = :d")
                        .param("r", route.id())
                        .param("d", DAY)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        mvc.perform(get("/api/v1/sanitation/routes/" + route.id() + "/day/export?day=" + DAY)
                        .header("Authorization", Api.bearer(mvc, "sanitation1")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .contentTypeCompatibleWith(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        mvc.perform(get("/api/v1/sanitation/routes/" + route.id() + "/day?day=" + DAY)
                        .header("Authorization", Api.bearer(mvc, "sanitation1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].statusLabel").value("已收运"))
                .andExpect(jsonPath("$[1].statusLabel").value("漏收"));
    }

    @Autowired
    MissedStops missedStops;

    @Autowired
    UserDetailsService users;

    private void checkTwice(Route route) {
        missedStops.checkRouteDay(route, DAY);
        missedStops.checkRouteDay(route, DAY);
    }

    @Test
    void aRouteWithAnEmptyTimeWindowIsRefusedNamingTheStop() throws Exception {
        long point = routes.points(StaffMember.SYSTEM).get(0).id();
        mvc.perform(post("/api/v1/sanitation/routes")
                        .header("Authorization", Api.bearer(mvc, "sanitation1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"空窗线路","terminal":"%s","stops":[{"pointId":%d,"from":"07:00","to":"07:00"}]}""".formatted(DemoRoadNetwork.terminal(5), point)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("stops[0].to"));
    }

    @Test
    void aRouteForAVehicleThatIsNoCollectorIsRefused() throws Exception {
        long point = routes.points(StaffMember.SYSTEM).get(0).id();
        mvc.perform(post("/api/v1/sanitation/routes")
                        .header("Authorization", Api.bearer(mvc, "sanitation1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"扫路车线路","terminal":"%s","stops":[{"pointId":%d,"from":"07:00","to":"08:00"}]}""".formatted(DemoRoadNetwork.terminal(0), point)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("terminal"));
    }

    @Test
    void theRoutePagesOpen() throws Exception {
        Route route = routes.routes(StaffMember.SYSTEM).get(0);
        mvc.perform(get("/sanitation/routes").with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk());
        mvc.perform(get("/sanitation/routes/" + route.id() + "?day=" + DAY)
                        .with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk());
    }
}
