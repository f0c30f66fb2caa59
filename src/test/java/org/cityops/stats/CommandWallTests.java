package org.cityops.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The command-centre wall: who may open it, its numbers and links, and a step shown live on it. */
@IntegrationTest
class CommandWallTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long report(String description) throws Exception {
        DemoGrids.KnownPoint p = DemoGrids.TIANNING;
        String json = """
                {"channel":"HOTLINE","categoryCode":"E09006","description":"%s","lat":%s,"lon":%s,
                 "address":"测试路10号","urgency":"NORMAL","reporter":{"name":"赵六","phone":"13800000010"}}""".formatted(description, p.lat(), p.lon());
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(res, "$.id")).longValue();
    }

    @Test
    void anIntakeReachesAConnectedWallWithinTwoSeconds() throws Exception {
        MvcResult wall = mvc.perform(get("/api/v1/command/stream").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(request().asyncStarted())
                .andReturn();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> wall.getResponse().getContentAsString().contains("event:hello"));
        long id = report("大屏实时测试 " + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(2))
                .until(() -> wall.getResponse().getContentAsString().contains("\"caseId\":" + id));
    }

    @Test
    void theWallsNumbersComeWithTheirListsAndTheTilesOfOtherModules() throws Exception {
        String leader = Api.bearer(mvc, "leader1");
        mvc.perform(get("/api/v1/command/summary").header("Authorization", leader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.areaName").value("全市"))
                .andExpect(jsonPath("$.week.length()").value(7))
                .andExpect(jsonPath("$.totals.link").value(org.hamcrest.Matchers.startsWith("/cases?from=")))
                .andExpect(jsonPath("$.tiles").isArray());
        mvc.perform(get("/api/v1/command/summary").header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/command/summary?area=32x").header("Authorization", leader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("area"));
    }

    @Test
    void aLeaderLandsOnTheSummaryAndOthersOnTheirTiles() throws Exception {
        mvc.perform(get("/").with(as("leader1"))).andExpect(redirectedUrl("/leader"));
        mvc.perform(get("/").with(as("operator1"))).andExpect(status().isOk());
        mvc.perform(get("/command").with(as("operator1"))).andExpect(status().isForbidden());
        for (String page : new String[] {"/leader", "/command", "/stats"}) {
            String html = mvc.perform(get(page).with(as("leader1")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).doesNotContain("??");
        }
    }
}
