package org.cityops.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A password change or reset, a disable and a role change revoke the account's bearer tokens and browser sessions
 * at once, including tokens the verified-token cache already knows.
 */
@IntegrationTest
class RevocationTests {

    @Autowired
    MockMvc mvc;

    String user;
    long id;

    MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder req) {
        return req.header("Authorization", Api.bearer(mvc, "admin")).contentType(MediaType.APPLICATION_JSON);
    }

    void newAccount(String roles) throws Exception {
        user = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        String body = mvc.perform(asAdmin(post("/api/v1/org/users"))
                        .content("{\"username\":\"" + user
                                + "\",\"password\":\"revoke-pass-1\",\"displayName\":\"吊销\",\"roles\":[" + roles
                                + "],\"scope\":\"CITY\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        id = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    String token(String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return "Bearer " + JsonPath.read(body, "$.access_token");
    }

    /** Status of a call with the token; a token used once is in the verified-token cache. */
    int call(String bearer) throws Exception {
        return mvc.perform(get("/api/v1/org/me").header("Authorization", bearer))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    MockHttpSession signIn(String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession();
    }

    boolean signedIn(MockHttpSession session) throws Exception {
        return !session.isInvalid()
                && mvc.perform(get("/me").session(session))
                                .andReturn()
                                .getResponse()
                                .getStatus()
                        == 200;
    }

    int version() throws Exception {
        return JsonPath.read(
                mvc.perform(asAdmin(get("/api/v1/org/users/" + id)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
    }

    @Test
    void anAdministratorsPasswordResetRevokesTheUsersTokensAndSessionsAtOnce() throws Exception {
        newAccount("\"DISPATCHER\"");
        String bearer = token("revoke-pass-1");
        assertThat(call(bearer)).isEqualTo(200);
        assertThat(call(bearer)).isEqualTo(200);
        MockHttpSession session = signIn("revoke-pass-1");
        assertThat(signedIn(session)).isTrue();

        mvc.perform(asAdmin(post("/api/v1/org/users/" + id + "/password")).content("{\"password\":\"revoke-pass-2\"}"))
                .andExpect(status().isOk());

        assertThat(call(bearer)).as("the old token, though cached as verified").isEqualTo(401);
        mvc.perform(get("/me").session(session)).andExpect(status().is3xxRedirection());
        assertThat(session.isInvalid()).isTrue();
        assertThat(call(token("revoke-pass-2")))
                .as("a token issued after the reset")
                .isEqualTo(200);
    }

    @Test
    void aRoleChangeRevokesTokensAndSessionsAndANewSignInCarriesTheNewRoles() throws Exception {
        newAccount("\"DISPATCHER\"");
        String bearer = token("revoke-pass-1");
        assertThat(call(bearer)).isEqualTo(200);
        MockHttpSession session = signIn("revoke-pass-1");

        mvc.perform(asAdmin(put("/api/v1/org/users/" + id))
                        .content("{\"displayName\":\"吊销\","
                                + "\"roles\":[\"DISPATCHER\",\"LEADER\"],\"scope\":\"CITY\",\"enabled\":true,\"version\":"
                                + version()
                                + "}"))
                .andExpect(status().isOk());

        assertThat(call(bearer)).isEqualTo(401);
        assertThat(signedIn(session)).isFalse();
        mvc.perform(get("/api/v1/org/me").header("Authorization", token("revoke-pass-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.length()").value(2));
    }

    @Test
    void aChangeOfScopeAloneKeepsTokensAndSessionsWithTheNewScope() throws Exception {
        newAccount("\"DISPATCHER\"");
        String bearer = token("revoke-pass-1");
        assertThat(call(bearer)).isEqualTo(200);
        MockHttpSession session = signIn("revoke-pass-1");

        mvc.perform(asAdmin(put("/api/v1/org/users/" + id))
                        .content("{\"displayName\":\"吊销\","
                                + "\"roles\":[\"DISPATCHER\"],\"scope\":\"DISTRICT\",\"orgUnitCode\":\"320402\",\"enabled\":true,"
                                + "\"version\":" + version() + "}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/org/me").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.code").value("DISTRICT"));
        mvc.perform(get("/api/v1/org/me").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.areaPrefix").value("320402"));
    }

    @Test
    void aDisabledAccountsOldTokensStayRevokedAfterItIsEnabledAgain() throws Exception {
        newAccount("\"OPERATOR\"");
        String bearer = token("revoke-pass-1");
        assertThat(call(bearer)).isEqualTo(200);
        MockHttpSession session = signIn("revoke-pass-1");

        mvc.perform(asAdmin(post("/api/v1/org/users/" + id + "/disable"))).andExpect(status().isOk());
        assertThat(call(bearer)).isEqualTo(401);
        assertThat(signedIn(session)).isFalse();
        mvc.perform(asAdmin(post("/api/v1/org/users/" + id + "/enable"))).andExpect(status().isOk());

        assertThat(call(bearer))
                .as("re-enabling does not bring back what disabling revoked")
                .isEqualTo(401);
        assertThat(call(token("revoke-pass-1"))).isEqualTo(200);
    }

    @Test
    void changingOnesOwnPasswordOnTheAccountPageKeepsThatSessionAndEndsEveryOther() throws Exception {
        newAccount("\"LEADER\"");
        String bearer = token("revoke-pass-1");
        assertThat(call(bearer)).isEqualTo(200);
        MockHttpSession here = signIn("revoke-pass-1");
        MockHttpSession elsewhere = signIn("revoke-pass-1");
        String idBefore = here.getId();

        mvc.perform(post("/me/password")
                        .session(here)
                        .with(csrf())
                        .param("currentPassword", "revoke-pass-1")
                        .param("newPassword", "revoke-pass-2")
                        .param("confirmPassword", "revoke-pass-2"))
                .andExpect(redirectedUrl("/me"));

        assertThat(signedIn(here)).as("the session that changed it").isTrue();
        assertThat(here.getId()).as("with a new session id").isNotEqualTo(idBefore);
        assertThat(signedIn(elsewhere)).as("another browser").isFalse();
        assertThat(call(bearer)).isEqualTo(401);
    }

    @Test
    void changingOnesOwnPasswordThroughTheApiRevokesTheTokenThatDidIt() throws Exception {
        newAccount("\"LEADER\"");
        String bearer = token("revoke-pass-1");
        mvc.perform(post("/api/v1/org/me/password")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"revoke-pass-1\",\"newPassword\":\"revoke-pass-2\"}"))
                .andExpect(status().isNoContent());
        assertThat(call(bearer)).isEqualTo(401);
        assertThat(call(token("revoke-pass-2"))).isEqualTo(200);
    }
}
