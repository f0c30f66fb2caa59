package org.cityops.muck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.TerminalDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class RegistryApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TerminalDirectory terminals;
    @Autowired
    JdbcClient jdbc;

    static String uniqueTerminal() {
        return "188" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String uniqueCode(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    ResultActions postJson(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aSupervisorRegistersAVehicleWithPlateColourAndTerminalOnly() throws Exception {
        String terminal = uniqueTerminal();
        String plate = "苏D·T" + terminal.substring(6);
        String body = postJson("muck1", "/api/v1/muck/vehicles",
                "{\"plate\": \"" + plate + "\", \"plateColor\": 2, \"terminalPhone\": \"" + terminal + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plate").value(plate))
                .andExpect(jsonPath("$.plateColor").value(2))
                .andExpect(jsonPath("$.terminalPhone").value(terminal))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/api/v1/muck/vehicles/" + id).header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.terminalPhone").value(terminal));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'MUCK_VEHICLE' AND entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the2013And2019FormsOfATerminalNumberNameTheSameTerminal() throws Exception {
        String terminal = uniqueTerminal();
        postJson("admin", "/api/v1/muck/vehicles",
                "{\"plate\": \"苏D·A" + terminal.substring(6) + "\", \"plateColor\": 1, \"terminalPhone\": \"0" + terminal + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.terminalPhone").value(terminal));
        postJson("admin", "/api/v1/muck/vehicles",
                "{\"plate\": \"苏D·B" + terminal.substring(6) + "\", \"plateColor\": 1, \"terminalPhone\": \"000000000"
                        + terminal + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("terminalPhone"));
        assertThat(terminals.find("0" + terminal)).get().extracting(TerminalDirectory.KnownTerminal::terminal)
                .isEqualTo(terminal);
        assertThat(terminals.find("000000000" + terminal)).isPresent();
        assertThat(terminals.find("13000000001")).isEmpty();
        assertThat(terminals.find("abc")).isEmpty();
    }

    @Test
    void registryApiNeedsASignInAndTheMuckRole() throws Exception {
        mvc.perform(get("/api/v1/muck/vehicles")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/muck/vehicles").header("Authorization", Api.bearer(mvc, "dispatcher1")))
                .andExpect(status().isForbidden());
        postJson("handler-wujin", "/api/v1/muck/vehicles",
                "{\"plate\": \"苏D·X0001\", \"plateColor\": 2, \"terminalPhone\": \"" + uniqueTerminal() + "\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void badVehicleInputIsA400NamingTheField() throws Exception {
        postJson("muck1", "/api/v1/muck/vehicles", "{\"plate\": \"苏D·X1\", \"plateColor\": 7, \"terminalPhone\": \"13912345678\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("plateColor"));
        postJson("muck1", "/api/v1/muck/vehicles", "{\"plate\": \"苏D·X1\", \"plateColor\": 2, \"terminalPhone\": \"13-9\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("terminalPhone"));
        postJson("muck1", "/api/v1/muck/vehicles", "{\"plateColor\": 2, \"terminalPhone\": \"13912345678\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("plate"));
        postJson("muck1", "/api/v1/muck/vehicles",
                "{\"plate\": \"苏D·X1\", \"plateColor\": 2, \"terminalPhone\": \"13912345678\", \"colour\": 1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("colour"));
        postJson("muck1", "/api/v1/muck/vehicles", "{\"plate\": ").andExpect(status().isBadRequest());
        postJson("muck1", "/api/v1/muck/vehicles",
                "{\"plate\": \"苏D·X1\", \"plateColor\": 2, \"terminalPhone\": \"13912345678\", \"companyId\": 999999999}")
                .andExpect(status().isNotFound());
    }

    @Test
    void sitesPermitsAndZonesAreCheckedAndLinked() throws Exception {
        String siteCode = uniqueCode("S");
        String site = postJson("muck1", "/api/v1/muck/sites", """
                {"code": "%s", "name": "测试工地", "districtCode": "320411",
                 "polygon": "POLYGON((119.90 31.80, 119.91 31.80, 119.91 31.81, 119.90 31.81, 119.90 31.80))",
                 "gates": "MULTIPOINT((119.905 31.80))", "declaredVolumeM3": 12000, "wastePlanNo": "BA-1"}"""
                .formatted(siteCode)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long siteId = ((Number) JsonPath.read(site, "$.id")).longValue();
        postJson("muck1", "/api/v1/muck/sites", """
                {"code": "%s", "name": "坏工地", "polygon": "POLYGON((119.90 31.80, 119.91 31.80))"}"""
                .formatted(uniqueCode("S"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("polygon"));
        postJson("muck1", "/api/v1/muck/sites", """
                {"code": "%s", "name": "重复", "polygon": "POLYGON((119.90 31.80, 119.91 31.80, 119.91 31.81, 119.90 31.80))"}"""
                .formatted(siteCode)).andExpect(status().isConflict());
        String disposal = postJson("muck1", "/api/v1/muck/disposal-sites", """
                {"code": "%s", "name": "测试消纳场", "districtCode": "320402", "capacityM3": 100000,
                 "polygon": "POLYGON((120.0 31.8, 120.01 31.8, 120.01 31.81, 120.0 31.81, 120.0 31.8))"}"""
                .formatted(uniqueCode("D"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.remainingM3").value(100000)).andReturn().getResponse().getContentAsString();
        long disposalId = ((Number) JsonPath.read(disposal, "$.id")).longValue();
        String terminal = uniqueTerminal();
        String vehicle = postJson("muck1", "/api/v1/muck/vehicles",
                "{\"plate\": \"苏D·P" + terminal.substring(6) + "\", \"plateColor\": 2, \"terminalPhone\": \"" + terminal + "\"}")
                .andReturn().getResponse().getContentAsString();
        long vehicleId = ((Number) JsonPath.read(vehicle, "$.id")).longValue();
        String permitNo = uniqueCode("P");
        postJson("muck1", "/api/v1/muck/permits", """
                {"permitNo": "%s", "siteId": %d, "disposalSiteId": %d, "validFrom": "2026-11-01", "validTo": "2026-10-01",
                 "vehicleIds": [%d]}""".formatted(permitNo, siteId, disposalId, vehicleId))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("validTo"));
        postJson("muck1", "/api/v1/muck/permits", """
                {"permitNo": "%s", "siteId": %d, "disposalSiteId": %d, "validFrom": "2026-11-01", "validTo": "2026-12-01",
                 "dailyStart": "25:00", "dailyEnd": "06:00"}""".formatted(permitNo, siteId, disposalId))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("dailyStart"));
        postJson("muck1", "/api/v1/muck/permits", """
                {"permitNo": "%s", "siteId": %d, "disposalSiteId": %d, "validFrom": "2026-11-01", "validTo": "2026-12-31",
                 "dailyStart": "20:00", "dailyEnd": "06:00", "route": "LINESTRING(119.905 31.805, 120.005 31.805)",
                 "vehicleIds": [%d, %d]}""".formatted(permitNo, siteId, disposalId, vehicleId, vehicleId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.vehicleIds.length()").value(1))
                .andExpect(jsonPath("$.corridorM").value(50))
                .andExpect(jsonPath("$.siteName").value("测试工地"));
        mvc.perform(get("/api/v1/muck/permits?vehicleId=" + vehicleId).header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].permitNo").value(permitNo));
        postJson("muck1", "/api/v1/muck/zones", """
                {"name": "限速", "kind": "SPEED", "polygon": "POLYGON((119.9 31.8, 119.91 31.8, 119.91 31.81, 119.9 31.8))"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("speedLimitKmh"));
        postJson("muck1", "/api/v1/muck/sites/" + siteId + "/records", """
                {"kind": "DUTY", "title": "夜间值守", "person": "张三"}""").andExpect(status().isCreated())
                .andExpect(jsonPath("$.createdBy").value("muck1"));
        mvc.perform(get("/api/v1/muck/sites/" + siteId + "/records").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(jsonPath("$[0].title").value("夜间值守"));
        mvc.perform(get("/api/v1/muck/sites/99999999").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isNotFound());
    }
}
