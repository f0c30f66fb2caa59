package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import org.cityops.cases.internal.CaseFixtures;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.org.StaffMember;
import org.cityops.platform.ConflictException;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 11, point 15: a photo posted with a step is stored in the step's transaction, only when the step is
 * allowed, and the optimistic version check happens inside that transaction.
 */
@IntegrationTest
class CaseStepPhotoTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    CaseService cases;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    record Made(long id, String handler, String bureau) {}

    /** A hotline case verified, filed and dispatched to the district bureau of its place. */
    Made dispatched(String label) throws Exception {
        long id = CaseFixtures.newCase(cases, locator, catalog, label);
        Places.Place p = Places.any(locator);
        Made m = new Made(id, Places.handlerOf(p), Places.bureau(p));
        api("inspector1", id, "VERIFY", "").andExpect(status().isOk());
        api("shiftlead1", id, "FILE", "").andExpect(status().isOk());
        api("dispatcher1", id, "DISPATCH", ",\"departmentCode\":\"" + m.bureau() + "\"")
                .andExpect(status().isOk());
        return m;
    }

    ResultActions api(String user, long id, String action, String extra) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + action + "\"" + extra + "}"));
    }

    long version(long id) throws Exception {
        String json = mvc.perform(get("/api/v1/cases/" + id).header("Authorization", Api.bearer(mvc, "shiftlead1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.version")).longValue();
    }

    String statusOf(long id) {
        return jdbc.sql("SELECT status FROM city_case WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    long photos(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM case_photo WHERE case_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    ResultActions act(String user, long id, String action, Long version) throws Exception {
        var b = multipart("/cases/" + id + "/act")
                .file(new MockMultipartFile("photo", "done.png", "image/png", PNG))
                .param("action", action)
                .param("note", "已清理完毕");
        if (version != null) {
            b.param("version", String.valueOf(version));
        }
        return mvc.perform(b.with(user(users.loadUserByUsername(user))).with(csrf()));
    }

    @Test
    void aPhotoSentWithAStepThatIsNotAllowedIsNotStored() throws Exception {
        Made m = dispatched("照片随不允许的环节");
        // 处置反馈 before 签收: the department sees the case, but the step is not allowed from 待签收
        act(m.handler(), m.id(), "REPORT_HANDLED", null)
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("action-error")));
        assertThat(statusOf(m.id())).isEqualTo("DISPATCHED");
        assertThat(photos(m.id())).isZero();
        // an inspector's check photo on a case that is not handled yet: refused, nothing stored
        act("inspector1", m.id(), "CHECK_PASS", null)
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("action-error")));
        assertThat(photos(m.id())).isZero();
    }

    @Test
    void aStaleVersionIsRefusedAndLeavesNeitherStepNorPhoto() throws Exception {
        Made m = dispatched("过期版本");
        api(m.handler(), m.id(), "ACCEPT", "").andExpect(status().isOk());
        long seen = version(m.id());
        // someone else acts meanwhile (督办 changes no status, but the version)
        api("leader1", m.id(), "SUPERVISE", ",\"note\":\"抓紧\"").andExpect(status().isOk());
        act(m.handler(), m.id(), "REPORT_HANDLED", seen)
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已被他人处理")));
        assertThat(statusOf(m.id())).isEqualTo("ACCEPTED");
        assertThat(photos(m.id())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_step WHERE case_id = :id AND action = 'REPORT_HANDLED'")
                        .param("id", m.id())
                        .query(Long.class)
                        .single())
                .isZero();
        // the JSON API compares the version in the same transaction: 409
        api(m.handler(), m.id(), "REPORT_HANDLED", ",\"note\":\"x\",\"version\":" + seen)
                .andExpect(status().isConflict());
        assertThat(statusOf(m.id())).isEqualTo("ACCEPTED");
    }

    @Test
    void theServiceComparesTheVersionInsideTheStepsTransaction() throws Exception {
        Made m = dispatched("服务层版本");
        long seen = version(m.id());
        api(m.handler(), m.id(), "ACCEPT", "").andExpect(status().isOk());
        assertThatThrownBy(() -> cases.transition(
                        m.id(),
                        new TransitionRequest(CaseAction.SUPERVISE, "抓紧", null, null, null, null, null),
                        new StaffMember(
                                0,
                                "leader1",
                                "领导",
                                java.util.Set.of(org.cityops.org.Role.LEADER),
                                org.cityops.org.DataScope.CITY,
                                null,
                                null,
                                null),
                        seen,
                        PNG))
                .isInstanceOf(ConflictException.class);
        assertThat(photos(m.id())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_step WHERE case_id = :id AND action = 'SUPERVISE'")
                        .param("id", m.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aHandlingPhotoIsStoredWithItsStepAndIsTheMediaOfThatUpdate() throws Exception {
        Made m = dispatched("处置照片随环节");
        api(m.handler(), m.id(), "ACCEPT", "").andExpect(status().isOk());
        act(m.handler(), m.id(), "REPORT_HANDLED", version(m.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("action-error"))));
        assertThat(statusOf(m.id())).isEqualTo("HANDLED");
        var photo = jdbc.sql("SELECT id, kind, uploaded_at FROM case_photo WHERE case_id = :id")
                .param("id", m.id())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)})
                .single();
        assertThat(photo[1]).isEqualTo("HANDLED");
        OffsetDateTime acted = jdbc.sql(
                        "SELECT acted_at FROM case_step WHERE case_id = :id AND action = 'REPORT_HANDLED'")
                .param("id", m.id())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .single();
        assertThat(((OffsetDateTime) photo[2]).toInstant()).isEqualTo(acted.toInstant());
        String number = jdbc.sql("SELECT case_number FROM city_case WHERE id = :id")
                .param("id", m.id())
                .query(String.class)
                .single();
        String feed = mvc.perform(get("/open311/v2/servicerequestupdates.json").param("service_request_id", number))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> media = JsonPath.read(feed, "$[?(@.media_url != null)].media_url");
        assertThat(media).containsExactly("http://localhost/open311/v2/media/" + number + "/" + photo[0]);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'CASE' AND entity_id = :n AND action = 'PHOTO'")
                        .param("n", number)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
