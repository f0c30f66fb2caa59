package org.cityops.wastestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.CityClock;
import org.cityops.platform.CreditCode;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.wastestream.collection.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The CSV bulk path keeps the API's checks (all or nothing, duplicates skipped); the route check flags pickups. */
@IntegrationTest
class BulkImportAndRouteTests {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    static String code() {
        String first = "91320400QR%07d".formatted(SEQ.incrementAndGet());
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

    String csv(String body, int expected) throws Exception {
        return mvc.perform(post("/api/v1/wastestream/collections/import.csv")
                        .header("Authorization", token())
                        .contentType("text/csv")
                        .content(body.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String producer() throws Exception {
        String credit = code();
        var p = DemoGrids.TIANNING;
        send("/api/v1/wastestream/producers", """
                {"creditCode":"%s","name":"线路测试餐厅","category":"餐饮","lat":%s,"lon":%s,"expectedKgDay":50,
                 "collector":"收运公司","contractFrom":"2020-01-01","contractTo":"2099-12-31"}""".formatted(credit, p.lat(), p.lon()), 201);
        return credit;
    }

    String vehicle() throws Exception {
        int n = SEQ.incrementAndGet();
        String plate = "苏DB%03d".formatted(n); // not 苏DR…: WasteReportsTests registers those in the same context
        send("/api/v1/wastestream/vehicles", """
                {"plate":"%s","plateColor":2,"terminal":"1391950%04d","ratedLoadKg":2000,"districtCode":"320402"}""".formatted(plate, n), 201);
        return plate;
    }

    long stored(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM wst_collection WHERE device_record_id LIKE :p")
                .param("p", prefix + "%")
                .query(Long.class)
                .single();
    }

    LocalDate lastWeeksMonday() {
        return LocalDate.ofInstant(clock.instant(), CityClock.ZONE)
                .minusWeeks(1)
                .with(DayOfWeek.MONDAY);
    }

    static String line(String id, String credit, String time, String net, String plate) {
        return String.join(",", id, credit, "", time, "", "", net, "否", plate, "张三", "", "") + "\n";
    }

    @Test
    void a_csv_file_is_stored_once_and_a_second_upload_of_it_adds_nothing() throws Exception {
        String credit = producer();
        String plate = vehicle();
        String day = lastWeeksMonday().toString();
        String file = "\uFEFF" + String.join(",", Collections.HEADERS) + "\n"
                + line("CSV-A-1", credit, day + " 07:00", "120.5", plate)
                + line("CSV-A-2", credit, day + " 08:00", "80", plate)
                + "\"CSV-A-3\"," + credit + ",,\"" + day + " 09:00\",300,100,200,是,\"" + plate + "\",,,\n";
        String first = csv(file, 200);
        assertThat((Integer) JsonPath.read(first, "$.accepted")).isEqualTo(3);
        assertThat(stored("CSV-A-")).isEqualTo(3);
        String again = csv(file, 200);
        assertThat((Integer) JsonPath.read(again, "$.accepted")).isZero();
        assertThat((Integer) JsonPath.read(again, "$.duplicates")).isEqualTo(3);
        assertThat(stored("CSV-A-")).isEqualTo(3);
    }

    @Test
    void a_csv_file_with_an_absurd_weight_names_the_line_and_column_and_stores_nothing() throws Exception {
        String credit = producer();
        String plate = vehicle();
        String day = lastWeeksMonday().toString();
        String file = String.join(",", Collections.HEADERS) + "\n"
                + line("CSV-B-1", credit, day + " 07:00", "100", plate)
                + line("CSV-B-2", credit, day + " 08:00", "2500", plate)
                + line("CSV-B-1", credit, "yesterday", "x", plate);
        String body = csv(file, 400);
        List<Integer> rows = JsonPath.read(body, "$.errors[*].row");
        List<String> fields = JsonPath.read(body, "$.errors[*].field");
        assertThat(rows).contains(3, 4);
        assertThat(fields).contains("净重(千克)", "收运时间", "设备记录号");
        assertThat(JsonPath.<List<String>>read(body, "$.errors[?(@.row == 3)].field"))
                .containsExactly("净重(千克)");
        assertThat(stored("CSV-B-")).isZero();
    }

    @Test
    void a_csv_file_with_a_missing_column_is_refused_naming_it() throws Exception {
        String body = csv("设备记录号,统一社会信用代码\nX,Y\n", 400);
        assertThat((String) JsonPath.read(body, "$.errors[0].field")).isEqualTo("桶号");
    }

    @Test
    void pickups_off_the_vehicles_route_or_outside_its_window_are_flagged_and_shown_on_the_trip() throws Exception {
        String onRoute = producer();
        String elsewhere = producer();
        String plate = vehicle();
        LocalDate monday = lastWeeksMonday();
        String stop = send("/api/v1/wastestream/routes", """
                {"plate":"%s","weekday":1,"creditCode":"%s","from":"06:00","to":"10:00"}""".formatted(plate, onRoute), 201);
        assertThat((String) JsonPath.read(stop, "$.weekdayLabel")).isEqualTo("周一");
        Instant inWindow = LocalDateTime.of(monday, java.time.LocalTime.of(8, 0))
                .atZone(CityClock.ZONE)
                .toInstant();
        String batch = send(
                "/api/v1/wastestream/collections",
                """
                {"records":[
                 {"deviceRecordId":"RT-%1$s-1","creditCode":"%2$s","collectedAt":"%3$s","netKg":50,"plate":"%4$s"},
                 {"deviceRecordId":"RT-%1$s-2","creditCode":"%2$s","collectedAt":"%5$s","netKg":50,"plate":"%4$s"},
                 {"deviceRecordId":"RT-%1$s-3","creditCode":"%6$s","collectedAt":"%7$s","netKg":50,"plate":"%4$s"}]}""".formatted(
                                plate,
                                onRoute,
                                inWindow,
                                plate,
                                inWindow.plusSeconds(4 * 3600),
                                elsewhere,
                                inWindow.plusSeconds(60)),
                200);
        assertThat((Integer) JsonPath.read(batch, "$.offRoute")).isEqualTo(2);
        assertThat(jdbc.sql(
                                "SELECT route_flag FROM wst_collection WHERE device_record_id LIKE :p ORDER BY device_record_id")
                        .param("p", "RT-" + plate + "-%")
                        .query(String.class)
                        .list())
                .containsExactly(null, "OUTSIDE_WINDOW", "NOT_ON_ROUTE");
        Instant in = inWindow.plusSeconds(5 * 3600);
        send("/api/v1/wastestream/weighbridge", """
                {"receipts":[{"receiptNo":"WB-RT-%s","plate":"%s","inAt":"%s","outAt":"%s","grossKg":9150,"tareKg":9000,"netKg":150}]}""".formatted(plate, plate, in, in.plusSeconds(300)), 200);
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                        "/login")
                                .user("sanitation1")
                                .password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
        String page = mvc.perform(get("/wastestream/trip")
                        .param("receipt", "WB-RT-" + plate)
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("不在当日收运线路", "超出线路收运时段");
    }

    @Test
    void a_route_stop_for_an_unknown_producer_or_an_empty_window_is_refused_naming_the_field() throws Exception {
        String plate = vehicle();
        String body = send("/api/v1/wastestream/routes", """
                {"plate":"%s","weekday":2,"creditCode":"%s","from":"06:00","to":"10:00"}""".formatted(plate, code()), 400);
        assertThat((String) JsonPath.read(body, "$.field")).isEqualTo("creditCode");
        body = send("/api/v1/wastestream/routes", """
                {"plate":"%s","weekday":2,"creditCode":"%s","from":"10:00","to":"09:00"}""".formatted(plate, producer()), 400);
        assertThat((String) JsonPath.read(body, "$.field")).isEqualTo("to");
    }
}
