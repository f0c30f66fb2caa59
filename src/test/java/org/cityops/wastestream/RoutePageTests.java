package org.cityops.wastestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.wastestream.collection.RouteWorkbook;
import org.cityops.wastestream.collection.Routes;
import org.cityops.wastestream.collection.WasteVehicle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 收运线路 page and workbook: refusals named on the form, imports all or nothing with row and column, export. */
@IntegrationTest
class RoutePageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Routes routes;

    String token() {
        return Api.bearer(mvc, "sanitation1");
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user(user)
                        .password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    /** A vehicle of its own (a route on a demo vehicle would flag the other tests' pickups) and a producer. */
    String[] vehicleAndProducer() throws Exception {
        int n = WasteStreamFlowTests.SEQ.incrementAndGet();
        String plate = "苏DL%03d".formatted(n);
        mvc.perform(post("/api/v1/wastestream/vehicles")
                        .header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"plate":"%s","plateColor":2,"terminal":"1392300%04d","ratedLoadKg":3000,"districtCode":"320402"}""".formatted(plate, n)))
                .andExpect(status().isCreated());
        String credit = WasteStreamFlowTests.code();
        mvc.perform(post("/api/v1/wastestream/producers")
                        .header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"creditCode":"%s","name":"线路页面餐厅%d","category":"餐饮","lat":%s,"lon":%s,"collector":"收运公司",
                                 "contractFrom":"2020-01-01","contractTo":"2099-12-31"}""".formatted(credit, n, DemoGrids.TIANNING.lat(), DemoGrids.TIANNING.lon())))
                .andExpect(status().isCreated());
        return new String[] {WasteVehicle.normalizePlate(plate), credit};
    }

    long stopsOf(String plate) {
        return routes.list(org.cityops.org.StaffMember.SYSTEM).stream()
                .filter(s -> s.plate().equals(plate))
                .count();
    }

    @Test
    void a_stop_for_an_unknown_producer_is_refused_on_the_form_naming_the_field_and_nothing_is_stored()
            throws Exception {
        String[] vp = vehicleAndProducer();
        MockHttpSession session = login("sanitation1");
        String html = mvc.perform(post("/wastestream/routes")
                        .session(session)
                        .with(csrf())
                        .param("plate", vp[0])
                        .param("weekday", "2")
                        .param("creditCode", "91320400MA00000000")
                        .param("from", "08:00")
                        .param("to", "09:00"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-error-for=\"creditCode\"").contains("产生单位未登记");
        assertThat(stopsOf(vp[0])).isZero();

        html = mvc.perform(post("/wastestream/routes")
                        .session(session)
                        .with(csrf())
                        .param("plate", vp[0])
                        .param("weekday", "2")
                        .param("creditCode", vp[1])
                        .param("from", "10:00")
                        .param("to", "09:00"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-error-for=\"to\"");
        assertThat(stopsOf(vp[0])).isZero();

        mvc.perform(post("/wastestream/routes")
                        .session(session)
                        .with(csrf())
                        .param("plate", vp[0])
                        .param("weekday", "2")
                        .param("creditCode", vp[1])
                        .param("from", "08:00")
                        .param("to", "09:00"))
                .andExpect(status().is3xxRedirection());
        html = mvc.perform(get("/wastestream/routes").param("plate", vp[0]).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("周二").contains("08:00–09:00").contains(vp[1]);
    }

    @Test
    void a_leader_reads_the_routes_page_but_cannot_change_a_route() throws Exception {
        MockHttpSession session = login("leader1");
        mvc.perform(get("/wastestream/routes").session(session)).andExpect(status().isOk());
        mvc.perform(post("/wastestream/routes").session(session).with(csrf()).param("plate", "x"))
                .andExpect(status().isForbidden());
    }

    ResultActions upload(byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/api/v1/wastestream/routes/import")
                .file(new MockMultipartFile("file", "routes.xlsx", null, xlsx))
                .header("Authorization", token()));
    }

    static byte[] workbook(List<String> headers, List<List<Object>> rows) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("收运线路", headers);
            rows.forEach(s::row);
            return wb.toBytes();
        }
    }

    @Test
    void a_routes_workbook_with_a_bad_row_stores_nothing_and_names_row_and_column_then_the_good_one_round_trips()
            throws Exception {
        String[] vp = vehicleAndProducer();
        byte[] bad = workbook(
                RouteWorkbook.HEADERS,
                List.of(
                        List.of(vp[0], "周一", "07:00", "08:00", vp[1], "x"),
                        List.of(vp[0], "8", "07:00", "08:00", vp[1], "x"),
                        List.of(vp[0], "周三", "07:00", "六点", vp[1], "x"),
                        List.of("苏E00000", "周四", "07:00", "08:00", vp[1], "x"),
                        List.of(vp[0], "1", "09:00", "10:00", vp[1], "x")));
        upload(bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(
                        jsonPath("$.errors[?(@.row == 3 && @.field == '星期')]").exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 4 && @.field == '结束时间')]").exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 5 && @.field == '车牌号')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 6 && @.field == '统一社会信用代码')]")
                        .exists());
        assertThat(stopsOf(vp[0])).isZero();

        upload(workbook(List.of("车牌号", "星期"), List.of(List.of(vp[0], "1"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("开始时间"));

        byte[] good = workbook(
                RouteWorkbook.HEADERS,
                List.of(
                        List.of(vp[0], "周一", "07:00", "08:00", vp[1], "x"),
                        List.of(vp[0], "星期日", "18:30", "19:30", vp[1], "x")));
        upload(good).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
        assertThat(stopsOf(vp[0])).isEqualTo(2);

        byte[] export = mvc.perform(get("/api/v1/wastestream/routes/export").header("Authorization", token()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            var sheet = wb.getSheetAt(0);
            for (int c = 0; c < RouteWorkbook.HEADERS.size(); c++) {
                assertThat(sheet.getRow(0).getCell(c).getStringCellValue()).isEqualTo(RouteWorkbook.HEADERS.get(c));
            }
            List<String> mine = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row.getCell(0).getStringCellValue().equals(vp[0])) {
                    mine.add(row.getCell(1).getStringCellValue() + " "
                            + row.getCell(2).getStringCellValue() + "–"
                            + row.getCell(3).getStringCellValue());
                }
            }
            assertThat(mine).containsExactly("周一 07:00–08:00", "周日 18:30–19:30");
        }
        // the export imports again unchanged (the same stops, their windows kept)
        upload(export).andExpect(status().isOk());
        assertThat(stopsOf(vp[0])).isEqualTo(2);
    }
}
