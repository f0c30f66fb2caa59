package org.cityops.sanitation.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.VehicleType;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.Position;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The route editor (收运线路编辑): a supervisor creates a route of ordered stops with windows and reorders it; a
 * route with an empty window is shown again naming the stop, nothing saved; a day on which the truck took the stops
 * in another order flags the stop taken out of order.
 */
@IntegrationTest
class RouteEditorTests {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 4, 6);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CollectionRoutes routes;

    @Autowired
    VisitRunner visits;

    @Autowired
    UserDetailsService users;

    @Autowired
    Fleet fleet;

    /** a collection vehicle of this test's own (the demo one's positions belong to CollectionRouteFlowTests) */
    static final String TRUCK = "13951249901";

    synchronized String truck() {
        if (fleet.inService().stream().noneMatch(v -> v.terminal().equals(TRUCK))) {
            fleet.register(
                    "苏D·T9901", 2, TRUCK, VehicleType.COLLECTOR, 20, "常州洁城环境服务有限公司", "320402", StaffMember.SYSTEM);
        }
        return TRUCK;
    }

    private MockHttpServletRequestBuilder save(String name) {
        return post("/sanitation/routes/save")
                .with(user(users.loadUserByUsername("sanitation1")))
                .with(csrf())
                .param("name", name)
                .param("terminal", truck());
    }

    @Test
    void theSupervisorCreatesARouteAndReordersItAndAnEmptyWindowIsShownAgainNamingTheStop() throws Exception {
        List<CollectionPoint> points = routes.points(StaffMember.SYSTEM);
        long a = points.get(0).id();
        long b = points.get(1).id();
        mvc.perform(get("/sanitation/routes/new").with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("stops-editor")));

        long before =
                jdbc.sql("SELECT COUNT(*) FROM san_route").query(Long.class).single();
        mvc.perform(save("空窗线路")
                        .param("pointId", String.valueOf(a), String.valueOf(b))
                        .param("from", "07:00", "08:00")
                        .param("to", "07:30", "08:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("stops[1].to")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("空窗线路")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM san_route").query(Long.class).single())
                .isEqualTo(before);

        String location = mvc.perform(save("编辑器线路")
                        .param("pointId", String.valueOf(a), String.valueOf(b))
                        .param("from", "07:00", "07:30")
                        .param("to", "07:30", "08:00"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(routes.route(id, StaffMember.SYSTEM).stops())
                .extracting(Route.RouteStop::pointId)
                .containsExactly(a, b);

        mvc.perform(get("/sanitation/routes/" + id + "/edit").with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk());
        mvc.perform(save("编辑器线路")
                        .param("id", String.valueOf(id))
                        .param("pointId", String.valueOf(b), String.valueOf(a))
                        .param("from", "07:00", "07:30")
                        .param("to", "07:30", "08:00"))
                .andExpect(status().is3xxRedirection());
        assertThat(routes.route(id, StaffMember.SYSTEM).stops())
                .extracting(Route.RouteStop::pointId)
                .containsExactly(b, a);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'SAN_ROUTE' AND entity_id = :id "
                                + "AND action = 'UPDATE'")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRouteDayTakenInAnotherOrderFlagsTheStopTakenOutOfOrder() {
        String terminal = truck();
        List<CollectionPoint> all = routes.points(StaffMember.SYSTEM);
        Route route = routes.createRoute(
                "顺序检查线路",
                terminal,
                List.of(
                        new CollectionRoutes.StopDraft(all.get(0).id(), "06:00", "06:30"),
                        new CollectionRoutes.StopDraft(all.get(1).id(), "06:30", "07:00"),
                        new CollectionRoutes.StopDraft(all.get(2).id(), "07:00", "07:30")),
                StaffMember.SYSTEM);
        // stop 2 taken at 06:10 (before its window), then stop 1 at 06:12 and stop 3 at 07:10
        List<Position> track = new ArrayList<>();
        int[] order = {1, 0, 2};
        int[] minutes = {6 * 60 + 10, 6 * 60 + 12, 7 * 60 + 10};
        for (int k = 0; k < 3; k++) {
            long pointId = route.stops().get(order[k]).pointId();
            CollectionPoint p =
                    all.stream().filter(x -> x.id() == pointId).findFirst().orElseThrow();
            Instant at = DAY.atStartOfDay(CITY).toInstant().plusSeconds(60L * minutes[k]);
            for (int s = 0; s <= 90; s += 10) {
                track.add(new Position(terminal, at.plusSeconds(s), p.lat(), p.lon(), 0, 0, 0, 3, null, null));
            }
            track.add(new Position(terminal, at.plusSeconds(100), p.lat() + 0.01, p.lon(), 30, 0, 0, 3, null, null));
            track.add(new Position(terminal, at.plusSeconds(110), p.lat() + 0.02, p.lon(), 30, 0, 0, 3, null, null));
        }
        visits.onPositions(track);
        List<RouteDayRow> day = routes.day(route.id(), DAY, StaffMember.SYSTEM);
        assertThat(day)
                .extracting(RouteDayRow::status)
                .containsExactly(StopStatus.VISITED, StopStatus.OUTSIDE_WINDOW, StopStatus.VISITED);
        assertThat(day).extracting(RouteDayRow::outOfOrder).containsExactly(false, true, false);
    }
}
