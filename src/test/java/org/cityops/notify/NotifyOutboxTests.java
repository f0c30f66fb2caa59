package org.cityops.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cityops.notify.internal.Channels;
import org.cityops.notify.internal.DeliveryLane;
import org.cityops.notify.internal.NoticeTemplates;
import org.cityops.notify.internal.NotifyPreferences;
import org.cityops.notify.internal.NotifyProperties;
import org.cityops.notify.internal.OutboxDelivery;
import org.cityops.notify.internal.OutboxNotifications;
import org.cityops.notify.internal.OutboxStore;
import org.cityops.org.OrgDirectory;
import org.cityops.platform.AdjustableClock;
import org.cityops.platform.InvalidInputException;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on the demo city's database: idempotent queueing in the caller's transaction, which a failing notice
 * never breaks; live delivery to a local HTTP receiver with retries, dead letters and 重新发送; quiet hours; the
 * templates and pages.
 */
@IntegrationTest
class NotifyOutboxTests {

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxStore store;

    @Autowired
    NoticeTemplates templates;

    @Autowired
    NotifyPreferences preferences;

    @Autowired
    OrgDirectory directory;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    HttpServer receiver;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile int answer = 200;
    ExecutorService senders;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(answer, -1);
            ex.close();
        });
        receiver.start();
        senders = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        senders.shutdownNow();
    }

    static String eventId() {
        return "test:" + UUID.randomUUID();
    }

    static Notice warning(String eventId, Recipient... to) {
        return new Notice(
                eventId,
                NoticeKind.CASE_WARNING,
                List.of(to),
                Map.of("caseNumber", "320402-0001", "category", "道路破损", "stage", "处置", "dueAt", "12-08 17:00"),
                "cases",
                "320402-0001");
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    /** A live outbox whose SMS gateway is the local receiver, with its own clock, and its dispatcher round. */
    record Live(OutboxNotifications outbox, OutboxDelivery delivery, AdjustableClock clock) {}

    Live live(int maxAttempts) {
        NotifyProperties p = new NotifyProperties();
        p.setMode("live");
        p.setMaxAttempts(maxAttempts);
        p.setBackoff(List.of(Duration.ofSeconds(10), Duration.ofMinutes(1)));
        p.setTimeout(Duration.ofSeconds(5));
        p.getSms().setUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/sms");
        p.getSms().setBodyTemplate("{\"to\":\"{phone}\",\"text\":\"{text}\"}");
        NotifyProperties.Group robot = new NotifyProperties.Group();
        robot.setChannel("wecom");
        robot.setUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/wecom");
        p.getGroups().put("值班群", robot);
        AdjustableClock clock = new AdjustableClock(Clock.systemUTC());
        clock.stopAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Channels channels = new Channels(p, clock);
        return new Live(
                new OutboxNotifications(
                        p, store, templates, preferences, directory, channels, transactions, clock, lane -> {}),
                new OutboxDelivery(store, channels, p, transactions, clock, senders),
                clock);
    }

    @Test
    void a_notice_is_logged_in_the_demo_mode_and_queueing_it_again_is_ignored() {
        preferences.save("leader1", false, true, "leader1@example.org", null, null);
        String id = eventId();
        notifications.queue(warning(id, new Recipient.Staff("leader1"), new Recipient.Phone("13800001234")));
        notifications.queue(warning(id, new Recipient.Staff("leader1"), new Recipient.Phone("13800001234")));
        List<NoticeRecord> rows = notifications.ofEvent(id);
        assertThat(rows).extracting(NoticeRecord::recipient).containsExactly("leader1", "138****1234");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.channel()).isEqualTo("LOG");
            assertThat(r.status()).isEqualTo("SENT");
            assertThat(r.text()).isEqualTo("【城管】案件320402-0001（道路破损）处置将于12-08 17:00到期，请及时处理。");
        });
    }

    @Test
    void a_staff_member_without_contact_details_is_skipped_visibly_not_refused() {
        preferences.save("dispatcher1", true, false, null, null, null);
        String id = eventId();
        notifications.queue(warning(id, new Recipient.Staff("dispatcher1"), new Recipient.Staff("nobody-such")));
        assertThat(notifications.ofEvent(id)).extracting(NoticeRecord::status).containsExactly("SKIPPED", "SKIPPED");
    }

    @Test
    void a_notice_without_recipients_or_missing_a_value_is_refused() {
        assertThatThrownBy(() -> notifications.queue(warning(eventId()))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> notifications.queue(new Notice(
                        eventId(),
                        NoticeKind.CASE_WARNING,
                        List.of(new Recipient.Phone("13800001234")),
                        Map.of("caseNumber", "x"),
                        "cases",
                        "x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{category}");
    }

    @Test
    void a_notice_the_database_refuses_leaves_the_callers_own_write_committed() {
        String tooLong = "x".repeat(300); // longer than notify_outbox.event_id: the insert fails
        String good = eventId();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            preferences.save("assessor1", false, true, "assessor1@example.org", "22:00", "07:00");
            notifications.queue(warning(tooLong, new Recipient.Phone("13800001234")));
            notifications.queue(warning(good, new Recipient.Phone("13800001234")));
        });
        assertThat(preferences.of("assessor1").emailAddress()).isEqualTo("assessor1@example.org");
        assertThat(notifications.ofEvent(good)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_outbox WHERE event_id = :e")
                        .param("e", tooLong)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_live_sms_and_a_robot_message_are_delivered_to_the_gateway_and_marked_sent() {
        Live live = live(6);
        String id = eventId();
        live.outbox().queue(warning(id, new Recipient.Phone("13800001234"), new Recipient.Group("值班群")));
        assertThat(store.ofEvent(id)).extracting(OutboxStore.Row::status).containsOnly("PENDING");
        live.delivery().drain();
        assertThat(store.ofEvent(id)).extracting(OutboxStore.Row::status).containsOnly("SENT");
        assertThat(store.ofEvent(id)).extracting(OutboxStore.Row::channel).containsExactly("SMS", "WECOM");
        assertThat(bodies).anyMatch(b -> b.startsWith("{\"to\":\"13800001234\",\"text\":\"【城管】案件320402-0001"));
        assertThat(bodies).anyMatch(b -> b.startsWith("{\"msgtype\":\"text\""));
    }

    @Test
    void a_gateway_answering_5xx_is_retried_with_back_off_then_the_notice_is_a_dead_letter_that_admin_can_resend()
            throws Exception {
        answer = 503;
        Live live = live(3);
        String id = eventId();
        live.outbox().queue(warning(id, new Recipient.Phone("13900001111")));
        live.delivery().drain();
        OutboxStore.Row first = store.ofEvent(id).get(0);
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt()).isEqualTo(live.clock().instant().plusSeconds(10));
        assertThat(live.delivery().drain()).isZero(); // not due before its back-off
        live.clock().advance(Duration.ofSeconds(10));
        live.delivery().drain();
        live.clock().advance(Duration.ofMinutes(1));
        live.delivery().drain();
        OutboxStore.Row dead = store.ofEvent(id).get(0);
        assertThat(dead.status()).isEqualTo("DEAD");
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).contains("HTTP 503");
        assertThat(bodies).hasSize(3);

        MockHttpSession admin = login("admin");
        mvc.perform(get("/admin/notify").param("status", "DEAD").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("139****1111")))
                .andExpect(content().string(not(containsString("13900001111"))))
                .andExpect(content().string(containsString("重新发送")));
        mvc.perform(post("/admin/notify/" + dead.id() + "/resend")
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(store.find(dead.id()).orElseThrow().status()).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'NOTIFY_OUTBOX' AND entity_id = :id"
                                + " AND action = 'RESEND'")
                        .param("id", String.valueOf(dead.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        answer = 200;
        live.delivery().drain();
        assertThat(store.find(dead.id()).orElseThrow().status()).isEqualTo("SENT");
    }

    @Test
    void a_supervision_queued_behind_a_burst_of_warnings_goes_out_in_the_first_round() {
        Live live = live(6);
        live.delivery().drain(); // what other tests left due
        bodies.clear();
        String burst = eventId();
        Recipient[] phones = new Recipient[30];
        for (int i = 0; i < phones.length; i++) {
            phones[i] = new Recipient.Phone("1390000" + String.format("%04d", i));
        }
        live.outbox().queue(warning(burst, phones));
        String supervision = eventId();
        live.outbox()
                .queue(new Notice(
                        supervision,
                        NoticeKind.CASE_SUPERVISED,
                        List.of(new Recipient.Phone("13900009999")),
                        Map.of("caseNumber", "320402-0003", "category", "道路破损", "leader", "局领导", "note", "今日办结"),
                        "cases",
                        "320402-0003"));
        // the bulk lane's budget allows 5 this round; the urgent lane is claimed first and in full
        Map<DeliveryLane, Integer> claimed =
                live.delivery().runOnce(Map.of(DeliveryLane.URGENT, 200, DeliveryLane.TASK, 200, DeliveryLane.BULK, 5));
        assertThat(claimed).containsEntry(DeliveryLane.URGENT, 1).containsEntry(DeliveryLane.BULK, 5);
        assertThat(store.ofEvent(supervision))
                .extracting(OutboxStore.Row::status)
                .containsExactly("SENT");
        assertThat(store.ofEvent(burst))
                .filteredOn(r -> r.status().equals("SENT"))
                .hasSize(5);
        // a lane not asked this round (no budget left) is not claimed at all
        assertThat(live.delivery().runOnce(Map.of(DeliveryLane.URGENT, 200))).containsEntry(DeliveryLane.BULK, 0);
        assertThat(store.ofEvent(burst))
                .filteredOn(r -> r.status().equals("SENT"))
                .hasSize(5);
        live.delivery().drain();
        assertThat(store.ofEvent(burst)).extracting(OutboxStore.Row::status).containsOnly("SENT");
        assertThat(bodies).hasSize(31); // each once
    }

    @Test
    void a_dispatcher_that_dies_after_its_claim_leaves_the_rows_due_again_when_the_lease_ends_and_each_goes_once() {
        Live live = live(6);
        live.delivery().drain();
        bodies.clear();
        String id = eventId();
        live.outbox().queue(warning(id, new Recipient.Phone("13900003333"), new Recipient.Phone("13900004444")));
        Instant now = live.clock().instant();
        // a node claims the rows, then dies before sending or recording anything
        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> store.claim(DeliveryLane.BULK, now, 200, now.plus(Duration.ofMinutes(5))));
        assertThat(live.delivery().drain()).isZero(); // leased: no other round takes them
        live.clock().advance(Duration.ofMinutes(5));
        assertThat(live.delivery().drain()).isEqualTo(2);
        assertThat(store.ofEvent(id)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("SENT");
            assertThat(r.attempts()).isEqualTo(2); // the lost attempt counts
        });
        assertThat(bodies).hasSize(2);
        assertThat(live.delivery().drain()).isZero();
    }

    @Test
    void a_gateway_answering_4xx_makes_a_dead_letter_at_once() {
        answer = 400;
        Live live = live(6);
        String id = eventId();
        live.outbox().queue(warning(id, new Recipient.Phone("13900002222")));
        live.delivery().drain();
        OutboxStore.Row row = store.ofEvent(id).get(0);
        assertThat(row.status()).isEqualTo("DEAD");
        assertThat(row.attempts()).isEqualTo(1);
    }

    @Test
    void a_non_urgent_notice_in_quiet_hours_is_held_until_they_end_and_an_urgent_one_goes_at_once() {
        jdbc.sql("UPDATE app_user SET phone = '13700003333' WHERE username = 'shiftlead1'")
                .update();
        Live live = live(6);
        live.clock().stopAt(Instant.parse("2026-12-07T15:00:00Z")); // 23:00 in 常州
        preferences.save("shiftlead1", true, false, null, "22:00", "07:00");
        String warn = eventId();
        String overdue = eventId();
        live.outbox().queue(warning(warn, new Recipient.Staff("shiftlead1")));
        live.outbox()
                .queue(new Notice(
                        overdue,
                        NoticeKind.CASE_OVERDUE,
                        List.of(new Recipient.Staff("shiftlead1")),
                        Map.of("caseNumber", "320402-0002", "category", "占道经营", "stage", "处置", "dueAt", "12-07 22:00"),
                        "cases",
                        "320402-0002"));
        live.delivery().drain();
        OutboxStore.Row held = store.ofEvent(warn).get(0);
        assertThat(held.status()).isEqualTo("HELD");
        assertThat(held.nextAttemptAt()).isEqualTo(Instant.parse("2026-12-07T23:00:00Z")); // 07:00 in 常州
        assertThat(store.ofEvent(overdue).get(0).status()).isEqualTo("SENT");
        live.clock().stopAt(Instant.parse("2026-12-07T23:00:00Z"));
        live.delivery().drain();
        assertThat(store.ofEvent(warn).get(0).status()).isEqualTo("SENT");
        assertThat(bodies).anyMatch(b -> b.contains("13700003333") && b.contains("320402-0001"));
    }

    @Test
    void a_template_with_an_unknown_placeholder_is_refused_with_400_naming_it_and_a_valid_one_is_used_and_audited()
            throws Exception {
        MockHttpSession admin = login("admin");
        mvc.perform(post("/admin/notify/templates/MUCK_ALARM")
                        .param("body", "【城管】{plate}在{road}报警")
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("{road}")));
        mvc.perform(post("/admin/notify/templates/MUCK_ALARM")
                        .param("body", "【渣土】{plate}：{alarm}（{place}）")
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String id = eventId();
        notifications.queue(new Notice(
                id,
                NoticeKind.MUCK_ALARM,
                List.of(new Recipient.Phone("13800001234")),
                Map.of("plate", "苏D12345", "alarm", "闯禁区", "place", "青洋路", "at", "10:00"),
                "muck",
                "1"));
        assertThat(notifications.ofEvent(id).get(0).text()).isEqualTo("【渣土】苏D12345：闯禁区（青洋路）");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'NOTIFY_TEMPLATE'"
                                + " AND entity_id = 'MUCK_ALARM'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
        mvc.perform(post("/admin/notify/templates/MUCK_ALARM/reset")
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(templates.current(NoticeKind.MUCK_ALARM)).isEqualTo(NoticeKind.MUCK_ALARM.defaultTemplate());
    }

    @Test
    void the_notify_pages_are_in_chinese_for_admin_only_and_each_staff_member_sets_their_own_preferences()
            throws Exception {
        notifications.queue(warning(eventId(), new Recipient.Phone("13800005678")));
        MockHttpSession admin = login("admin");
        mvc.perform(get("/admin/notify").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("发送记录")))
                .andExpect(content().string(containsString("案件预警")))
                .andExpect(content().string(containsString("演示日志")))
                .andExpect(content().string(containsString("138****5678")))
                .andExpect(content().string(not(containsString("13800005678"))))
                .andExpect(content().string(not(containsString(">CASE_WARNING<"))));
        mvc.perform(get("/admin/notify/templates").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("回访评价")));
        MockHttpSession inspector = login("inspector1");
        mvc.perform(get("/admin/notify").session(inspector)).andExpect(status().isForbidden());
        mvc.perform(get("/me").session(inspector)).andExpect(content().string(containsString("/me/notify")));
        mvc.perform(get("/me/notify").session(inspector))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("免打扰时段")));
        mvc.perform(post("/me/notify")
                        .param("email", "true")
                        .param("emailAddress", "not-an-address")
                        .session(inspector)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(preferences.of("inspector1").email()).isFalse();
        mvc.perform(post("/me/notify")
                        .param("sms", "true")
                        .param("email", "true")
                        .param("emailAddress", "inspector1@example.org")
                        .param("quietStart", "22:00")
                        .param("quietEnd", "07:00")
                        .session(inspector)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        NotifyPreferences.Preference p = preferences.of("inspector1");
        assertThat(p.email()).isTrue();
        assertThat(p.quiet().start()).hasToString("22:00");
        mvc.perform(get("/admin/notify").param("status", "BOGUS").session(admin))
                .andExpect(status().isBadRequest());
    }
}
