package org.cityops.wastestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.stats.WallTile;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.support.OoxmlCheck;
import org.cityops.wastestream.report.WasteExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 17 point 7: a trip's detail, the producer map's states, the exports, the monthly .docx and the wall tile. */
@IntegrationTest
class WasteReportsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    List<WallTile> tiles;

    String token() {
        return Api.bearer(mvc, "sanitation1");
    }

    String send(String path, String json, int expected) throws Exception {
        return mvc.perform(post(path)
                        .header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String read(String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", token()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    byte[] bytes(String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", token()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void a_short_trip_opens_with_its_weighbridge_receipt_its_pickups_and_the_gap() throws Exception {
        int n = WasteStreamFlowTests.SEQ.incrementAndGet();
        String plate = "苏DR%03d".formatted(n);
        send("/api/v1/wastestream/vehicles", """
                {"plate":"%s","plateColor":2,"terminal":"1391700%04d","ratedLoadKg":3000,"districtCode":"320402"}""".formatted(plate, n), 201);
        String credit = WasteStreamFlowTests.code();
        var p = DemoGrids.TIANNING;
        send("/api/v1/wastestream/producers", """
                {"creditCode":"%s","name":"趟次详情餐厅","category":"餐饮","lat":%s,"lon":%s,"collector":"收运公司",
                 "contractFrom":"2020-01-01","contractTo":"2099-12-31"}""".formatted(credit, p.lat(), p.lon()), 201);
        Instant now = clock.instant();
        send(
                "/api/v1/wastestream/collections",
                """
                {"records":[
                 {"deviceRecordId":"R-%1$d-1","creditCode":"%2$s","collectedAt":"%3$s","netKg":700,"plate":"%4$s","lat":%5$s,"lon":%6$s},
                 {"deviceRecordId":"R-%1$d-2","creditCode":"%2$s","collectedAt":"%7$s","netKg":800,"estimated":true,"plate":"%4$s","lat":%5$s,"lon":%6$s}]}""".formatted(
                        n, credit, now.minusSeconds(3 * 3600), plate, p.lat(), p.lon(), now.minusSeconds(2 * 3600)),
                200);
        Instant in = now.minusSeconds(3600);
        send("/api/v1/wastestream/weighbridge", """
                {"receipts":[{"receiptNo":"WR-%d","plate":"%s","inAt":"%s","outAt":"%s","grossKg":10000,"tareKg":9000,"netKg":1000}]}""".formatted(n, plate, in, in.plusSeconds(300)), 200);

        String trip = read("/api/v1/wastestream/trip?receipt=WR-" + n);
        assertThat((String) JsonPath.read(trip, "$.trip.status")).isEqualTo("SHORT");
        assertThat(((Number) JsonPath.read(trip, "$.trip.gapKg")).doubleValue()).isEqualTo(-500.0);
        assertThat(((Number) JsonPath.read(trip, "$.receipt.netKg")).doubleValue())
                .isEqualTo(1000.0);
        assertThat((List<Boolean>) JsonPath.read(trip, "$.pickups[*].estimated"))
                .containsExactly(false, true);

        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                        "/login")
                                .user("sanitation1")
                                .password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
        String html = mvc.perform(get("/wastestream/trip?receipt=WR-" + n).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("少于收运量").contains("趟次详情餐厅").contains("-500.0").contains("估重");
    }

    @Test
    void an_unknown_receipt_has_no_trip() throws Exception {
        mvc.perform(get("/api/v1/wastestream/trip?receipt=NO-SUCH").header("Authorization", token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_map_shows_the_demo_producer_not_collected_for_three_days_as_missed() throws Exception {
        LocalDate yesterday =
                LocalDate.ofInstant(clock.instant(), CityClock.ZONE).minusDays(1);
        String points = read("/api/v1/wastestream/producer-points?day=" + yesterday);
        assertThat((List<String>) JsonPath.read(points, "$[?(@.name == '示例餐厨产生单位12')].state"))
                .containsExactly("MISSED");
        assertThat((List<String>) JsonPath.read(points, "$[?(@.name == '示例餐厨产生单位1')].state"))
                .containsExactly("TODAY");
    }

    @Test
    void the_monthly_report_is_valid_wordprocessingml_and_states_the_months_tonnes_as_the_figures_api()
            throws Exception {
        YearMonth month = YearMonth.from(
                LocalDate.ofInstant(clock.instant(), CityClock.ZONE).minusDays(1));
        byte[] docx = bytes("/api/v1/wastestream/reports/monthly?month=" + month);
        assertThat(OoxmlCheck.problems(docx)).isEmpty();
        String figures = read("/api/v1/wastestream/figures?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth());
        String tonnes = new java.math.BigDecimal(
                        JsonPath.read(figures, "$.tonnes").toString())
                .setScale(2)
                .toPlainString();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText())
                    .contains("餐厨废弃物收运监管月报")
                    .contains("本月共收运餐厨废弃物" + tonnes + "吨")
                    .contains("日产日清率");
        }
    }

    @Test
    void the_trips_export_has_the_documented_columns_and_marks_the_demo_short_trip() throws Exception {
        YearMonth month = YearMonth.from(
                LocalDate.ofInstant(clock.instant(), CityClock.ZONE).minusDays(1));
        byte[] xlsx = bytes("/api/v1/wastestream/trips/export?month=" + month);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            for (int i = 0; i < WasteExports.TRIP_HEADERS.size(); i++) {
                assertThat(sheet.getRow(0).getCell(i).getStringCellValue()).isEqualTo(WasteExports.TRIP_HEADERS.get(i));
            }
            boolean shortTrip = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                shortTrip |= "少于收运量".equals(sheet.getRow(r).getCell(10).getStringCellValue());
            }
            assertThat(shortTrip).isTrue();
        }
    }

    @Test
    void the_wall_tile_counts_missed_producers_and_links_to_the_supervision_pages() {
        WallTile tile = tiles.stream()
                .filter(t -> t.key().equals("wastestream"))
                .findFirst()
                .orElseThrow();
        var figures = tile.figures(StaffMember.SYSTEM, "");
        assertThat(figures).extracting(WallTile.WallFigure::label).containsExactly("物料不平衡趟次", "漏收单位", "日产日清率(%)");
        assertThat(figures).allMatch(f -> f.link().startsWith("/wastestream"));
        assertThat(figures.get(1).value()).isPositive();
    }

    @Test
    void an_operator_may_not_download_the_monthly_report() throws Exception {
        mvc.perform(get("/api/v1/wastestream/reports/monthly").header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isForbidden());
    }
}
