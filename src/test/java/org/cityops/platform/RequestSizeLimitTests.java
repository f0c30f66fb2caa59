package org.cityops.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ServletContext;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The body limit (1 MiB) counts the bytes read, so a chunked body (no Content-Length) over it is a 413 too. */
@IntegrationTest
class RequestSizeLimitTests {

    @Autowired
    MockMvc mvc;

    /** A POST whose length is unknown to the server, as with {@code Transfer-Encoding: chunked}. */
    static final class ChunkedPost extends AbstractMockHttpServletRequestBuilder<ChunkedPost> {

        ChunkedPost(String uri) {
            super(HttpMethod.POST);
            uri(uri);
            header("Transfer-Encoding", "chunked");
        }

        @Override
        protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
            return new MockHttpServletRequest(servletContext) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
        }
    }

    static String tokenRequest(int passwordLength) {
        return "{\"username\":\"dispatcher1\",\"password\":\"" + "x".repeat(passwordLength) + "\"}";
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIsRefusedWith413() throws Exception {
        mvc.perform(new ChunkedPost("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tokenRequest(2 * 1024 * 1024)))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("请求体过大")));
    }

    @Test
    void aChunkedBodyOverTheLimitToAnAuthenticatedEndpointIsRefusedWith413() throws Exception {
        mvc.perform(new ChunkedPost("/api/v1/org/me/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .content("{\"currentPassword\":\"" + "y".repeat(1024 * 1024)
                                + "\",\"newPassword\":\"zzzzzzzzzzzz\"}"))
                .andExpect(status().is(413));
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadAsUsual() throws Exception {
        mvc.perform(new ChunkedPost("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"dispatcher1\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tokenRequest(1024 * 1024 + 10)))
                .andExpect(status().is(413));
    }
}
