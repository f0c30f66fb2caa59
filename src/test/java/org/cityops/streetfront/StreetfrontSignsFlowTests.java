package org.cityops.streetfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The sign ledger on the demo city: bad input, the expiring list, the public card, inspections, wind tasks. */
@IntegrationTest
class StreetfrontSignsFlowTests {

    /** Inside the demo grids of 天宁区 (lattice column 64+, row 36+), away from the demo facilities. */
    static final double LAT = 31.84 - 50.5 * 0.0009;

    static final double LON = 119.87 + 75.5 * 0.00106;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    LocalDate today() {
        return clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    String body(String code, double lat, String credit, LocalDate from, LocalDate to) {
        return """
                {"code":"%s","name":"测试店招","facilityClass":"附属式","kind":"招牌","ownerName":"测试面馆",
                 "ownerCreditCode":"%s","address":"测试路1号","lat":%s,"lon":%s,"widthM":3.5,"heightM":1.2,
                 "permitNo":"XK-T-1","permitFrom":"%s","permitTo":"%s","permitConditions":"限高4米"}""".formatted(code, credit, lat, LON, from, to);
    }

    String create(String body, String user) throws Exception {
        return mvc.perform(post("/api/v1/streetfront/facilities")
                        .header("Authorization", Api.bearer(mvc, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void a_permit_ending_before_it_starts_is_refused_naming_its_end() throws Exception {
        mvc.perform(post("/api/v1/streetfront/facilities")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("T-BAD-1", LAT, "91330100716105852F", today(), today().minusDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("permitTo"));
    }

    @Test
    void a_facility_outside_the_city_or_with_a_wrong_credit_code_is_refused_naming_the_field() throws Exception {
        mvc.perform(post("/api/v1/streetfront/facilities")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("T-BAD-2", 31.2304, "91330100716105852F", today(), today().plusYears(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lat"));
        mvc.perform(post("/api/v1/streetfront/facilities")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("T-BAD-3", LAT, "91330100716105853F", today(), today().plusYears(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("ownerCreditCode"));
        mvc.perform(put("/api/v1/streetfront/facilities/1/permit")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"permitNo\":\"X\",\"permitFrom\":\"2026-05-02\",\"permitTo\":\"2026-05-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("permitTo"));
    }

    @Test
    void an_inspector_may_not_create_facilities() throws Exception {
        mvc.perform(post("/api/v1/streetfront/facilities")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("T-INSP-1", LAT, "91330100716105852F", today(), today().plusYears(1))))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_expiring_list_holds_permits_ending_within_thirty_days_and_those_ended_soonest_first() throws Exception {
        String json = mvc.perform(
                        get("/api/v1/streetfront/permits/expiring").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ends = JsonPath.read(json, "$[*].permitTo");
        List<String> states = JsonPath.read(json, "$[*].permitStatus");
        assertThat(ends).isNotEmpty().isSorted();
        assertThat(states).contains("EXPIRING", "EXPIRED").doesNotContain("VALID", "NONE");
        assertThat(ends).allSatisfy(e -> assertThat(LocalDate.parse(e)).isBeforeOrEqualTo(today().plusDays(30)));
    }

    @Test
    void the_public_card_from_the_qr_link_shows_owner_and_permit_but_not_the_credit_code_or_conditions()
            throws Exception {
        String created = create(body("T-PUB-1", LAT, "9144030071526726XG", today(), today().plusYears(1)), "admin");
        String token = JsonPath.read(created, "$.qrToken");
        mvc.perform(get("/public/signs/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("测试面馆")))
                .andExpect(content().string(containsString("XK-T-1")))
                .andExpect(content().string(containsString("有效")))
                .andExpect(content().string(not(containsString("9144030071526726XG"))))
                .andExpect(content().string(not(containsString("限高4米"))))
                .andExpect(content().string(not(containsString("data-testid=\"inspect-link\""))));
        mvc.perform(get("/public/signs/no-such-token")).andExpect(status().isNotFound());
    }

    @Test
    void a_finding_becomes_a_case_request_against_the_owner_and_a_second_scan_that_day_is_flagged() throws Exception {
        String created =
                create(body("T-INS-1", LAT + 0.0009, "91330100716105852F", today(), today().plusYears(1)), "admin");
        int id = JsonPath.read(created, "$.id");
        String first = mvc.perform(post("/api/v1/streetfront/facilities/" + id + "/inspections")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"FINDING\",\"finding\":\"招牌边框松动，有坠落风险\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.repeatSameDay").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int inspectionId = JsonPath.read(first, "$.id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM sf_inspection WHERE id = :id AND (case_id IS NOT NULL OR "
                                        + "case_failure IS NOT NULL)")
                                .param("id", inspectionId)
                                .query(Long.class)
                                .single()
                        == 1);
        Map<String, Object> row = jdbc.sql("SELECT case_id, case_failure FROM sf_inspection WHERE id = :id")
                .param("id", inspectionId)
                .query()
                .singleRow();
        assertThat(row.get("case_id"))
                .as("case opened, failure: %s", row.get("case_failure"))
                .isNotNull();
        mvc.perform(post("/api/v1/streetfront/facilities/" + id + "/inspections")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"PASS\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.repeatSameDay").value(true));
        mvc.perform(post("/api/v1/streetfront/facilities/" + id + "/inspections")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"FINDING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("finding"));
    }

    @Test
    void a_wind_warning_creates_one_task_per_large_facility_once_and_an_inspection_completes_it() throws Exception {
        long large = jdbc.sql("SELECT COUNT(*) FROM sf_facility WHERE district_code = '320404' AND "
                        + "(facility_class = 'FREESTANDING' OR kind = 'LED_SCREEN' OR area_m2 >= 10) AND id NOT IN "
                        + "(SELECT facility_id FROM sf_task WHERE done_by_inspection IS NULL)")
                .query(Long.class)
                .single();
        assertThat(large).isPositive();
        String wind = "{\"warning\":\"大风蓝色预警\",\"districtCode\":\"320404\"}";
        mvc.perform(post("/api/v1/streetfront/wind-inspections")
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(wind))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasksCreated").value((int) large));
        mvc.perform(post("/api/v1/streetfront/wind-inspections")
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(wind))
                .andExpect(jsonPath("$.tasksCreated").value(0));
        String tasks = mvc.perform(
                        get("/api/v1/streetfront/tasks").header("Authorization", Api.bearer(mvc, "inspector1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> facilityIds = JsonPath.read(tasks, "$[?(@.reason == 'WIND')].facilityId");
        int target = facilityIds.get(0);
        mvc.perform(post("/api/v1/streetfront/facilities/" + target + "/inspections")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"PASS\"}"))
                .andExpect(status().isCreated());
        String after = mvc.perform(
                        get("/api/v1/streetfront/tasks").header("Authorization", Api.bearer(mvc, "inspector1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> open = JsonPath.read(after, "$[*].facilityId");
        assertThat(open).doesNotContain(target);
    }

    @Test
    void the_ledger_exports_as_a_workbook_with_chinese_labels() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/streetfront/facilities/export")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("统一社会信用代码");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(25);
            java.util.Set<String> classes = new java.util.HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                classes.add(sheet.getRow(r).getCell(2).getStringCellValue());
            }
            assertThat(classes).contains("附属式", "独立式", "移动式").doesNotContain("ATTACHED");
        }
    }

    @Test
    void the_map_query_returns_the_facilities_inside_the_box_only() throws Exception {
        String json = mvc.perform(get("/api/v1/streetfront/facilities")
                        .param("bbox", "119.9,31.7,120.1,31.85")
                        .header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Double> lats = JsonPath.read(json, "$[*].lat");
        List<Double> lons = JsonPath.read(json, "$[*].lon");
        assertThat(lats).isNotEmpty().allSatisfy(l -> assertThat(l).isBetween(31.7, 31.85));
        assertThat(lons).allSatisfy(l -> assertThat(l).isBetween(119.9, 120.1));
        mvc.perform(get("/api/v1/streetfront/facilities")
                        .param("bbox", "120,31")
                        .header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("bbox"));
    }
}
