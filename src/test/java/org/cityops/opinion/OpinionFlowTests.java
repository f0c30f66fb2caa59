package org.cityops.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.NoticeRecord;
import org.cityops.notify.Notifications;
import org.cityops.opinion.feed.FeedConfig;
import org.cityops.opinion.feed.FeedPoller;
import org.cityops.opinion.item.OpinionItems;
import org.cityops.org.OrgDirectory;
import org.cityops.platform.AdjustableClock;
import org.cityops.platform.CityClock;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.support.OoxmlCheck;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** 网络舆情 on the demo city: entering, scope, forwarding and replies, overdue escalation, 12319, feeds, report. */
@IntegrationTest
class OpinionFlowTests {

    /** Inside 天宁区's first demo grid. */
    static final double LAT = 31.80715;

    static final double LON = 119.93837;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrgDirectory directory;

    @Autowired
    OpinionItems items;

    @Autowired
    FeedPoller poller;

    @Autowired
    Notifications notifications;

    @Autowired
    AdjustableClock clock;

    long create(String user, String title, boolean located) throws Exception {
        String body = """
                {"title":"%s","source":"WEIBO","url":"https://weibo.example.test/1","summary":"测试摘要",
                 "place":"天宁区青龙街道","level":"MAJOR"%s}""".formatted(title, located ? ",\"lat\":" + LAT + ",\"lon\":" + LON : "");
        String res = mvc.perform(post("/api/v1/opinion/items")
                        .header("Authorization", Api.bearer(mvc, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.statusLabel").value("待研判"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(res, "$.id")).longValue();
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    long tianning() {
        return directory.departmentByCode("QCGJ-320402").orElseThrow().id();
    }

    String forward(long id, long department, LocalDateTime due) throws Exception {
        return mvc.perform(post("/api/v1/opinion/items/" + id + "/forward")
                        .header("Authorization", Api.bearer(mvc, "shiftlead1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"departmentId\":%d,\"replyDueAt\":\"%s\",\"note\":\"请核实\"}"
                                .formatted(department, due)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    LocalDateTime inCity(Duration fromNow) {
        return LocalDateTime.ofInstant(clock.instant().plus(fromNow), CityClock.ZONE)
                .withSecond(0)
                .withNano(0);
    }

    @Test
    void an_item_without_a_title_or_with_a_bad_link_or_outside_the_city_is_refused_naming_the_field() throws Exception {
        String token = Api.bearer(mvc, "shiftlead1");
        mvc.perform(post("/api/v1/opinion/items")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"source\":\"WEIBO\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("title"));
        mvc.perform(post("/api/v1/opinion/items")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"标题\",\"source\":\"WEIBO\",\"url\":\"javascript:alert(1)\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("url"));
        mvc.perform(post("/api/v1/opinion/items")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"标题\",\"source\":\"WEIBO\",\"lat\":31.2304,\"lon\":121.4737}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lat"));
    }

    @Test
    void only_duty_officers_enter_items_and_a_handler_cannot_open_the_list() throws Exception {
        mvc.perform(post("/api/v1/opinion/items")
                        .header("Authorization", Api.bearer(mvc, "handler-tianning"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"标题\",\"source\":\"WEIBO\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/opinion/items")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"标题\",\"source\":\"WEIBO\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_dismissal_needs_its_reason_and_ends_the_triage() throws Exception {
        long id = create("operator1", "排除测试 " + UUID.randomUUID(), false);
        String token = Api.bearer(mvc, "operator1");
        mvc.perform(post("/api/v1/opinion/items/" + id + "/dismiss")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post("/api/v1/opinion/items/" + id + "/dismiss")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"外地旧闻\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.dismissReason").value("外地旧闻"));
        mvc.perform(post("/api/v1/opinion/items/" + id + "/forward")
                        .header("Authorization", token)
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"departmentId\":%d,\"replyDueAt\":\"%s\"}"
                                .formatted(tianning(), inCity(Duration.ofDays(1)))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("已排除")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'OP_ITEM' AND entity_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void a_forwarded_item_is_seen_and_answered_by_its_unit_only_and_the_unit_is_told() throws Exception {
        String title = "转办测试 " + UUID.randomUUID();
        long id = create("shiftlead1", title, false);
        String res = forward(id, tianning(), inCity(Duration.ofDays(1)));
        assertThat((String) JsonPath.read(res, "$.status")).isEqualTo("FORWARDED");
        List<NoticeRecord> told = notifications.ofEvent(jdbc.sql("SELECT forwarded_at FROM op_item WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> "opinion-forwarded:" + id + ":"
                        + rs.getObject(1, java.time.OffsetDateTime.class)
                                .toInstant()
                                .toEpochMilli())
                .single());
        assertThat(told).isNotEmpty();
        assertThat(told).allSatisfy(r -> assertThat(r.kind()).isEqualTo(NoticeKind.OPINION_FORWARDED));

        String tn = Api.bearer(mvc, "handler-tianning");
        mvc.perform(get("/api/v1/opinion/items").header("Authorization", tn))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").exists())
                .andExpect(jsonPath("$[?(@.status == 'NEW')]").doesNotExist());
        String other = Api.bearer(mvc, "handler-zhonglou");
        mvc.perform(get("/api/v1/opinion/items/" + id).header("Authorization", other))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/opinion/items").header("Authorization", other))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").doesNotExist());
        mvc.perform(post("/api/v1/opinion/items/" + id + "/reply")
                        .header("Authorization", other)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reply\":\"不是我们的\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/opinion/items/" + id + "/reply")
                        .header("Authorization", tn)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reply\":\"已现场核实并处理\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPLIED"))
                .andExpect(jsonPath("$.reply").value("已现场核实并处理"));
        mvc.perform(get("/opinion/replies").session(login("handler-tianning")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(title)));
    }

    @Test
    void a_deadline_in_the_past_or_too_far_ahead_is_refused() throws Exception {
        long id = create("shiftlead1", "期限测试 " + UUID.randomUUID(), false);
        mvc.perform(post("/api/v1/opinion/items/" + id + "/forward")
                        .header("Authorization", Api.bearer(mvc, "shiftlead1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"departmentId\":%d,\"replyDueAt\":\"%s\"}"
                                .formatted(tianning(), inCity(Duration.ofHours(-1)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("replyDueAt"));
        mvc.perform(post("/api/v1/opinion/items/" + id + "/forward")
                        .header("Authorization", Api.bearer(mvc, "shiftlead1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"departmentId\":%d,\"replyDueAt\":\"%s\"}"
                                .formatted(tianning(), inCity(Duration.ofDays(40)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("replyDueAt"));
    }

    @Test
    void a_reply_deadline_passed_escalates_once_telling_the_unit_and_the_leader_on_duty() throws Exception {
        long id = create("shiftlead1", "超期测试 " + UUID.randomUUID(), false);
        forward(id, tianning(), inCity(Duration.ofHours(1)));
        LocalDate today = LocalDate.ofInstant(clock.instant(), CityClock.ZONE);
        mvc.perform(put("/api/v1/opinion/duty/" + today)
                        .header("Authorization", Api.bearer(mvc, "shiftlead1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"officers\":[\"shiftlead1\"],\"leader\":\"leader1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leader.username").value("leader1"));
        Instant forwardedAt = jdbc.sql("SELECT forwarded_at FROM op_item WHERE id = :id")
                .param("id", id)
                .query((rs, n) ->
                        rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
                .single();
        boolean wasStopped = clock.isStopped();
        Instant now = clock.instant();
        try {
            clock.stopAt(now.plus(Duration.ofHours(2)));
            items.escalateOverdue();
            assertThat(items.escalateOverdue()).as("once per episode").isZero();
        } finally {
            if (wasStopped) {
                clock.stopAt(now);
            } else {
                clock.release();
            }
        }
        mvc.perform(get("/api/v1/opinion/items/" + id).header("Authorization", Api.bearer(mvc, "shiftlead1")))
                .andExpect(jsonPath("$.status").value("OVERDUE"))
                .andExpect(jsonPath("$.escalatedAt").exists());
        List<NoticeRecord> told = notifications.ofEvent("opinion-overdue:" + id + ":" + forwardedAt.toEpochMilli());
        assertThat(told).extracting(NoticeRecord::kind).containsOnly(NoticeKind.OPINION_REPLY_OVERDUE);
        assertThat(told.toString()).contains("leader1").contains("handler-tianning");
        mvc.perform(post("/api/v1/opinion/items/" + id + "/reply")
                        .header("Authorization", Api.bearer(mvc, "handler-tianning"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reply\":\"迟到的回复\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPLIED"));
    }

    @Test
    void an_item_sent_to_12319_opens_one_media_case_that_links_back_and_a_repeat_is_refused() throws Exception {
        long id = create("shiftlead1", "转12319测试 " + UUID.randomUUID(), true);
        String token = Api.bearer(mvc, "shiftlead1");
        mvc.perform(post("/api/v1/opinion/items/" + id + "/case")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categoryCode\":\"NO-SUCH\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("categoryCode"));
        mvc.perform(post("/api/v1/opinion/items/" + id + "/case")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CASE_REQUESTED"));
        mvc.perform(post("/api/v1/opinion/items/" + id + "/case")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT case_number FROM op_item WHERE id = :id")
                                .param("id", id)
                                .query(String.class)
                                .optional()
                                .orElse(null)
                        != null);
        String item = mvc.perform(get("/api/v1/opinion/items/" + id).header("Authorization", token))
                .andExpect(jsonPath("$.status").value("CASE_OPENED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long caseId = ((Number) JsonPath.read(item, "$.caseId")).longValue();
        mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("MEDIA"))
                .andExpect(jsonPath("$.description").value(Matchers.containsString("/opinion/items/" + id)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM city_case WHERE source_module = 'opinion' AND source_ref = :r")
                        .param("r", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_configured_feed_is_taken_whole_once_and_a_malformed_one_not_at_all() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rss", ex -> serve(ex, "rss.xml"));
        server.createContext("/broken", ex -> serve(ex, "malformed.xml"));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            long before = count();
            FeedPoller.PollResult first = poller.poll(new FeedConfig("测试订阅源", base + "/rss", null));
            assertThat(first.failure()).isNull();
            assertThat(first.read()).isEqualTo(2);
            long afterFirst = count();
            assertThat(afterFirst - before).isEqualTo(first.imported());
            FeedPoller.PollResult again = poller.poll(new FeedConfig("测试订阅源", base + "/rss", null));
            assertThat(again.imported()).as("duplicates by guid/link ignored").isZero();
            FeedPoller.PollResult broken = poller.poll(new FeedConfig("坏订阅源", base + "/broken", null));
            assertThat(broken.failure()).isNotNull();
            assertThat(count()).isEqualTo(afterFirst);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM op_item WHERE guid = 'bad-1'")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("SELECT source || '/' || feed_name FROM op_item WHERE guid = 'rss-1'")
                            .query(String.class)
                            .single())
                    .isEqualTo("FEED/测试订阅源");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void no_feed_is_configured_in_the_demo_so_nothing_is_fetched() {
        assertThat(poller.feeds()).isEmpty();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM op_item").query(Long.class).single();
    }

    private static void serve(com.sun.net.httpserver.HttpExchange ex, String file) throws java.io.IOException {
        byte[] body;
        try (InputStream in = OpinionFlowTests.class.getResourceAsStream("/opinion/feeds/" + file)) {
            body = in.readAllBytes();
        }
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @Test
    void the_duty_log_takes_todays_lines_but_not_tomorrows() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CityClock.ZONE);
        String token = Api.bearer(mvc, "operator1");
        mvc.perform(post("/api/v1/opinion/duty-log")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"%s\",\"kind\":\"HANDOVER\",\"text\":\"交班：无遗留\"}".formatted(today)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/opinion/duty-log")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"%s\",\"text\":\"明天的\"}".formatted(today.plusDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("date"));
        mvc.perform(get("/api/v1/opinion/duty-log?date=" + today).header("Authorization", token))
                .andExpect(jsonPath("$[?(@.text == '交班：无遗留')]").exists());
        mvc.perform(put("/api/v1/opinion/duty/" + today)
                        .header("Authorization", Api.bearer(mvc, "handler-tianning"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"officers\":[\"operator1\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/opinion/duty/" + today)
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"officers\":[\"inspector1\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("officers"));
    }

    @Test
    void the_daily_report_opens_as_a_valid_word_document_with_the_days_items() throws Exception {
        String title = "日报测试 " + UUID.randomUUID();
        create("shiftlead1", title, false);
        LocalDate today = LocalDate.ofInstant(clock.instant(), CityClock.ZONE);
        byte[] docx = mvc.perform(get("/api/v1/opinion/daily-report.docx?date=" + today)
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(OoxmlCheck.problems(docx)).isEmpty();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("网络舆情日报").contains(title).contains("值班员");
        }
        mvc.perform(get("/api/v1/opinion/daily-report.docx?date=" + today)
                        .header("Authorization", Api.bearer(mvc, "handler-tianning")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_pages_render_in_chinese_for_the_duty_officer() throws Exception {
        MockHttpSession session = login("shiftlead1");
        for (String page :
                List.of("/opinion", "/opinion/items/new", "/opinion/replies", "/opinion/duty", "/opinion/log")) {
            mvc.perform(get(page).session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("??"))));
        }
        long id = create("shiftlead1", "页面测试 " + UUID.randomUUID(), true);
        mvc.perform(get("/opinion/items/" + id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("转12319立案")))
                .andExpect(content().string(Matchers.containsString("待研判")));
    }
}
