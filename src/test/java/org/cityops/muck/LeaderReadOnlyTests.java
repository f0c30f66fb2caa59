package org.cityops.muck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A bureau leader (领导) opens the muck live map and the alarm list; every write stays refused (issue 14.3). */
@IntegrationTest
class LeaderReadOnlyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void aLeaderOpensTheLiveMapAndTheAlarmListWithoutTheSupervisorsActions() throws Exception {
        MockHttpSession session = login("leader1");
        String map = mvc.perform(get("/muck/map").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(map).contains("data-read-only=\"true\"");
        String alarms = mvc.perform(get("/muck/alarms").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(alarms).contains("data-testid=\"alarm-table\"").doesNotContain("class=\"muck-send-case\"");
        String supervisorsMap = mvc.perform(get("/muck/map").session(login("muck1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(supervisorsMap).contains("data-read-only=\"false\"");
        String leader = Api.bearer(mvc, "leader1");
        for (String read : List.of(
                "/api/v1/muck/alarms",
                "/api/v1/muck/vehicles/live",
                "/api/v1/muck/sites",
                "/api/v1/muck/disposal-sites",
                "/api/v1/muck/zones",
                "/api/v1/muck/permits")) {
            mvc.perform(get(read).header("Authorization", leader)).andExpect(status().isOk());
        }
    }

    @Test
    void everyWriteAndTheSupervisorsOtherPagesAreRefusedToALeader() throws Exception {
        String leader = Api.bearer(mvc, "leader1");
        long alarm = jdbc.sql("SELECT COALESCE(MAX(id), 1) FROM muck_alarm")
                .query(Long.class)
                .single();
        long site = jdbc.sql("SELECT id FROM muck_site WHERE code = 'GD-XB-001'")
                .query(Long.class)
                .single();
        String body = "{}";
        for (var write : List.of(
                post("/api/v1/muck/alarms/" + alarm + "/case"),
                post("/api/v1/muck/sites"),
                put("/api/v1/muck/sites/" + site),
                post("/api/v1/muck/sites/" + site + "/records"),
                post("/api/v1/muck/disposal-sites"),
                post("/api/v1/muck/zones"),
                post("/api/v1/muck/permits"),
                post("/api/v1/muck/companies"),
                post("/api/v1/muck/vehicles"),
                post("/api/v1/muck/drivers"))) {
            mvc.perform(write.header("Authorization", leader)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isForbidden());
        }
        MockHttpSession session = login("leader1");
        for (String page : List.of("/muck/sites", "/muck/sites/" + site, "/muck/track", "/muck/registry")) {
            mvc.perform(get(page).session(session)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/muck/companies").header("Authorization", leader))
                .andExpect(status().isForbidden());
    }
}
