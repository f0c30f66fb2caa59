package org.cityops.telemetry.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.support.RegisteredVehicles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A forwarding platform posts positions with its machine key (X-Api-Key, purpose TELEMETRY_INGEST). */
@IntegrationTest
class TelemetryIngestKeyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    MockHttpServletRequestBuilder ingest() throws Exception {
        String terminal = RegisteredVehicles.terminalIn(mvc, "320402"); // ingest is for registered vehicles only
        String json = """
                [{"terminal": "%s", "time": "%s", "lat": 31.80, "lon": 119.95, "speedKmh": 20}]""".formatted(terminal, clock.instant().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS));
        return post("/api/v1/telemetry/positions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    @Test
    void aForwardingPlatformWithTheTelemetryKeyIsHeardWithoutAStaffToken() throws Exception {
        mvc.perform(ingest().header("X-Api-Key", "cityops-demo-telemetry-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(1))
                .andExpect(jsonPath("$.stored").value(1));
    }

    @Test
    void aWrongKeyIsUnauthorized() throws Exception {
        mvc.perform(ingest().header("X-Api-Key", "not-a-key"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void aKeyIssuedForAnotherPurposeIsForbidden() throws Exception {
        mvc.perform(ingest().header("X-Api-Key", "cityops-demo-key")).andExpect(status().isForbidden());
    }

    @Test
    void theTelemetryKeyOpensNoOtherEndpoint() throws Exception {
        mvc.perform(post("/api/v1/muck/vehicles")
                        .header("X-Api-Key", "cityops-demo-telemetry-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void staffWithTheRightRoleStillUseTheirBearerToken() throws Exception {
        mvc.perform(ingest().header("Authorization", Api.bearer(mvc, "muck1"))).andExpect(status().isOk());
        mvc.perform(ingest().header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isForbidden());
    }
}
