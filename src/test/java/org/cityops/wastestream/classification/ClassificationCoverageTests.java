package org.cityops.wastestream.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Point 5: the seed's 89.99 % (市区建成区) and 95.39 % (溧阳市建成区) come out of the coverage report after the
 * synthetic units workbook is imported; imports are all or nothing with row and column named; an inspection that
 * finds a class absent uncovers the unit. Each test runs in a transaction that is rolled back (the demo units are
 * removed first so that the rates are the fixture's alone).
 */
@IntegrationTest
@Transactional
class ClassificationCoverageTests {

    static final String API = "/api/v1/wastestream/classification";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    String token;

    @BeforeEach
    void onlyTheFixture() {
        jdbc.sql("DELETE FROM wsc_inspection").update();
        jdbc.sql("DELETE FROM wsc_unit").update();
        token = Api.bearer(mvc, "sanitation1");
    }

    void importFixture() throws Exception {
        mvc.perform(multipart(API + "/units/import")
                        .file(new MockMultipartFile("file", "units.xlsx", null, CoverageFixture.workbook()))
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(CoverageFixture.UNITS));
    }

    @Test
    void the_seed_fixture_imported_reports_89_99_urban_and_95_39_for_liyang_against_the_targets() throws Exception {
        importFixture();
        mvc.perform(get(API + "/coverage").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.areas[?(@.key=='URBAN')].units").value(669))
                .andExpect(jsonPath("$.areas[?(@.key=='URBAN')].covered").value(602))
                .andExpect(jsonPath("$.areas[?(@.key=='URBAN')].ratePercent").value(89.99))
                .andExpect(jsonPath("$.areas[?(@.key=='URBAN')].targetPercent").value(80))
                .andExpect(jsonPath("$.areas[?(@.key=='URBAN')].meetsTarget").value(true))
                .andExpect(jsonPath("$.areas[?(@.key=='COUNTY')].units").value(152))
                .andExpect(jsonPath("$.areas[?(@.key=='COUNTY')].ratePercent").value(95.39))
                .andExpect(jsonPath("$.areas[?(@.key=='RURAL')].ratePercent").value(50.00))
                .andExpect(jsonPath("$.areas[?(@.key=='RURAL')].targetPercent").value(50))
                .andExpect(jsonPath("$.districts.length()").value(7));
    }

    @Test
    void an_inspection_finding_a_class_absent_uncovers_the_unit_and_lowers_the_rate() throws Exception {
        importFixture();
        Number id = JsonPath.read(
                mvc.perform(get(API + "/units?covered=true&district=" + DemoGrids.TIANNING.districtCode())
                                .header("Authorization", token))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$[0].id");
        mvc.perform(post(API + "/units/" + id + "/inspections")
                        .header("Authorization", token)
                        .contentType("application/json")
                        .content("{\"day\":\"2024-06-03\",\"recyclable\":\"规范\",\"hazardous\":\"规范\","
                                + "\"kitchen\":\"混投\",\"other\":\"无\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get(API + "/units/" + id).header("Authorization", token))
                .andExpect(jsonPath("$.covered").value(false))
                .andExpect(jsonPath("$.mixed").value(true));
        mvc.perform(get(API + "/coverage").header("Authorization", token))
                .andExpect(jsonPath("$.areas[?(@.key=='URBAN')].covered").value(601))
                .andExpect(jsonPath("$.areas[?(@.key=='URBAN')].ratePercent").value(89.84));
    }

    @Test
    void an_inspection_without_a_finding_for_every_class_is_refused_naming_the_class() throws Exception {
        importFixture();
        Number id = JsonPath.read(
                mvc.perform(get(API + "/units").header("Authorization", token))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$[0].id");
        mvc.perform(post(API + "/units/" + id + "/inspections")
                        .header("Authorization", token)
                        .contentType("application/json")
                        .content("{\"day\":\"2024-06-03\",\"recyclable\":\"规范\",\"hazardous\":\"规范\","
                                + "\"kitchen\":\"规范\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("other")));
    }

    @Test
    void a_workbook_with_bad_rows_imports_nothing_and_names_each_row_and_column() throws Exception {
        byte[] bad;
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("units", ClassificationUnits.HEADERS);
            var k = DemoGrids.TIANNING;
            s.row("B1", "好单位", "小区", "路1号", String.valueOf(k.lat()), String.valueOf(k.lon()), "1", "1", "1", "1", "");
            s.row("B2", "坏类型", "商场", "路2号", String.valueOf(k.lat()), String.valueOf(k.lon()), "1", "1", "1", "1", "");
            s.row("B3", "城外", "学校", "路3号", "31.23", "121.47", "1", "1", "1", "1", "");
            s.row(
                    "B1",
                    "重复编号",
                    "医院",
                    "路4号",
                    String.valueOf(k.lat()),
                    String.valueOf(k.lon()),
                    "1",
                    "-1",
                    "1",
                    "1",
                    "郊区");
            bad = wb.toBytes();
        }
        String body = mvc.perform(multipart(API + "/units/import")
                        .file(new MockMultipartFile("file", "bad.xlsx", null, bad))
                        .header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Integer> rows = JsonPath.read(body, "$.errors[*].row");
        List<String> fields = JsonPath.read(body, "$.errors[*].field");
        assertThat(rows).contains(3, 4, 5).doesNotContain(2);
        assertThat(fields).contains("类型", "纬度", "编号", "有害垃圾(个)", "区域");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wsc_unit").query(Long.class).single())
                .isZero();
    }

    @Test
    void a_workbook_missing_a_column_is_refused_naming_it() throws Exception {
        byte[] bad;
        try (WorkbookWriter wb = new WorkbookWriter()) {
            wb.sheet("units", List.of("编号", "名称", "类型", "地址", "纬度", "经度")).row("X", "Y", "小区", "", "31.8", "119.9");
            bad = wb.toBytes();
        }
        mvc.perform(multipart(API + "/units/import")
                        .file(new MockMultipartFile("file", "bad.xlsx", null, bad))
                        .header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("可回收物(个)"));
    }

    @Test
    void a_leader_reads_but_cannot_import() throws Exception {
        mvc.perform(multipart(API + "/units/import")
                        .file(new MockMultipartFile("file", "units.xlsx", null, CoverageFixture.workbook()))
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_coverage_page_shows_the_rates_and_the_export_is_a_workbook() throws Exception {
        importFixture();
        mvc.perform(get("/wastestream/classification").with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("89.99%")))
                .andExpect(content().string(Matchers.containsString("95.39%")));
        mvc.perform(get(API + "/units/export?covered=false").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(content()
                        .contentTypeCompatibleWith(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        String unitPage = "/wastestream/classification/units/"
                + jdbc.sql("SELECT MIN(id) FROM wsc_unit").query(Long.class).single();
        mvc.perform(post(unitPage + "/inspections")
                        .with(user(users.loadUserByUsername("sanitation1")))
                        .with(csrf())
                        .param("day", "2024-06-03")
                        .param("recyclable", "OK"))
                .andExpect(status().isBadRequest());
    }
}
