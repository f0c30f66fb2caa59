package org.cityops.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AuthenticationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemoAccountGetsABearerToken() throws Exception {
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"dispatcher1\",\"password\":\"cityops-demo\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(3600))
                .andExpect(jsonPath("$.access_token").isString());
    }

    @Test
    void aWrongPasswordIsRefusedWith401() throws Exception {
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"operator1\",\"password\":\"nope\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void fiveBadPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/auth/token")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"assessor1\",\"password\":\"wrong" + i + "\"}"))
                    .andExpect(status().isUnauthorized());
        }
        try {
            mvc.perform(post("/api/v1/auth/token")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"assessor1\",\"password\":\"cityops-demo\"}"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value("账号已锁定，请稍后再试"));
            mvc.perform(post("/api/v1/auth/token")
                            .cookie(new jakarta.servlet.http.Cookie("cityops-lang", "en"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"assessor1\",\"password\":\"cityops-demo\"}"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value("account locked after repeated failures: try again later"));
        } finally {
            jdbc.sql("UPDATE app_user SET locked_until = NULL, failed_attempts = 0 WHERE username = 'assessor1'")
                    .update();
        }
    }

    @Test
    void malformedTokenRequestsAreProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")));
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"a\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("password"));
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"a\",\"password\":\"b\",\"extra\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("extra"));
    }

    @Test
    void anInvalidBearerTokenIs401() throws Exception {
        mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer not.a.token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void staffSignInThroughTheFormAndLandOnTheStartPage() throws Exception {
        mvc.perform(formLogin("/login").user("leader1").password("cityops-demo"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("leader1").password("bad")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void pagesNeedASignIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void healthIsPublicAndMetricsAreForAdmins() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        String body = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"admin\",\"password\":\"cityops-demo\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = com.jayway.jsonpath.JsonPath.read(body, "$.access_token");
        String metrics = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }
}
