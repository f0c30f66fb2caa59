package org.cityops.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.cases.Satisfaction;
import org.cityops.cases.internal.CaseFixtures;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.CaseView;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.NoticeRecord;
import org.cityops.notify.Notifications;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.visit.internal.VisitTokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15 point 3: a citizen case's closing sends its reporter a one-time 回访 link; the answer through it is the
 * case's VISIT step with the satisfaction; a reused, expired or forged link, or a case an operator already
 * visited, records nothing.
 */
@IntegrationTest
@RecordApplicationEvents
class VisitLinkTests {

    private static final Pattern LINK = Pattern.compile("/public/visit/([A-Za-z0-9_-]{22})");

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseService cases;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    OrgDirectory org;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private long closedCase(CaseChannel channel, String phone) {
        return VisitCaseFixtures.closedCase(cases, locator, catalog, org, channel, phone);
    }

    private String eventIdOf(long caseId) {
        return jdbc.sql("SELECT event_id FROM visit_link WHERE case_id = :c")
                .param("c", caseId)
                .query(String.class)
                .single();
    }

    /** The token, read back from the SMS text queued for the reporter (the database keeps only its hash). */
    private String tokenOf(long caseId) {
        List<NoticeRecord> sent = notifications.ofEvent(eventIdOf(caseId));
        assertThat(sent).hasSize(1);
        Matcher m = LINK.matcher(sent.get(0).text());
        assertThat(m.find())
                .as("the SMS carries the link: %s", sent.get(0).text())
                .isTrue();
        return m.group(1);
    }

    private CaseView caseOf(long id) {
        return cases.get(id, StaffMember.SYSTEM);
    }

    private long visitSteps(long id) {
        return caseOf(id).history().stream()
                .filter(s -> "VISIT".equals(s.action()))
                .count();
    }

    @Test
    void aClosedHotlineCaseWithAPhoneSendsItsReporterOneVisitLinkAndKeepsOnlyTheTokensHash() {
        long id = closedCase(CaseChannel.HOTLINE, "13800138000");
        List<NoticeRecord> sent = notifications.ofEvent(eventIdOf(id));
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo(NoticeKind.VISIT_LINK));
        String token = tokenOf(id);
        assertThat(token).hasSize(22);
        String stored = jdbc.sql("SELECT token_hash FROM visit_link WHERE case_id = :c")
                .param("c", id)
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(VisitTokens.hash(token)).doesNotContain(token);
        Long expiresInDays = jdbc.sql("SELECT COUNT(*) FROM visit_link WHERE case_id = :c AND expires_at > created_at"
                        + " + INTERVAL '6' DAY AND expires_at <= created_at + INTERVAL '7' DAY")
                .param("c", id)
                .query(Long.class)
                .single();
        assertThat(expiresInDays).as("expires after 7 days").isEqualTo(1L);
    }

    @Test
    void aCaseWithoutAPhoneOrFromAnInternalChannelGetsNoLink() {
        long noPhone = closedCase(CaseChannel.HOTLINE, null);
        long media = closedCase(CaseChannel.MEDIA, "13800138001");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visit_link WHERE case_id IN (:a, :b)")
                        .param("a", noPhone)
                        .param("b", media)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void thePageShowsThePublicFieldsOfTheCaseButNoPhoneAndNoStaffNote() throws Exception {
        long id = closedCase(CaseChannel.HOTLINE, "13800138002");
        String token = tokenOf(id);
        mvc.perform(get("/public/visit/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(caseOf(id).caseNumber())))
                .andExpect(content().string(Matchers.containsString("满意")))
                .andExpect(content().string(Matchers.containsString("基本满意")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("13800138002"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("13912345678"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("已清理"))));
    }

    @Test
    void anAnswerThroughTheLinkIsTheCasesVisitStepWithTheSatisfactionAndWorksOnce() throws Exception {
        long id = closedCase(CaseChannel.HOTLINE, "13800138003");
        String token = tokenOf(id);
        mvc.perform(post("/public/visit/" + token)
                        .with(csrf())
                        .param("satisfaction", "BASICALLY_SATISFIED")
                        .param("comment", "处理及时，就是慢了点"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("感谢您的评价")));
        CaseView c = caseOf(id);
        assertThat(c.status()).isEqualTo(CaseStatus.VISITED);
        assertThat(c.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(visitSteps(id)).isEqualTo(1);
        // the same step event as an operator's 回访: the assessment's 公众评价 counts it
        assertThat(events.stream(CaseStepCompleted.class)
                        .filter(e -> e.caseId() == id && e.action() == CaseAction.VISIT))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
                    assertThat(e.role()).isEqualTo("PUBLIC");
                });

        mvc.perform(post("/public/visit/" + token).with(csrf()).param("satisfaction", "DISSATISFIED"))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("已使用过")));
        assertThat(caseOf(id).satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(visitSteps(id)).isEqualTo(1);
    }

    @Test
    void anExpiredLinkShowsAClearPageAndRecordsNothing() throws Exception {
        long id = closedCase(CaseChannel.HOTLINE, "13800138004");
        String token = tokenOf(id);
        jdbc.sql("UPDATE visit_link SET expires_at = created_at - INTERVAL '1' DAY WHERE case_id = :c")
                .param("c", id)
                .update();
        mvc.perform(get("/public/visit/" + token))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("7天有效期")));
        mvc.perform(post("/public/visit/" + token).with(csrf()).param("satisfaction", "SATISFIED"))
                .andExpect(status().isGone());
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(visitSteps(id)).isZero();
    }

    @Test
    void aForgedOrMalformedTokenShowsAClearPageAndRecordsNothing() throws Exception {
        mvc.perform(get("/public/visit/" + VisitTokens.newToken()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("链接无效")));
        mvc.perform(post("/public/visit/not-a-token").with(csrf()).param("satisfaction", "SATISFIED"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("链接无效")));
    }

    @Test
    void aCaseAnOperatorAlreadyVisitedRefusesTheLinkAndKeepsTheOperatorsAnswer() throws Exception {
        long id = closedCase(CaseChannel.HOTLINE, "13800138005");
        String token = tokenOf(id);
        cases.transition(
                id,
                new TransitionRequest(CaseAction.VISIT, null, null, null, Satisfaction.SATISFIED, false, null),
                CaseFixtures.OPERATOR);
        mvc.perform(get("/public/visit/" + token))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("已由工作人员完成回访")));
        mvc.perform(post("/public/visit/" + token).with(csrf()).param("satisfaction", "DISSATISFIED"))
                .andExpect(status().isConflict());
        assertThat(caseOf(id).satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(visitSteps(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visit_link WHERE case_id = :c AND used_at IS NULL")
                        .param("c", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void anAnswerWithoutCsrfOrWithoutAChoiceOrWithTooLongACommentRecordsNothing() throws Exception {
        long id = closedCase(CaseChannel.HOTLINE, "13800138006");
        String token = tokenOf(id);
        mvc.perform(post("/public/visit/" + token).param("satisfaction", "SATISFIED"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/public/visit/" + token).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("请选择")));
        mvc.perform(post("/public/visit/" + token)
                        .with(csrf())
                        .param("satisfaction", "SATISFIED")
                        .param("comment", "长".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("500")));
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void theLoggedLinksViewIsForAdminsOnly() throws Exception {
        closedCase(CaseChannel.HOTLINE, "13800138007");
        mvc.perform(get("/api/v1/visit/log-links").header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "operator1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/visit/log-links").header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/public/visit/")));
    }
}
