package org.cityops.org.admin;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class BadInputTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aBodyOverOneMebibyteIs413ProblemDetail() throws Exception {
        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        mvc.perform(post("/api/v1/org/units")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(413));
    }

    @Test
    void aBodyThatIsNotUtf8Is400Not500() throws Exception {
        byte[] head = "{\"code\":\"320402777\",\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "街道".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] tail = "\",\"kind\":\"STREET\",\"parentCode\":\"320402\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + gbk.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(gbk, 0, body, head.length, gbk.length);
        System.arraycopy(tail, 0, body, head.length + gbk.length, tail.length);
        mvc.perform(post("/api/v1/org/units")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType("application/json;charset=UTF-8")
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsAWrongPasswordNotA500() throws Exception {
        String longPassword = "x".repeat(150);
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"operator1\",\"password\":\"" + longPassword + "\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                "/login")
                        .user("nobody-at-all")
                        .password(longPassword))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/login?error"));
    }

    @Test
    void wrongTypesNameTheField() throws Exception {
        mvc.perform(
                        post("/api/v1/org/users")
                                .header("Authorization", Api.bearer(mvc, "admin"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"x-y-z\",\"password\":\"0123456789a\","
                                                + "\"displayName\":\"x\",\"roles\":\"HANDLER\",\"scope\":\"CITY\",\"enabled\":\"perhaps\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").exists());
        mvc.perform(post("/api/v1/org/users")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[1,2]"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aStaffFormPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(
                        post("/me/password")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("dispatcher1")
                                        .roles("DISPATCHER"))
                                .param("currentPassword", "cityops-demo")
                                .param("newPassword", "whatever-123")
                                .param("confirmPassword", "whatever-123"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anApiCallWithTheSessionButWithoutCsrfHeaderIsRefused() throws Exception {
        mvc.perform(
                        post("/api/v1/org/units")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("admin")
                                        .roles("ADMIN"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                .andExpect(status().isForbidden());
    }
}
