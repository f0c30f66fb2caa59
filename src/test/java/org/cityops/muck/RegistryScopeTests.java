package org.cityops.muck;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every record family of the registry reads through the one scoped-query helper: a district supervisor lists only
 * the records of the district, reads one of them by id, is refused (403) another district's record by id, and gets
 * a 404 for an id that does not exist.
 */
@IntegrationTest
class RegistryScopeTests {

    static final String TIANNING = "320402";
    static final String XINBEI = "320411";
    static final String SQUARE = "POLYGON((119.90 31.80, 119.91 31.80, 119.91 31.81, 119.90 31.81, 119.90 31.80))";

    @Autowired
    MockMvc mvc;

    String xinbeiUser;

    ResultActions postJson(String user, String path, String json) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    long create(String path, String json) throws Exception {
        String body = postJson("muck1", path, json)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    static String code(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** One record of every family in the district, by the path its API reads it under. */
    Map<String, Long> recordsIn(String district) throws Exception {
        Map<String, Long> ids = new LinkedHashMap<>();
        long company = create("/api/v1/muck/companies", """
                {"code": "%s", "name": "范围测试企业", "districtCode": "%s"}""".formatted(code("C"), district));
        ids.put("/api/v1/muck/companies", company);
        String terminal =
                "187" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long vehicle = create("/api/v1/muck/vehicles", """
                {"plate": "苏D·S%s", "plateColor": 2, "terminalPhone": "%s", "companyId": %d}""".formatted(terminal.substring(6), terminal, company));
        ids.put("/api/v1/muck/vehicles", vehicle);
        ids.put("/api/v1/muck/drivers", create("/api/v1/muck/drivers", """
                {"name": "范围师傅", "licenseNo": "%s", "companyId": %d}""".formatted(code("L"), company)));
        long site = create("/api/v1/muck/sites", """
                {"code": "%s", "name": "范围工地", "districtCode": "%s", "polygon": "%s"}""".formatted(code("S"), district, SQUARE));
        ids.put("/api/v1/muck/sites", site);
        long disposal = create("/api/v1/muck/disposal-sites", """
                {"code": "%s", "name": "范围消纳场", "districtCode": "%s", "capacityM3": 1000, "polygon": "%s"}""".formatted(code("D"), district, SQUARE));
        ids.put("/api/v1/muck/disposal-sites", disposal);
        ids.put("/api/v1/muck/permits", create("/api/v1/muck/permits", """
                {"permitNo": "%s", "siteId": %d, "disposalSiteId": %d, "validFrom": "2026-11-01",
                 "validTo": "2026-12-31", "route": "LINESTRING(119.905 31.805, 120.005 31.805)", "vehicleIds": [%d]}""".formatted(
                        code("P"), site, disposal, vehicle)));
        ids.put("/api/v1/muck/zones", create("/api/v1/muck/zones", """
                {"name": "范围禁行区", "kind": "NO_GO", "districtCode": "%s", "polygon": "%s"}""".formatted(district, SQUARE)));
        return ids;
    }

    @BeforeEach
    void districtSupervisor() throws Exception {
        xinbeiUser = "muck-scope-" + Long.toString(System.nanoTime(), 36);
        postJson("admin", "/api/v1/org/users", """
                {"username": "%s", "password": "%s", "displayName": "新北渣土监管员",
                 "roles": ["MUCK_SUPERVISOR"], "scope": "DISTRICT", "orgUnitCode": "%s"}""".formatted(xinbeiUser, Api.DEMO_PASSWORD, XINBEI))
                .andExpect(status().isCreated());
    }

    @Test
    void aDistrictSupervisorReadsEveryFamilyOnlyWithinTheDistrict() throws Exception {
        Map<String, Long> ours = recordsIn(XINBEI);
        Map<String, Long> theirs = recordsIn(TIANNING);
        String token = Api.bearer(mvc, xinbeiUser);
        for (String path : ours.keySet()) {
            mvc.perform(get(path + "/" + ours.get(path)).header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(ours.get(path)));
            mvc.perform(get(path + "/" + theirs.get(path)).header("Authorization", token))
                    .andExpect(status().isForbidden());
            mvc.perform(get(path + "/987654321").header("Authorization", token)).andExpect(status().isNotFound());
            mvc.perform(get(path).header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].id", hasItem(ours.get(path).intValue())))
                    .andExpect(jsonPath("$[*].id", not(hasItem(theirs.get(path).intValue()))));
        }
    }
}
