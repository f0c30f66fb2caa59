package org.cityops.muck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
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
        return mvc.perform(post(path)
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    ResultActions putJson(String user, String path, String json) throws Exception {
        return mvc.perform(put(path)
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    long company(String district) throws Exception {
        return id(postJson("muck1", "/api/v1/muck/companies", """
                {"code": "%s", "name": "驾驶员测试企业", "districtCode": "%s"}""".formatted(uniqueCode("C"), district))
                .andExpect(status().isCreated()));
    }

    long vehicle(Long companyId) throws Exception {
        String terminal = uniqueTerminal();
        return id(postJson("muck1", "/api/v1/muck/vehicles", """
                {"plate": "苏D·R%s", "plateColor": 2, "terminalPhone": "%s", "companyId": %s}""".formatted(terminal.substring(6), terminal, companyId))
                .andExpect(status().isCreated()));
    }

    static String driverJson(String name, String licence, Long companyId, Long vehicleId, String status) {
        return """
                {"name": "%s", "licenseNo": "%s", "phone": "13900000000", "companyId": %s, "vehicleId": %s, "status": %s}""".formatted(name, licence, companyId, vehicleId, status == null ? "null" : "\"" + status + "\"");
    }

    long driver(String user, Long companyId, Long vehicleId) throws Exception {
        return id(
                postJson(user, "/api/v1/muck/drivers", driverJson("测试师傅", uniqueCode("L"), companyId, vehicleId, null))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.status").value("ACTIVE")));
    }

    @Test
    void aSupervisorEditsADriverAndSuspendsHimAndTheChangeIsAudited() throws Exception {
        long company = company("320411");
        long vehicle = vehicle(company);
        long driver = driver("muck1", company, null);
        String licence = uniqueCode("L");
        putJson("muck1", "/api/v1/muck/drivers/" + driver, driverJson(" 王师傅 ", licence, company, vehicle, "SUSPENDED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(driver))
                .andExpect(jsonPath("$.name").value("王师傅"))
                .andExpect(jsonPath("$.licenseNo").value(licence))
                .andExpect(jsonPath("$.companyName").value("驾驶员测试企业"))
                .andExpect(jsonPath("$.vehicleId").value(vehicle))
                .andExpect(jsonPath("$.vehiclePlate").isNotEmpty())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(get("/api/v1/muck/drivers/" + driver).header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(get("/api/v1/muck/drivers?companyId=" + company).header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(jsonPath("$[*].licenseNo", hasItem(licence)));
        // no status given: the driver keeps his
        putJson("muck1", "/api/v1/muck/drivers/" + driver, driverJson("王师傅", licence, company, null, null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.vehicleId").isEmpty());
        var updates = jdbc.sql("""
                SELECT before_summary, after_summary, username FROM audit_entry
                WHERE entity_type = 'MUCK_DRIVER' AND entity_id = :id AND action = 'UPDATE' ORDER BY id""")
                .param("id", String.valueOf(driver))
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).get(0)).contains("测试师傅").contains("ACTIVE");
        assertThat(updates.get(0).get(1))
                .contains("王师傅")
                .contains(licence)
                .contains("SUSPENDED")
                .contains("vehicle " + vehicle);
        assertThat(updates.get(0).get(2)).isEqualTo("muck1");
    }

    @Test
    void badDriverInputIsA400WithFieldErrorsAndADuplicateLicenceA409() throws Exception {
        long company = company("320411");
        long driver = driver("muck1", company, null);
        String path = "/api/v1/muck/drivers/" + driver;
        putJson("muck1", path, driverJson("", "", company, null, "GONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("licenseNo")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("status")));
        putJson("muck1", path, "{\"name\": \"x\", \"licenseNo\": \"y\", \"nickname\": \"z\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("nickname"));
        long otherCompanysVehicle = vehicle(company("320411"));
        putJson("muck1", path, driverJson("李师傅", uniqueCode("L"), company, otherCompanysVehicle, null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("vehicleId"));
        String taken = jdbc.sql(
                        "SELECT license_no FROM muck_driver WHERE id <> :id ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("id", driver)
                .query(String.class)
                .single();
        putJson("muck1", path, driverJson("李师傅", taken, company, null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("licenseNo"));
        putJson("muck1", path, driverJson("李师傅", uniqueCode("L"), 999999999L, null, null))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'MUCK_DRIVER' AND entity_id = :id"
                                + " AND action = 'UPDATE'")
                        .param("id", String.valueOf(driver))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT name FROM muck_driver WHERE id = :id")
                        .param("id", driver)
                        .query(String.class)
                        .single())
                .isEqualTo("测试师傅");
    }

    @Test
    void anUnknownDriverIsA404() throws Exception {
        putJson("muck1", "/api/v1/muck/drivers/99999999", driverJson("赵师傅", uniqueCode("L"), null, null, null))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/muck/drivers/99999999").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isNotFound());
    }

    @Test
    void driversAreEditedOnlyByTheMuckRoleWithinTheirCompanysDistrict() throws Exception {
        long xinbei = company("320411");
        long tianning = company("320402");
        long ours = driver("muck1", xinbei, null);
        long theirs = driver("muck1", tianning, null);
        String body = driverJson("周师傅", uniqueCode("L"), xinbei, null, null);
        mvc.perform(get("/api/v1/muck/drivers/" + ours)).andExpect(status().isUnauthorized());
        putJson("dispatcher1", "/api/v1/muck/drivers/" + ours, body).andExpect(status().isForbidden());

        String user = "muck-xb-" + Long.toString(System.nanoTime(), 36);
        postJson("admin", "/api/v1/org/users", """
                {"username": "%s", "password": "%s", "displayName": "新北渣土监管员",
                 "roles": ["MUCK_SUPERVISOR"], "scope": "DISTRICT", "orgUnitCode": "320411"}""".formatted(user, Api.DEMO_PASSWORD))
                .andExpect(status().isCreated());
        putJson(user, "/api/v1/muck/drivers/" + ours, body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("周师傅"));
        putJson(user, "/api/v1/muck/drivers/" + theirs, driverJson("吴师傅", uniqueCode("L"), tianning, null, null))
                .andExpect(status().isForbidden());
        putJson(user, "/api/v1/muck/drivers/" + ours, driverJson("周师傅", uniqueCode("L"), tianning, null, null))
                .andExpect(status().isForbidden());
        putJson(user, "/api/v1/muck/drivers/" + ours, driverJson("周师傅", uniqueCode("L"), null, null, null))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/muck/drivers").header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) ours)))
                .andExpect(jsonPath("$[?(@.id == " + theirs + ")]").isEmpty());
        assertThat(jdbc.sql("SELECT company_id FROM muck_driver WHERE id = :id")
                        .param("id", ours)
                        .query(Long.class)
                        .single())
                .isEqualTo(xinbei);
    }

    @Test
    void aSupervisorRegistersAVehicleWithPlateColourAndTerminalOnly() throws Exception {
        String terminal = uniqueTerminal();
        String plate = "苏D·T" + terminal.substring(6);
        String body = postJson(
                        "muck1",
                        "/api/v1/muck/vehicles",
                        "{\"plate\": \"" + plate + "\", \"plateColor\": 2, \"terminalPhone\": \"" + terminal + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plate").value(plate))
                .andExpect(jsonPath("$.plateColor").value(2))
                .andExpect(jsonPath("$.terminalPhone").value(terminal))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/api/v1/muck/vehicles/" + id).header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.terminalPhone").value(terminal));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'MUCK_VEHICLE' AND entity_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the2013And2019FormsOfATerminalNumberNameTheSameTerminal() throws Exception {
        String terminal = uniqueTerminal();
        postJson(
                        "admin",
                        "/api/v1/muck/vehicles",
                        "{\"plate\": \"苏D·A" + terminal.substring(6) + "\", \"plateColor\": 1, \"terminalPhone\": \"0"
                                + terminal + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.terminalPhone").value(terminal));
        postJson(
                        "admin",
                        "/api/v1/muck/vehicles",
                        "{\"plate\": \"苏D·B" + terminal.substring(6)
                                + "\", \"plateColor\": 1, \"terminalPhone\": \"000000000" + terminal + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("terminalPhone"));
        assertThat(terminals.find("0" + terminal))
                .get()
                .extracting(TerminalDirectory.KnownTerminal::terminal)
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
        postJson(
                        "handler-wujin",
                        "/api/v1/muck/vehicles",
                        "{\"plate\": \"苏D·X0001\", \"plateColor\": 2, \"terminalPhone\": \"" + uniqueTerminal() + "\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void badVehicleInputIsA400NamingTheField() throws Exception {
        postJson(
                        "muck1",
                        "/api/v1/muck/vehicles",
                        "{\"plate\": \"苏D·X1\", \"plateColor\": 7, \"terminalPhone\": \"13912345678\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("plateColor"));
        postJson(
                        "muck1",
                        "/api/v1/muck/vehicles",
                        "{\"plate\": \"苏D·X1\", \"plateColor\": 2, \"terminalPhone\": \"13-9\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("terminalPhone"));
        postJson("muck1", "/api/v1/muck/vehicles", "{\"plateColor\": 2, \"terminalPhone\": \"13912345678\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("plate"));
        postJson(
                        "muck1",
                        "/api/v1/muck/vehicles",
                        "{\"plate\": \"苏D·X1\", \"plateColor\": 2, \"terminalPhone\": \"13912345678\", \"colour\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("colour"));
        postJson("muck1", "/api/v1/muck/vehicles", "{\"plate\": ").andExpect(status().isBadRequest());
        postJson(
                        "muck1",
                        "/api/v1/muck/vehicles",
                        "{\"plate\": \"苏D·X1\", \"plateColor\": 2, \"terminalPhone\": \"13912345678\", \"companyId\": 999999999}")
                .andExpect(status().isNotFound());
    }

    @Test
    void sitesPermitsAndZonesAreCheckedAndLinked() throws Exception {
        String siteCode = uniqueCode("S");
        String site = postJson("muck1", "/api/v1/muck/sites", """
                {"code": "%s", "name": "测试工地", "districtCode": "320411",
                 "polygon": "POLYGON((119.90 31.80, 119.91 31.80, 119.91 31.81, 119.90 31.81, 119.90 31.80))",
                 "gates": "MULTIPOINT((119.905 31.80))", "declaredVolumeM3": 12000, "wastePlanNo": "BA-1"}""".formatted(siteCode))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long siteId = ((Number) JsonPath.read(site, "$.id")).longValue();
        postJson("muck1", "/api/v1/muck/sites", """
                {"code": "%s", "name": "坏工地", "polygon": "POLYGON((119.90 31.80, 119.91 31.80))"}""".formatted(uniqueCode("S")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("polygon"));
        postJson("muck1", "/api/v1/muck/sites", """
                {"code": "%s", "name": "重复", "polygon": "POLYGON((119.90 31.80, 119.91 31.80, 119.91 31.81, 119.90 31.80))"}""".formatted(siteCode)).andExpect(status().isConflict());
        String disposal = postJson("muck1", "/api/v1/muck/disposal-sites", """
                {"code": "%s", "name": "测试消纳场", "districtCode": "320402", "capacityM3": 100000,
                 "polygon": "POLYGON((120.0 31.8, 120.01 31.8, 120.01 31.81, 120.0 31.81, 120.0 31.8))"}""".formatted(uniqueCode("D")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.remainingM3").value(100000))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long disposalId = ((Number) JsonPath.read(disposal, "$.id")).longValue();
        String terminal = uniqueTerminal();
        String vehicle = postJson(
                        "muck1",
                        "/api/v1/muck/vehicles",
                        "{\"plate\": \"苏D·P" + terminal.substring(6) + "\", \"plateColor\": 2, \"terminalPhone\": \""
                                + terminal + "\"}")
                .andReturn()
                .getResponse()
                .getContentAsString();
        long vehicleId = ((Number) JsonPath.read(vehicle, "$.id")).longValue();
        String permitNo = uniqueCode("P");
        postJson("muck1", "/api/v1/muck/permits", """
                {"permitNo": "%s", "siteId": %d, "disposalSiteId": %d, "validFrom": "2026-11-01", "validTo": "2026-10-01",
                 "vehicleIds": [%d]}""".formatted(permitNo, siteId, disposalId, vehicleId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("validTo"));
        postJson("muck1", "/api/v1/muck/permits", """
                {"permitNo": "%s", "siteId": %d, "disposalSiteId": %d, "validFrom": "2026-11-01", "validTo": "2026-12-01",
                 "dailyStart": "25:00", "dailyEnd": "06:00"}""".formatted(permitNo, siteId, disposalId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("dailyStart"));
        postJson("muck1", "/api/v1/muck/permits", """
                {"permitNo": "%s", "siteId": %d, "disposalSiteId": %d, "validFrom": "2026-11-01", "validTo": "2026-12-31",
                 "dailyStart": "20:00", "dailyEnd": "06:00", "route": "LINESTRING(119.905 31.805, 120.005 31.805)",
                 "vehicleIds": [%d, %d]}""".formatted(permitNo, siteId, disposalId, vehicleId, vehicleId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.vehicleIds.length()").value(1))
                .andExpect(jsonPath("$.corridorM").value(50))
                .andExpect(jsonPath("$.siteName").value("测试工地"));
        mvc.perform(get("/api/v1/muck/permits?vehicleId=" + vehicleId)
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].permitNo").value(permitNo));
        postJson("muck1", "/api/v1/muck/zones", """
                {"name": "限速", "kind": "SPEED", "polygon": "POLYGON((119.9 31.8, 119.91 31.8, 119.91 31.81, 119.9 31.8))"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("speedLimitKmh"));
        postJson("muck1", "/api/v1/muck/sites/" + siteId + "/records", """
                {"kind": "DUTY", "title": "夜间值守", "person": "张三"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.createdBy").value("muck1"));
        mvc.perform(get("/api/v1/muck/sites/" + siteId + "/records").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(jsonPath("$[0].title").value("夜间值守"));
        mvc.perform(get("/api/v1/muck/sites/99999999").header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isNotFound());
    }
}
