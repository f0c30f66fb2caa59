package org.cityops.streetfront.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** 非机动车停放 on the demo city: areas in metres, operators' counts by key → overflow, the GBFS feed, tows, scope. */
@IntegrationTest
class ParkingFlowTests {

    /** A row of 天宁区's demo lattice below the demo parking lines (rows 0..10) and tows (12..14). */
    static final double LAT = 31.84 - (36 + 16 + 0.5) * 0.0009;

    static final double LON0 = 119.87 + (64 + 1) * 0.00106;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String line(int col) {
        double w = LON0 + col * 0.00106;
        return "LINESTRING(%s %s, %s %s)".formatted(w, LAT, w + 0.0005, LAT);
    }

    String createArea(String code, String wkt, Integer capacity) throws Exception {
        return mvc.perform(post("/api/v1/parking/areas")
                        .header("Authorization", Api.bearer(mvc, "streetfront1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"测试停放区","lineWkt":"%s","capacity":%s}""".formatted(code, wkt, capacity)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void the_demo_city_has_parking_lines_on_the_order_of_a_hundred_kilometres_marked_synthetic() {
        Double metres = jdbc.sql("SELECT SUM(length_m) FROM sf_park_area WHERE synthetic")
                .query(Double.class)
                .single();
        assertThat(metres).isBetween(90_000.0, 110_000.0);
    }

    @Test
    void an_area_is_measured_in_metres_and_placed_in_the_district_of_its_midpoint() throws Exception {
        String body = createArea("T-PK-LEN", line(0), null);
        assertThat(((Number) JsonPath.read(body, "$.lengthM")).doubleValue()).isBetween(46.0, 48.0); // 0.0005° ≈ 47.3 m
        assertThat((Integer) JsonPath.read(body, "$.capacity")).isEqualTo(78); // ⌊47.3 / 0.6⌋
        assertThat((String) JsonPath.read(body, "$.districtCode")).isEqualTo("320402");
    }

    @Test
    void a_line_outside_the_city_or_in_degrees_too_long_is_refused_naming_the_line() throws Exception {
        for (String wkt : List.of("LINESTRING(121.47 31.23, 121.471 31.23)", "LINESTRING(119.9 31.8, 119.95 31.8)")) {
            mvc.perform(post("/api/v1/parking/areas")
                            .header("Authorization", Api.bearer(mvc, "streetfront1"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"T-PK-BAD\",\"name\":\"x\",\"lineWkt\":\"" + wkt + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("lineWkt"));
        }
    }

    @Test
    void an_operators_count_above_capacity_opens_an_overflow_alert_and_a_count_within_closes_it() throws Exception {
        createArea("T-PK-OVF", line(2), 30);
        mvc.perform(post("/api/v1/parking/counts")
                        .header("X-Api-Key", "cityops-demo-parking-b")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"areaCode\":\"T-PK-OVF\",\"bikes\":45}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.occupancy").value(45))
                .andExpect(jsonPath("$.overflowing").value(true))
                .andExpect(jsonPath("$.alertId").isNumber());
        String alerts = mvc.perform(
                        get("/api/v1/parking/alerts").header("Authorization", Api.bearer(mvc, "inspector1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(alerts, "$[*].areaCode")).contains("T-PK-OVF");
        // the operator moves bicycles away and reports again: within capacity, the alert closes
        mvc.perform(post("/api/v1/parking/counts")
                        .header("X-Api-Key", "cityops-demo-parking-b")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"areaCode\":\"T-PK-OVF\",\"bikes\":20}"))
                .andExpect(jsonPath("$.overflowing").value(false))
                .andExpect(jsonPath("$.alertId").value(nullValue()));
        String after = mvc.perform(get("/api/v1/parking/alerts").header("Authorization", Api.bearer(mvc, "inspector1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(after, "$[*].areaCode")).doesNotContain("T-PK-OVF");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'SF_PARK_ALERT' AND action = 'ALERT_CLOSE'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void an_operator_count_far_above_its_fleet_cap_is_recorded_with_a_warning() throws Exception {
        createArea("T-PK-CAP", line(4), 30);
        mvc.perform(post("/api/v1/parking/counts")
                        .header("X-Api-Key", "cityops-demo-parking-c") // fleet cap 8,000
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"areaCode\":\"T-PK-CAP\",\"bikes\":9000}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warning", containsString("投放上限")));
        assertThat(jdbc.sql(
                                "SELECT warning FROM sf_park_count c JOIN sf_park_area a ON a.id = c.area_id WHERE a.code = 'T-PK-CAP'")
                        .query(String.class)
                        .single())
                .contains("投放上限");
    }

    @Test
    void counts_by_machine_need_an_operators_key_and_a_known_area() throws Exception {
        String body = "{\"areaCode\":\"TC-320402-0000\",\"bikes\":5}";
        // no key, no token: refused before the controller (the API's CSRF check answers an anonymous POST with 403)
        mvc.perform(post("/api/v1/parking/counts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sf_park_count WHERE bikes = 5")
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post("/api/v1/parking/counts")
                        .header("X-Api-Key", "not-a-key-at-all")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/parking/counts")
                        .header("X-Api-Key", "cityops-demo-telemetry-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/parking/counts")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/parking/counts")
                        .header("X-Api-Key", "cityops-demo-parking-a")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"areaCode\":\"NO-SUCH-AREA\",\"bikes\":5}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/parking/counts")
                        .header("X-Api-Key", "cityops-demo-parking-a")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"areaCode\":\"TC-320402-0000\",\"bikes\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("bikes"));
    }

    @Test
    void the_geofencing_feed_is_public_in_the_gbfs_shape_with_no_parking_zones_first() throws Exception {
        String body = mvc.perform(get("/api/v1/parking/zones.geojson"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("public")))
                .andExpect(jsonPath("$.version").value("3.0"))
                .andExpect(jsonPath("$.ttl").isNumber())
                .andExpect(jsonPath("$.data.geofencing_zones.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.data.geofencing_zones.features.length()", greaterThan(1000)))
                .andExpect(jsonPath("$.data.global_rules[0].ride_end_allowed").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> features = JsonPath.read(body, "$.data.geofencing_zones.features");
        Map<String, Object> first = features.get(0);
        assertThat((String) JsonPath.read(first, "$.id")).startsWith("nopark-");
        assertThat((Boolean) JsonPath.read(first, "$.properties.rules[0].ride_end_allowed"))
                .isFalse();
        Map<String, Object> area = features.stream()
                .filter(f -> "TC-320402-0000".equals(f.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat((String) JsonPath.read(area, "$.geometry.type")).isEqualTo("MultiPolygon");
        assertThat((Boolean) JsonPath.read(area, "$.properties.rules[0].ride_end_allowed"))
                .isTrue();
        assertThat((Boolean) JsonPath.read(area, "$.properties.rules[0].station_parking"))
                .isFalse();
        assertThat((String) JsonPath.read(area, "$.properties.name[0].language"))
                .isEqualTo("zh");
        assertThat(body).doesNotContain("occupancy").doesNotContain("inspector");
    }

    @Test
    void a_tow_is_released_once_and_a_release_without_fee_needs_its_reason() throws Exception {
        String op = jdbc.sql("SELECT id FROM sf_park_operator WHERE code = 'DEMO-A'")
                .query(String.class)
                .single();
        String tow = mvc.perform(post("/api/v1/parking/tows")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"vehicleKind":"共享单车","vehicleId":"BK-T-1","operatorId":%s,"lat":%s,"lon":%s,
                                 "address":"测试路盲道","yard":"天宁区保管场"}""".formatted(op, LAT, LON0)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.towedBy").value("inspector1"))
                .andExpect(jsonPath("$.districtCode").value("320402"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(tow, "$.id");
        mvc.perform(post("/api/v1/parking/tows/" + id + "/release")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"releasedTo\":\"调度员\",\"fee\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("feeNote"));
        mvc.perform(post("/api/v1/parking/tows/" + id + "/release")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"releasedTo\":\"调度员\",\"fee\":20}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fee").value(20));
        mvc.perform(post("/api/v1/parking/tows/" + id + "/release")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"releasedTo\":\"调度员\",\"fee\":20}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/parking/tows")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"vehicleKind":"共享单车","vehicleId":"BK-T-2","lat":%s,"lon":%s,"yard":"保管场"}""".formatted(LAT, LON0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("operatorId"));
    }

    @Test
    void the_operators_are_ranked_with_a_red_and_a_black_list() throws Exception {
        // other tests in the shared context may add operators (with no tows: they rank among the best)
        String body = mvc.perform(get("/api/v1/parking/operators").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].rank").value(1))
                .andExpect(jsonPath("$[0].list").value("RED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> lists = JsonPath.read(body, "$[*].list");
        assertThat(lists.get(lists.size() - 1)).isEqualTo("BLACK");
    }

    @Test
    void a_district_supervisor_sees_only_the_areas_of_the_district_and_another_districts_area_is_not_found()
            throws Exception {
        String mine = mvc.perform(
                        get("/api/v1/parking/areas").header("Authorization", Api.bearer(mvc, "streetfront-tianning")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> districts = JsonPath.read(mine, "$[*].districtCode");
        assertThat(districts).isNotEmpty().containsOnly("320402");
        long other = jdbc.sql("SELECT id FROM sf_park_area WHERE district_code = '320404' FETCH FIRST 1 ROWS ONLY")
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/parking/areas/" + other)
                        .header("Authorization", Api.bearer(mvc, "streetfront-tianning")))
                .andExpect(status().isNotFound());
    }

    @Test
    void an_areas_import_with_one_bad_row_stores_nothing_and_names_the_row_and_column() throws Exception {
        byte[] bad = xlsx(List.of(
                List.of("T-PK-IMP-1", "导入停放区一", line(6)),
                List.of("T-PK-IMP-2", "导入停放区二", "LINESTRING(121.47 31.23, 121.471 31.23)")));
        mvc.perform(multipart("/api/v1/parking/areas/import")
                        .file(new MockMultipartFile("file", "a.xlsx", "application/octet-stream", bad))
                        .header("Authorization", Api.bearer(mvc, "streetfront1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("停放线(WKT)"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sf_park_area WHERE code LIKE 'T-PK-IMP-%'")
                        .query(Long.class)
                        .single())
                .isZero();
        byte[] good = xlsx(List.of(List.of("T-PK-IMP-1", "导入停放区一", line(6)), List.of("T-PK-IMP-2", "导入停放区二", line(8))));
        mvc.perform(multipart("/api/v1/parking/areas/import")
                        .file(new MockMultipartFile("file", "a.xlsx", "application/octet-stream", good))
                        .header("Authorization", Api.bearer(mvc, "streetfront1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
    }

    static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("停放区");
            var h = sheet.createRow(0);
            String[] headers = {"编号", "名称", "停放线(WKT)"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
