package org.cityops.wastestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.CityClock;
import org.cityops.platform.CreditCode;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.wastestream.ledger.Producers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The ledger's and the collection API's bad input, idempotent batches, the far flag and a short trip. */
@IntegrationTest
class WasteStreamFlowTests {

    static final AtomicInteger SEQ = new AtomicInteger();
    static final double METRE_LAT = 1 / 111_195.0;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    static String code() {
        String first = "91320400MB%07d".formatted(SEQ.incrementAndGet());
        return first + CreditCode.checkChar(first);
    }

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

    String producer(String credit) throws Exception {
        var p = DemoGrids.TIANNING;
        send("/api/v1/wastestream/producers", """
                {"creditCode":"%s","name":"流程测试餐厅","category":"餐饮","lat":%s,"lon":%s,"expectedKgDay":50,
                 "collector":"收运公司","contractFrom":"2020-01-01","contractTo":"2099-12-31"}""".formatted(credit, p.lat(), p.lon()), 201);
        return credit;
    }

    @Test
    void a_credit_code_with_a_wrong_check_character_is_refused_naming_the_field() throws Exception {
        String good = code();
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String body = send(
                "/api/v1/wastestream/producers",
                """
                {"creditCode":"%s","name":"错码餐厅","category":"餐饮","lat":%s,"lon":%s}""".formatted(bad, DemoGrids.TIANNING.lat(), DemoGrids.TIANNING.lon()),
                400);
        assertThat((String) JsonPath.read(body, "$.field")).isEqualTo("creditCode");
    }

