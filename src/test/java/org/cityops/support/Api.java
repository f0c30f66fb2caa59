package org.cityops.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Obtains (and caches) bearer tokens for the demo accounts. */
public final class Api {

    public static final String DEMO_PASSWORD = "cityops-demo";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {}

    public static String bearer(MockMvc mvc, String username) {
        return "Bearer " + TOKENS.computeIfAbsent(username, u -> fetch(mvc, u));
    }

    private static String fetch(MockMvc mvc, String username) {
        try {
            String body = mvc.perform(post("/api/v1/auth/token")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + username + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return JsonPath.read(body, "$.access_token");
        } catch (Exception e) {
            throw new IllegalStateException("could not get a token for " + username, e);
        }
    }
}
