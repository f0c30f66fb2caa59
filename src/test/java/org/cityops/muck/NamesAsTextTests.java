package org.cityops.muck;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11, point 14 (server side): a registry name that looks like HTML is rendered as text on the pages that list
 * it. The maps draw names in the browser; e2e/tests/names.test.mjs checks those.
 */
@IntegrationTest
class NamesAsTextTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void aZoneNameLikeAnHtmlTagIsShownAsTextOnTheRegistryPage() throws Exception {
        String tag = "<img src=x onerror=alert(1) id=z" + System.nanoTime() + ">";
        mvc.perform(post("/api/v1/muck/zones")
                        .header("Authorization", Api.bearer(mvc, "muck1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name": "%s", "kind": "SPEED", "speedLimitKmh": 150,
                         "polygon": "POLYGON((119.94 31.78, 119.96 31.78, 119.96 31.80, 119.94 31.78))"}""".formatted(tag)))
                .andExpect(status().isCreated());
        String escaped = tag.replace("<", "&lt;").replace(">", "&gt;");
        mvc.perform(get("/muck/registry").with(user(users.loadUserByUsername("muck1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(escaped)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(tag))));
    }
}
