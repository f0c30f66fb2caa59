package org.cityops.sanitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.attendance.Post;
import org.cityops.sanitation.attendance.WorkerPosts;
import org.cityops.sanitation.collection.CollectionPoint;
import org.cityops.sanitation.collection.CollectionRoutes;
import org.cityops.sanitation.ledger.Segment;
import org.cityops.sanitation.ledger.Segments;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The 环卫台账 pages: for each form (post, worker, vehicle, plan, collection point) a good save is stored and
 * audited, a bad one is shown again naming the refused field in Chinese with nothing saved, and a supervisor of
 * another district (钟楼) cannot put or change anything in 天宁.
 */
@IntegrationTest
class RegisterPagesTests {

    static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 10_000));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    WorkerPosts posts;

    @Autowired
    Segments segments;

    @Autowired
    CollectionRoutes routes;

    static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    MockHttpServletRequestBuilder save(String who, String kind) {
        return post("/sanitation/registers/" + kind + "/save")
                .with(user(users.loadUserByUsername(who)))
                .with(csrf());
    }

    /** a sanitation supervisor whose data scope is 钟楼区 (320404) */
    synchronized String zhonglouSupervisor() throws Exception {
        String name = "san-zhonglou";
        if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
                        .param("u", name)
                        .query(Long.class)
                        .single()
                == 0) {
            mvc.perform(post("/api/v1/org/users")
                            .header("Authorization", Api.bearer(mvc, "admin"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + name + "\",\"password\":\"zhonglou-pass-1\","
                                    + "\"displayName\":\"钟楼区环卫监管员\",\"roles\":[\"SANITATION_SUPERVISOR\"],"
                                    + "\"scope\":\"DISTRICT\",\"orgUnitCode\":\"320404\"}"))
                    .andExpect(status().isCreated());
        }
        return name;
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    long audits(String type, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = :t AND action = :a")
                .param("t", type)
                .param("a", action)
                .query(Long.class)
                .single();
    }

    Post tianningPost() {
        return posts.posts(StaffMember.SYSTEM).stream()
                .filter(p -> p.districtCode().equals("320402"))
                .findFirst()
                .orElseThrow();
    }

    Segment tianningSegment() {
        // the last by code: the coverage tests drive the first ones (DL-320402-EW1-…), and a plan saved here on
        // their segment would ask them for passes they do not drive
        return segments.all().stream()
                .filter(s -> s.districtCode().equals("320402"))
                .max(java.util.Comparator.comparing(Segment::code))
                .orElseThrow();
    }

    static long idOf(String redirect) {
        String s = redirect.substring(redirect.indexOf("saved=") + 6, redirect.indexOf('#'));
        return Long.parseLong(s.substring(s.indexOf('-') + 1));
    }

    @Test
    void theRegistersPageListsEveryKindForTheSupervisorAndIsClosedToTheLeader() throws Exception {
        mvc.perform(get("/sanitation/registers").with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("posts-table")))
                .andExpect(content().string(containsString("workers-table")))
                .andExpect(content().string(containsString("vehicles-table")))
                .andExpect(content().string(containsString("plans-table")))
                .andExpect(content().string(containsString("points-table")))
                .andExpect(content().string(containsString("扫路车")))
                .andExpect(content().string(not(containsString(">SWEEPER<"))));
        mvc.perform(get("/sanitation/registers").with(user(users.loadUserByUsername("leader1"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPostDrawnOnTheMapIsSavedAndChangedWithBeforeAndAfterAuditedAndACrossingPolygonIsRefusedNamingTheArea()
            throws Exception {
        Post demo = tianningPost();
        String code = unique("GW-T");
        String location = mvc.perform(save("sanitation1", "posts")
                        .param("code", code)
                        .param("name", "测试岗位")
                        .param("wkt", demo.wkt())
                        .param("section", "一标段")
                        .param("segmentIds", String.valueOf(tianningSegment().id())))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = idOf(location);
        assertThat(posts.post(id, StaffMember.SYSTEM).segmentIds())
                .containsExactly(tianningSegment().id());

        mvc.perform(get("/sanitation/registers/posts/" + id + "/edit")
                        .with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("register-map")))
                .andExpect(content().string(containsString(code)));
        mvc.perform(save("sanitation1", "posts")
                        .param("id", String.valueOf(id))
                        .param("code", code)
                        .param("name", "改名岗位")
                        .param("wkt", demo.wkt()))
                .andExpect(status().is3xxRedirection());
        assertThat(posts.post(id, StaffMember.SYSTEM).name()).isEqualTo("改名岗位");
        assertThat(posts.post(id, StaffMember.SYSTEM).segmentIds()).isEmpty();
        String[] audit = jdbc.sql(
                        "SELECT before_summary, after_summary FROM audit_entry WHERE entity_type = 'SAN_POST' "
                                + "AND entity_id = :id AND action = 'UPDATE'")
                .param("id", String.valueOf(id))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        assertThat(audit[0]).contains("测试岗位");
        assertThat(audit[1]).contains("改名岗位");

        long before = count("san_post");
        mvc.perform(save("sanitation1", "posts")
                        .param("code", unique("GW-X"))
                        .param("name", "自相交岗位")
                        .param(
                                "wkt",
                                "POLYGON((119.97 31.78, 119.98 31.79, 119.98 31.78, 119.97 31.79, 119.97 31.78))"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"register-error-field\">岗位范围<")))
                .andExpect(content().string(containsString("自相交岗位")));
        assertThat(count("san_post")).isEqualTo(before);
    }

    @Test
    void aSupervisorOfAnotherDistrictCanNeitherDrawAPostInTianningNorOpenOne() throws Exception {
        String zhonglou = zhonglouSupervisor();
        long before = count("san_post");
        mvc.perform(save(zhonglou, "posts")
                        .param("code", unique("GW-Z"))
                        .param("name", "越界岗位")
                        .param("wkt", tianningPost().wkt()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">岗位范围<")))
                .andExpect(content().string(containsString("不在您的管辖范围内")));
        assertThat(count("san_post")).isEqualTo(before);
        mvc.perform(get("/sanitation/registers/posts/" + tianningPost().id() + "/edit")
                        .with(user(users.loadUserByUsername(zhonglou))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aWorkerIsSavedWithTheDeviceAndAnEditWithoutAPhoneKeepsTheNumberWhileABadPhoneIsRefusedNamingIt()
            throws Exception {
        Post post = tianningPost();
        long shift = posts.shifts().get(0).id();
        String terminal = "1395127" + (1000 + SEQ.incrementAndGet() % 9000);
        String location = mvc.perform(save("sanitation1", "workers")
                        .param("name", "孙测试")
                        .param("phone", "13800001234")
                        .param("terminal", terminal)
                        .param("postId", String.valueOf(post.id()))
                        .param("shiftId", String.valueOf(shift)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = idOf(location);
        mvc.perform(get("/sanitation/registers/workers/" + id + "/edit")
                        .with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("138****1234")))
                .andExpect(content().string(not(containsString("13800001234"))));
        mvc.perform(save("sanitation1", "workers")
                        .param("id", String.valueOf(id))
                        .param("name", "孙改名")
                        .param("phone", "")
                        .param("terminal", terminal)
                        .param("postId", String.valueOf(post.id()))
                        .param("shiftId", String.valueOf(shift)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT phone FROM san_worker WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("13800001234");
        assertThat(jdbc.sql("SELECT active FROM san_worker WHERE id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .as("the box unticked: out of use")
                .isFalse();
        assertThat(jdbc.sql("SELECT before_summary || ' ' || after_summary FROM audit_entry "
                                + "WHERE entity_type = 'SAN_WORKER' AND entity_id = :id AND action = 'UPDATE'")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .single())
                .contains("孙测试", "孙改名")
                .doesNotContain("13800001234");

        long before = count("san_worker");
        mvc.perform(save("sanitation1", "workers")
                        .param("name", "错号码")
                        .param("phone", "12ab")
                        .param("terminal", "1395127" + (1000 + SEQ.incrementAndGet() % 9000))
                        .param("postId", String.valueOf(post.id()))
                        .param("shiftId", String.valueOf(shift)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"register-error-field\">电话<")));
        assertThat(count("san_worker")).isEqualTo(before);

        mvc.perform(save(zhonglouSupervisor(), "workers")
                        .param("name", "越界人员")
                        .param("terminal", "1395127" + (1000 + SEQ.incrementAndGet() % 9000))
                        .param("postId", String.valueOf(post.id()))
                        .param("shiftId", String.valueOf(shift)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"register-error-field\">岗位<")));
        assertThat(count("san_worker")).isEqualTo(before);
    }

    @Test
    void aVehicleIsRegisteredAndTakenOutOfServiceAndABadWorkBitOrAnotherDistrictIsRefusedNamingTheField()
            throws Exception {
        String terminal = "1395128" + (1000 + SEQ.incrementAndGet() % 9000);
        String location = mvc.perform(save("sanitation1", "vehicles")
                        .param("plate", "苏D·S" + SEQ.incrementAndGet())
                        .param("plateColor", "2")
                        .param("type", "WASHER_SWEEPER")
                        .param("terminal", terminal)
                        .param("workBit", "20")
                        .param("company", "测试环境公司")
                        .param("districtCode", "320402"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = idOf(location);
        mvc.perform(save("sanitation1", "vehicles")
                        .param("id", String.valueOf(id))
                        .param("plate", "苏D·S改")
                        .param("plateColor", "2")
                        .param("type", "WASHER_SWEEPER")
                        .param("terminal", terminal)
                        .param("workBit", "21")
                        .param("districtCode", "320402")
                        .param("status", "INACTIVE"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status FROM san_vehicle WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("INACTIVE");
        assertThat(audits("SAN_VEHICLE", "UPDATE")).isPositive();

        long before = count("san_vehicle");
        mvc.perform(save("sanitation1", "vehicles")
                        .param("plate", "苏D·S坏")
                        .param("plateColor", "2")
                        .param("type", "SWEEPER")
                        .param("terminal", "1395128" + (1000 + SEQ.incrementAndGet() % 9000))
                        .param("workBit", "40")
                        .param("districtCode", "320402"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"register-error-field\">作业状态位<")));
        mvc.perform(save(zhonglouSupervisor(), "vehicles")
                        .param("plate", "苏D·S越")
                        .param("plateColor", "2")
                        .param("type", "SWEEPER")
                        .param("terminal", "1395128" + (1000 + SEQ.incrementAndGet() % 9000))
                        .param("workBit", "20")
                        .param("districtCode", "320402"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"register-error-field\">所属区<")));
        assertThat(count("san_vehicle")).isEqualTo(before);
    }

    @Test
    void aPlanIsSavedWithItsSegmentsAndAReversedWindowOrAnotherDistrictsSegmentIsRefusedNamingTheField()
            throws Exception {
        long segment = tianningSegment().id();
        String location = mvc.perform(save("sanitation1", "plans")
                        .param("name", unique("测试计划"))
                        .param("passesPerDay", "2")
                        .param("windows", "05:00-08:00;14:00-16:00")
                        .param("minSpeedKmh", "3")
                        .param("maxSpeedKmh", "12")
                        .param("segmentIds", String.valueOf(segment)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = idOf(location);
        mvc.perform(save("sanitation1", "plans")
                        .param("id", String.valueOf(id))
                        .param("name", "改过的计划")
                        .param("passesPerDay", "1")
                        .param("windows", "05:00-08:00")
                        .param("minSpeedKmh", "3")
                        .param("maxSpeedKmh", "12")
                        .param("active", "true")
                        .param("segmentIds", String.valueOf(segment)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT passes_per_day FROM san_plan WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        long before = count("san_plan");
        mvc.perform(save("sanitation1", "plans")
                        .param("name", "倒序时段")
                        .param("passesPerDay", "1")
                        .param("windows", "08:00-07:00")
                        .param("minSpeedKmh", "3")
                        .param("maxSpeedKmh", "12")
                        .param("segmentIds", String.valueOf(segment)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"register-error-field\">作业时段<")));
        mvc.perform(save(zhonglouSupervisor(), "plans")
                        .param("name", "越界计划")
                        .param("passesPerDay", "1")
                        .param("windows", "05:00-08:00")
                        .param("minSpeedKmh", "3")
                        .param("maxSpeedKmh", "12")
                        .param("segmentIds", String.valueOf(segment)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"register-error-field\">路段<")));
        assertThat(count("san_plan")).isEqualTo(before);
    }

    @Test
    void aCollectionPointIsPlacedAndMovedAndALatitudeThatIsNoNumberOrInAnotherDistrictIsRefusedNamingIt()
            throws Exception {
        CollectionPoint demo = routes.points(StaffMember.SYSTEM).stream()
                .filter(p -> p.districtCode().equals("320402"))
                .findFirst()
                .orElseThrow();
        String location = mvc.perform(save("sanitation1", "points")
                        .param("code", unique("SJD-T"))
                        .param("name", "测试地埋桶")
                        .param("kind", "BIN")
                        .param("lat", String.valueOf(demo.lat() + 0.0002))
                        .param("lon", String.valueOf(demo.lon())))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = idOf(location);
        CollectionPoint saved = routes.point(id, StaffMember.SYSTEM);
        mvc.perform(save("sanitation1", "points")
                        .param("id", String.valueOf(id))
                        .param("code", saved.code())
                        .param("name", "移过的地埋桶")
                        .param("kind", "TRANSFER_STATION")
                        .param("lat", String.valueOf(demo.lat() + 0.0003))
                        .param("lon", String.valueOf(demo.lon())))
                .andExpect(status().is3xxRedirection());
        assertThat(routes.point(id, StaffMember.SYSTEM).kindLabel()).isEqualTo("转运站");
        assertThat(audits("SAN_POINT", "UPDATE")).isPositive();

        long before = count("san_point");
        mvc.perform(save("sanitation1", "points")
                        .param("code", unique("SJD-X"))
                        .param("name", "无坐标")
                        .param("kind", "BIN")
                        .param("lat", "abc")
                        .param("lon", "119.95"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"register-error-field\">纬度<")));
        mvc.perform(save(zhonglouSupervisor(), "points")
                        .param("code", unique("SJD-Z"))
                        .param("name", "越界地埋桶")
                        .param("kind", "BIN")
                        .param("lat", String.valueOf(demo.lat()))
                        .param("lon", String.valueOf(demo.lon())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不在您的管辖范围内")));
        assertThat(count("san_point")).isEqualTo(before);
    }
}