    @Test
    void a_producer_import_with_one_bad_row_names_row_and_column_and_imports_nothing() throws Exception {
        var p = DemoGrids.ZHONGLOU;
        String c1 = code();
        String c2 = code();
        String bad = c2.substring(0, 17) + (c2.charAt(17) == '0' ? '1' : '0');
        byte[] xlsx;
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("产生单位", Producers.HEADERS);
            s.row(
                    c1,
                    "好单位",
                    null,
                    null,
                    String.valueOf(p.lat()),
                    String.valueOf(p.lon()),
                    "餐饮",
                    "20",
                    null,
                    null,
                    null,
                    "IMP-T1:240");
            s.row(
                    bad,
                    "错码单位",
                    null,
                    null,
                    String.valueOf(p.lat()),
                    String.valueOf(p.lon()),
                    "餐饮",
                    "20",
                    null,
                    null,
                    null,
                    null);
            s.row(
                    code(),
                    "上海单位",
                    null,
                    null,
                    String.valueOf(DemoGrids.OUTSIDE_LAT),
                    String.valueOf(DemoGrids.OUTSIDE_LON),
                    "澡堂",
                    "20",
                    null,
                    null,
                    null,
                    null);
            xlsx = wb.toBytes();
        }
        mvc.perform(multipart("/api/v1/wastestream/producers/import")
                        .file(new MockMultipartFile("file", "p.xlsx", null, xlsx))
                        .header("Authorization", token()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == '统一社会信用代码')]")
                        .exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 4 && @.field == '纬度')]").exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 4 && @.field == '类别')]").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wst_producer WHERE credit_code = :c")
                        .param("c", c1)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_workbook_with_wrong_columns_is_refused_naming_the_missing_column() throws Exception {
        byte[] xlsx;
        try (WorkbookWriter wb = new WorkbookWriter()) {
            wb.sheet("x", List.of("名称", "地址")).row("某单位", "某路");
            xlsx = wb.toBytes();
        }
        mvc.perform(multipart("/api/v1/wastestream/collections/import")
                        .file(new MockMultipartFile("file", "c.xlsx", null, xlsx))
                        .header("Authorization", token()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("设备记录号"));
    }

    @Test
    void collections_are_stored_once_flagged_when_far_and_a_short_trip_is_flagged_at_the_weighbridge()
            throws Exception {
        int n = SEQ.incrementAndGet();
        String plate = "苏DF%03d".formatted(n);
        send("/api/v1/wastestream/vehicles", """
                {"plate":"%s","plateColor":2,"terminal":"1391800%04d","ratedLoadKg":2000,"districtCode":"320402"}""".formatted(plate, n), 201);
        String credit = producer(code());
        var p = DemoGrids.TIANNING;
        Instant now = clock.instant();
        Instant t1 = now.minusSeconds(3 * 3600);
        Instant t2 = now.minusSeconds(3 * 3600 - 600);
        String batch = """
                {"records":[
                 {"deviceRecordId":"F-%1$d-1","creditCode":"%2$s","collectedAt":"%3$s","netKg":600,"plate":"%4$s","lat":%5$s,"lon":%6$s},
                 {"deviceRecordId":"F-%1$d-2","creditCode":"%2$s","collectedAt":"%7$s","grossKg":9700,"tareKg":9000,"plate":"%4$s","lat":%8$s,"lon":%6$s}]}""".formatted(n, credit, t1, plate, p.lat(), p.lon(), t2, p.lat() + 300 * METRE_LAT);
        String first = send("/api/v1/wastestream/collections", batch, 200);
        assertThat((Integer) JsonPath.read(first, "$.accepted")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(first, "$.flagged")).isEqualTo(1);
        String again = send("/api/v1/wastestream/collections", batch, 200);
        assertThat((Integer) JsonPath.read(again, "$.accepted")).isZero();
        assertThat((Integer) JsonPath.read(again, "$.duplicates")).isEqualTo(2);

        String tooHeavy = send("/api/v1/wastestream/collections", """
                {"records":[
                 {"deviceRecordId":"F-%1$d-3","creditCode":"%2$s","collectedAt":"%3$s","netKg":10,"plate":"%4$s"},
                 {"deviceRecordId":"F-%1$d-4","creditCode":"%2$s","collectedAt":"%3$s","netKg":2500,"plate":"%4$s"},
                 {"deviceRecordId":"F-%1$d-5","creditCode":"91110000802100433B","collectedAt":"%3$s","netKg":10,"plate":"%4$s"},
                 {"deviceRecordId":"F-%1$d-3","creditCode":"%2$s","containerTag":"NO-SUCH-BIN","collectedAt":"%3$s","netKg":10,"plate":"%4$s"}]}""".formatted(n, credit, t2, plate), 400);
        assertThat((List<Object>) JsonPath.read(tooHeavy, "$.errors[?(@.row == 2 && @.field == 'netKg')]"))
                .hasSize(1);
        assertThat((List<Object>) JsonPath.read(tooHeavy, "$.errors[?(@.row == 3 && @.field == 'creditCode')]"))
                .hasSize(1);
        assertThat((List<Object>) JsonPath.read(tooHeavy, "$.errors[?(@.row == 4 && @.field == 'containerTag')]"))
                .hasSize(1);
        assertThat((List<Object>) JsonPath.read(tooHeavy, "$.errors[?(@.row == 4 && @.field == 'deviceRecordId')]"))
                .hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wst_collection WHERE device_record_id = :d")
                        .param("d", "F-" + n + "-3")
                        .query(Long.class)
                        .single())
                .as("all or nothing")
                .isZero();

        Instant in = now.minusSeconds(3600);
        send("/api/v1/wastestream/weighbridge", """
                {"receipts":[{"receiptNo":"WB-%d","plate":"%s","inAt":"%s","outAt":"%s","grossKg":10000,"tareKg":9000,"netKg":1000}]}""".formatted(n, plate, in, in.plusSeconds(300)), 200);
        LocalDate day = LocalDate.ofInstant(in, CityClock.ZONE);
        String trips = mvc.perform(get("/api/v1/wastestream/trips?day=" + day).header("Authorization", token()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> statuses = JsonPath.read(trips, "$[?(@.receiptNo == 'WB-" + n + "')].status");
        assertThat(statuses).containsExactly("SHORT");
        List<Number> collected = JsonPath.read(trips, "$[?(@.receiptNo == 'WB-" + n + "')].collectedKg");
        assertThat(collected.get(0).doubleValue()).isEqualTo(1300.0);
    }

    @Test
    void the_supervision_page_shows_the_demo_short_trip_and_the_missed_producer() throws Exception {
        LocalDate yesterday =
                LocalDate.ofInstant(clock.instant(), CityClock.ZONE).minusDays(1);
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                        "/login")
                                .user("sanitation1")
                                .password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
        String html = mvc.perform(get("/wastestream?day=" + yesterday).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM wst_producer WHERE credit_code LIKE '91320400MC%' AND district_code IS NULL")
                        .query(Long.class)
                        .single())
                .as("every demo producer lies in a district")
                .isZero();
        assertThat(html).contains("data-status=\"SHORT\"").contains("少于收运量").contains("示例餐厨产生单位12");
        // the pickup reported 350 m from 示例餐厨产生单位5 is listed with its distance
        assertThat(html.substring(html.indexOf("data-testid=\"far\"")))
                .contains("示例餐厨产生单位5")
                .contains("350");
    }

    @Test
    void an_operator_may_not_read_the_kitchen_waste_ledger() throws Exception {
        mvc.perform(get("/api/v1/wastestream/producers").header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isForbidden());
    }
}
