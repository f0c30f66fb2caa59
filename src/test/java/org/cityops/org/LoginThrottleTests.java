package org.cityops.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.cityops.audit.AuditEntry;
import org.cityops.audit.AuditLog;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Login throttling: a lock is not extended by more failures; the client address is the socket's. */
@IntegrationTest
class LoginThrottleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    Environment env;

    String newAccount() throws Exception {
        String u = "thr-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/org/users")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + u
                                + "\",\"password\":\"throttle-pass-1\",\"displayName\":\"节流\",\"roles\":[\"OPERATOR\"],"
                                + "\"scope\":\"CITY\"}"))
                .andExpect(status().isCreated());
        return u;
    }

    int token(String user, String password, String forwardedFor) throws Exception {
        var req = post("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")
                .with(r -> {
                    r.setRemoteAddr("192.0.2.44");
                    return r;
                });
        if (forwardedFor != null) {
            req.header("X-Forwarded-For", forwardedFor);
        }
        return mvc.perform(req).andReturn().getResponse().getStatus();
    }

    OffsetDateTime lockedUntil(String user) {
        return jdbc.sql("SELECT locked_until FROM app_user WHERE username = :u")
                .param("u", user)
                .query(OffsetDateTime.class)
                .single();
    }

    @Test
    void failuresWhileAnAccountIsLockedDoNotExtendTheLock() throws Exception {
        String u = newAccount();
        for (int i = 0; i < 5; i++) {
            assertThat(token(u, "wrong-" + i, null)).isEqualTo(401);
        }
        OffsetDateTime lock = lockedUntil(u);
        assertThat(lock).as("five bad passwords lock the account").isNotNull();
        for (int i = 0; i < 12; i++) {
            assertThat(token(u, "still-wrong-" + i, null)).isEqualTo(401);
        }
        assertThat(lockedUntil(u)).as("the lock ends when it first would").isEqualTo(lock);
        assertThat(jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = :u")
                        .param("u", u)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(token(u, "throttle-pass-1", null))
                .as("still locked for the right password")
                .isEqualTo(401);
        assertThat(audit.find("SESSION", u, null, 50, 0))
                .hasSize(18)
                .extracting(AuditEntry::action)
                .containsOnly("LOGIN_FAILED");
    }

    @Test
    void theLoginLogRecordsTheSocketAddressNotAForwardedHeaderFromAnUntrustedClient() throws Exception {
        String u = newAccount();
        assertThat(token(u, "wrong-password", "203.0.113.66")).isEqualTo(401);
        AuditEntry failed = audit.find("SESSION", u, null, 1, 0).get(0);
        assertThat(failed.action()).isEqualTo("LOGIN_FAILED");
        assertThat(failed.clientIp()).isEqualTo("192.0.2.44");
        assertThat(token(u, "throttle-pass-1", "203.0.113.66")).isEqualTo(200);
        assertThat(audit.find("SESSION", u, null, 1, 0).get(0).clientIp()).isEqualTo("192.0.2.44");
    }

    @Test
    void springsOwnForwardedHeaderHandlingIsOff() {
        assertThat(env.getProperty("server.forward-headers-strategy")).isEqualTo("none");
        assertThat(env.getProperty("cityops.security.trusted-proxies")).isEmpty();
    }
}
