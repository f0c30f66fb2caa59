package org.cityops.muck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cityops.platform.CityClock;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 即将到期: company qualifications, permits and driving licences lapsing within the window or lapsed. */
@IntegrationTest
class ExpiringApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    ResultActions send(String method, String user, String path, String json) throws Exception {
        var builder = "PUT".equals(method) ? put(path) : post(path);
        return mvc.perform(builder.header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    long company(String name, String district, LocalDate until) throws Exception {
        return id(send("POST", "muck1", "/api/v1/muck/companies", """
                {"code": "%s", "name": "%s", "licenseNo": "%s", "districtCode": "%s", "qualificationUntil": %s}""".formatted(
                        unique("EC"), name, unique("LIC"), district, until == null ? "null" : "\"" + until + "\""))
                .andExpect(status().isCreated()));
    }

    long driver(String name, Long company, LocalDate until, String status) throws Exception {
        return id(send("POST", "muck1", "/api/v1/muck/drivers", """
                {"name": "%s", "licenseNo": "%s", "companyId": %s, "licenseUntil": %s, "status": %s}""".formatted(
                                name,
                                unique("DL"),
                                company,
                                until == null ? "null" : "\"" + until + "\"",
                                status == null ? "null" : "\"" + status + "\""))
                .andExpect(status().isCreated()));
    }

    long site(String district) throws Exception {
        return id(send("POST", "muck1", "/api/v1/muck/sites", """
                {"code": "%s", "name": "到期测试工地", "districtCode": "%s",
                 "polygon": "POLYGON((119.90 31.80, 119.91 31.80, 119.91 31.81, 119.90 31.81, 119.90 31.80))"}""".formatted(unique("ES"), district))
                .andExpect(status().isCreated()));
    }

    long disposalSite() throws Exception {
        return id(send("POST", "muck1", "/api/v1/muck/disposal-sites", """
                {"code": "%s", "name": "到期测试消纳场", "districtCode": "320402",
                 "polygon": "POLYGON((120.0 31.8, 120.01 31.8, 120.01 31.81, 120.0 31.81, 120.0 31.8))"}""".formatted(unique("ED")))
                .andExpect(status().isCreated()));
    }

    long permit(String permitNo, Long company, long site, long disposal, LocalDate validTo, String status)
            throws Exception {
        return id(send("POST", "muck1", "/api/v1/muck/permits", """
                {"permitNo": "%s", "companyId": %s, "siteId": %d, "disposalSiteId": %d, "validFrom": "%s",
                 "validTo": "%s", "status": %s}""".formatted(
                                permitNo,
                                company,
                                site,
                                disposal,
                                validTo.minusDays(60),
                                validTo,
                                status == null ? "null" : "\"" + status + "\""))
                .andExpect(status().isCreated()));
    }

    String expiring(String user, String query) throws Exception {
        return mvc.perform(get("/api/v1/muck/expiring" + query).header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The listed item of this kind and id, or null. */
    static Map<String, Object> item(String body, String kind, long id) {
        List<Map<String, Object>> found =
                JsonPath.read(body, "$.items[?(@.kind == '" + kind + "' && @.id == " + id + ")]");
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    void theWindowRunsFromTodayToExactlyDaysAheadAndLapsedRecordsAreFlaggedExpired() throws Exception {
        LocalDate today = today();
        String tag = unique("窗口");
        long company = company(tag + "企业", "320411", today);
        long lastDay = driver(tag + "末日师傅", company, today.plusDays(10), null);
        long beyond = driver(tag + "窗外师傅", company, today.plusDays(11), null);
        long lapsed = driver(tag + "过期师傅", company, today.minusDays(1), null);
        long noDate = driver(tag + "无期师傅", company, null, null);
        long suspended = driver(tag + "停用师傅", company, today.minusDays(3), "SUSPENDED");
        long site = site("320411");
        long disposal = disposalSite();
        String permitNo = unique("EP");
        long permit = permit(permitNo, company, site, disposal, today.plusDays(10), null);
        long permitBeyond = permit(unique("EP"), company, site, disposal, today.plusDays(11), null);
        long permitLapsed = permit(unique("EP"), company, site, disposal, today.minusDays(40), null);
        long revoked = permit(unique("EP"), company, site, disposal, today.minusDays(2), "REVOKED");

        String body = expiring("muck1", "?days=10");
        assertThat((String) JsonPath.read(body, "$.today")).isEqualTo(today.toString());
        assertThat((String) JsonPath.read(body, "$.until"))
                .isEqualTo(today.plusDays(10).toString());
        assertThat((Integer) JsonPath.read(body, "$.days")).isEqualTo(10);

        Map<String, Object> qualification = item(body, "COMPANY_QUALIFICATION", company);
        assertThat(qualification)
                .containsEntry("date", today.toString())
                .containsEntry("daysLeft", 0)
                .containsEntry("expired", false)
                .containsEntry("name", tag + "企业")
                .containsEntry("companyName", tag + "企业");
        assertThat(item(body, "DRIVER_LICENSE", lastDay))
                .containsEntry("daysLeft", 10)
                .containsEntry("expired", false)
                .containsEntry("name", tag + "末日师傅")
                .containsEntry("companyId", (int) company)
                .containsEntry("companyName", tag + "企业");
        assertThat(item(body, "DRIVER_LICENSE", lapsed))
                .containsEntry("daysLeft", -1)
                .containsEntry("expired", true);
        assertThat(item(body, "DRIVER_LICENSE", beyond)).isNull();
        assertThat(item(body, "DRIVER_LICENSE", noDate)).isNull();
        assertThat(item(body, "DRIVER_LICENSE", suspended)).isNull();
        assertThat(item(body, "PERMIT", permit))
                .containsEntry("number", permitNo)
                .containsEntry("daysLeft", 10)
                .containsEntry("expired", false)
                .containsEntry("name", "到期测试工地")
                .containsEntry("companyName", tag + "企业");
        assertThat(item(body, "PERMIT", permitLapsed))
                .containsEntry("daysLeft", -40)
                .containsEntry("expired", true);
        assertThat(item(body, "PERMIT", permitBeyond)).isNull();
        assertThat(item(body, "PERMIT", revoked)).isNull();

        // one day more and the day beyond is in; the list runs from the longest lapsed to the latest
        String wider = expiring("muck1", "?days=11");
        assertThat(item(wider, "DRIVER_LICENSE", beyond)).containsEntry("daysLeft", 11);
        assertThat(item(wider, "PERMIT", permitBeyond)).isNotNull();
        List<String> dates = JsonPath.read(wider, "$.items[*].date");
        assertThat(dates).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void withoutDaysTheWindowIsThirtyDays() throws Exception {
        LocalDate today = today();
        long company = company(unique("默认窗口") + "企业", "320411", today.plusDays(30));
        long later = company(unique("默认窗口") + "企业", "320411", today.plusDays(31));
        String body = expiring("muck1", "");
        assertThat((Integer) JsonPath.read(body, "$.days")).isEqualTo(30);
        assertThat(item(body, "COMPANY_QUALIFICATION", company)).containsEntry("daysLeft", 30);
        assertThat(item(body, "COMPANY_QUALIFICATION", later)).isNull();
    }

    @Test
    void aDistrictUserSeesOnlyTheirDistrictsExpiringRecords() throws Exception {
        LocalDate soon = today().plusDays(5);
        String tag = unique("辖区");
        long xinbei = company(tag + "新北企业", "320411", soon);
        long tianning = company(tag + "天宁企业", "320402", soon);
        long ourDriver = driver(tag + "新北师傅", xinbei, soon, null);
        long theirDriver = driver(tag + "天宁师傅", tianning, soon, null);
        long homeless = driver(tag + "无企业师傅", null, soon, null);
        long disposal = disposalSite();
        long ourPermit = permit(unique("EP"), tianning, site("320411"), disposal, soon, null);
        long theirPermit = permit(unique("EP"), xinbei, site("320402"), disposal, soon, null);

        String user = "muck-exp-" + Long.toString(System.nanoTime(), 36);
        send("POST", "admin", "/api/v1/org/users", """
                {"username": "%s", "password": "%s", "displayName": "新北渣土监管员",
                 "roles": ["MUCK_SUPERVISOR"], "scope": "DISTRICT", "orgUnitCode": "320411"}""".formatted(user, Api.DEMO_PASSWORD))
                .andExpect(status().isCreated());

        String ours = expiring(user, "?days=30");
        assertThat(item(ours, "COMPANY_QUALIFICATION", xinbei)).isNotNull();
        assertThat(item(ours, "DRIVER_LICENSE", ourDriver)).isNotNull();
        assertThat(item(ours, "PERMIT", ourPermit))
                .as("a permit is scoped by its site's district")
                .isNotNull();
        assertThat(item(ours, "COMPANY_QUALIFICATION", tianning)).isNull();
        assertThat(item(ours, "DRIVER_LICENSE", theirDriver)).isNull();
        assertThat(item(ours, "DRIVER_LICENSE", homeless)).isNull();
        assertThat(item(ours, "PERMIT", theirPermit)).isNull();
        List<Map<String, Object>> all = JsonPath.read(ours, "$.items");
        assertThat(all)
                .allSatisfy(i -> assertThat(i.get("kind")).isIn("COMPANY_QUALIFICATION", "PERMIT", "DRIVER_LICENSE"));

        String city = expiring("muck1", "?days=30");
        assertThat(item(city, "COMPANY_QUALIFICATION", tianning)).isNotNull();
        assertThat(item(city, "DRIVER_LICENSE", theirDriver)).isNotNull();
        assertThat(item(city, "DRIVER_LICENSE", homeless)).isNotNull();
        assertThat(item(city, "PERMIT", theirPermit)).isNotNull();
    }

    @Test
    void daysOutside1To365OrNotANumberIsA400NamingDays() throws Exception {
        for (String days : List.of("0", "-3", "366", "abc", "7.5")) {
            mvc.perform(get("/api/v1/muck/expiring?days=" + days).header("Authorization", Api.bearer(mvc, "muck1")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("days"));
        }
        expiring("muck1", "?days=1");
        expiring("muck1", "?days=365");
    }

    @Test
    void theExpiringListNeedsASignInAndTheMuckRole() throws Exception {
        mvc.perform(get("/api/v1/muck/expiring")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/muck/expiring").header("Authorization", Api.bearer(mvc, "dispatcher1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDriversLicenceExpiryIsSavedChangedClearedAndAudited() throws Exception {
        LocalDate until = today().plusYears(3);
        long company = company(unique("证照") + "企业", "320411", null);
        long driver = driver(unique("证照师傅"), company, until, null);
        String path = "/api/v1/muck/drivers/" + driver;
        mvc.perform(get(path).header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.licenseUntil").value(until.toString()));
        LocalDate renewed = until.plusYears(6);
        String licence = jdbc.sql("SELECT license_no FROM muck_driver WHERE id = :id")
                .param("id", driver)
                .query(String.class)
                .single();
        send("PUT", "muck1", path, """
                {"name": "证照师傅", "licenseNo": "%s", "companyId": %d, "licenseUntil": "%s"}""".formatted(licence, company, renewed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.licenseUntil").value(renewed.toString()));
        send("PUT", "muck1", path, """
                {"name": "证照师傅", "licenseNo": "%s", "companyId": %d}""".formatted(licence, company))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.licenseUntil").isEmpty());
        List<String> after = jdbc.sql("""
                SELECT after_summary FROM audit_entry WHERE entity_type = 'MUCK_DRIVER' AND entity_id = :id
                ORDER BY id""")
                .param("id", String.valueOf(driver))
                .query(String.class)
                .list();
        assertThat(after).hasSize(3);
        assertThat(after.get(0)).contains("until " + until);
        assertThat(after.get(1)).contains("until " + renewed);
        assertThat(after.get(2)).contains("until null");
    }

    @Test
    void aLicenceExpiryThatIsNotADateIsA400OnThatFieldAndChangesNothing() throws Exception {
        long driver = driver(unique("坏日期师傅"), null, today().plusDays(100), null);
        String path = "/api/v1/muck/drivers/" + driver;
        for (String bad : List.of("\"next week\"", "\"2027-02-30\"", "\"31/12/2027\"", "true", "{}")) {
            send("PUT", "muck1", path, """
                    {"name": "坏日期师傅", "licenseNo": "%s", "licenseUntil": %s}""".formatted(unique("DL"), bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("licenseUntil"));
            send("POST", "muck1", "/api/v1/muck/drivers", """
                    {"name": "坏日期师傅", "licenseNo": "%s", "licenseUntil": %s}""".formatted(unique("DL"), bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("licenseUntil"));
        }
        send("PUT", "muck1", path, """
                {"name": "坏日期师傅", "licenseNo": "%s", "licenseUntil": "next week"}""".formatted(unique("DL")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("yyyy-MM-dd")));
        assertThat(jdbc.sql("SELECT license_until FROM muck_driver WHERE id = :id")
                        .param("id", driver)
                        .query(java.sql.Date.class)
                        .single()
                        .toLocalDate())
                .isEqualTo(today().plusDays(100));
    }
}
