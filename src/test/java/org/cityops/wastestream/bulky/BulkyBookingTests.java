package org.cityops.wastestream.bulky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Point 6: a citizen books a bulky-waste pickup on the public page and gets a code, staff see it with the phone
 * masked and schedule it, a full slot is refused plainly, cancelling needs code and phone, the intake weighed with
 * the code closes the booking and counts in the day's throughput against capacity.
 */
@IntegrationTest
class BulkyBookingTests {

    static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    BulkyWaste bulky;

    @Autowired
    UserDetailsService users;

    static RequestPostProcessor fresh() {
        int n = ADDRESS.getAndIncrement();
        return r -> {
            r.setRemoteAddr("10.77." + (n / 250) + "." + (n % 250 + 1));
            return r;
        };
    }

    Centre centre(String name, int slotCapacity, String capacity) {
        DemoGrids.KnownPoint k = DemoGrids.ZHONGLOU;
        return bulky.createCentre(
                new BulkyWaste.CentreDraft(
                        name, k.lat(), k.lon(), "测试路", new BigDecimal(capacity), true, "木质、金属", slotCapacity),
                StaffMember.SYSTEM);
    }

    MockHttpServletRequestBuilder booking(Centre c, LocalDate day, String slot, String phone) {
        return post("/public/bulky")
                .with(csrf())
                .with(fresh())
                .param("centreId", String.valueOf(c.id()))
                .param("address", "钟楼区测试路5号")
                .param("items", "旧沙发1张")
                .param("day", day.toString())
                .param("slot", slot)
                .param("phone", phone);
    }

    String book(Centre c, LocalDate day, String slot, String phone) throws Exception {
        var flash = mvc.perform(booking(c, day, slot, phone))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap();
        return ((BulkyWaste.Confirmation) flash.get("confirmation")).code();
    }

    @Test
    void a_citizen_books_anonymously_gets_a_code_and_staff_see_the_booking_with_the_phone_masked() throws Exception {
        Centre c = centre("测试分拣中心甲", 5, "5");
        LocalDate day = bulky.today().plusDays(2);
        mvc.perform(get("/public/bulky")).andExpect(status().isOk());
        String code = book(c, day, "AM", "13912345678");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{8}");
        String body = mvc.perform(get("/api/v1/wastestream/bulky/bookings?centreId=" + c.id())
                        .header("Authorization", Api.bearer(mvc, "sanitation1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value(code))
                .andExpect(jsonPath("$[0].status").value("BOOKED"))
                .andExpect(jsonPath("$[0].phoneMasked").value("139****5678"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("13912345678");
        mvc.perform(get("/wastestream/bulky").with(user(users.loadUserByUsername("leader1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(code)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("13912345678"))));
    }

    @Test
    void a_full_slot_is_refused_with_a_plain_message_and_the_other_slot_is_still_open() throws Exception {
        Centre c = centre("测试分拣中心乙", 2, "5");
        LocalDate day = bulky.today().plusDays(3);
        book(c, day, "PM", "13900000001");
        book(c, day, "PM", "13900000002");
        mvc.perform(booking(c, day, "PM", "13900000003").locale(java.util.Locale.CHINA))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("该时段已约满")));
        book(c, day, "AM", "13900000003");
    }

    @Test
    void a_booking_for_today_or_without_a_phone_is_refused_naming_the_problem() throws Exception {
        Centre c = centre("测试分拣中心丙", 5, "5");
        mvc.perform(booking(c, bulky.today(), "AM", "13900000001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("预约日期")));
        mvc.perform(booking(c, bulky.today().plusDays(1), "AM", "12345"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("电话")));
    }

    @Test
    void cancelling_needs_the_code_and_the_phone_given_at_booking() throws Exception {
        Centre c = centre("测试分拣中心丁", 5, "5");
        String code = book(c, bulky.today().plusDays(1), "AM", "13700000007");
        mvc.perform(post("/public/bulky/cancel")
                        .with(csrf())
                        .with(fresh())
                        .param("code", code)
                        .param("phone", "13700000008"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/public/bulky/cancel")
                        .with(csrf())
                        .with(fresh())
                        .param("code", code.toLowerCase())
                        .param("phone", "137 0000 0007"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"cancelled\"")));
        assertThat(bulky.bookings(c.id(), null, StaffMember.SYSTEM).get(0).status())
                .isEqualTo(BookingStatus.CANCELLED);
        mvc.perform(post("/public/bulky/cancel")
                        .with(csrf())
                        .with(fresh())
                        .param("code", code)
                        .param("phone", "13700000007"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void scheduled_then_weighed_with_its_code_a_booking_is_collected_and_counts_against_capacity() throws Exception {
        Centre c = centre("测试分拣中心戊", 5, "1");
        String code = book(c, bulky.today().plusDays(1), "PM", "13600000006");
        Booking b = bulky.bookings(c.id(), null, StaffMember.SYSTEM).get(0);
        String token = Api.bearer(mvc, "sanitation1");
        mvc.perform(post("/api/v1/wastestream/bulky/bookings/" + b.id() + "/schedule")
                        .header("Authorization", token)
                        .contentType("application/json")
                        .content("{\"crew\":\"苏D·X0001 王师傅\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
        LocalDate today = bulky.today();
        mvc.perform(post("/api/v1/wastestream/bulky/intakes")
                        .header("Authorization", token)
                        .contentType("application/json")
                        .content("{\"centreId\":" + c.id() + ",\"area\":\"木质\",\"netKg\":700,\"day\":\"" + today
                                + "\",\"bookingCode\":\"" + code + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/wastestream/bulky/intakes")
                        .header("Authorization", token)
                        .contentType("application/json")
                        .content("{\"centreId\":" + c.id() + ",\"area\":\"METAL\",\"netKg\":450.5,\"day\":\"" + today
                                + "\"}"))
                .andExpect(status().isCreated());
        assertThat(bulky.bookings(c.id(), null, StaffMember.SYSTEM).get(0).status())
                .isEqualTo(BookingStatus.COLLECTED);
        String rows = mvc.perform(get("/api/v1/wastestream/bulky/throughput?from=" + today + "&to=" + today)
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Object> mine = JsonPath.read(rows, "$[?(@.centreId==" + c.id() + ")]");
        assertThat(mine).hasSize(1);
        assertThat(JsonPath.read(rows, "$[?(@.centreId==" + c.id() + ")].tonnes")
                        .toString())
                .contains("1.15");
        assertThat(JsonPath.read(rows, "$[?(@.centreId==" + c.id() + ")].overCapacity")
                        .toString())
                .contains("true");
        mvc.perform(get("/api/v1/wastestream/bulky/throughput/export?from=" + today + "&to=" + today)
                        .header("Authorization", token))
                .andExpect(status().isOk());
    }

    @Test
    void a_negative_weight_or_an_unknown_storage_area_is_refused_naming_the_field() {
        Centre c = centre("测试分拣中心己", 5, "5");
        LocalDate today = bulky.today();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> bulky.weigh(c.id(), "WOOD", new BigDecimal("-1"), today, null, StaffMember.SYSTEM))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("netKg");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> bulky.weigh(c.id(), "石材", BigDecimal.TEN, today, null, StaffMember.SYSTEM))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("area");
    }

    @Test
    void the_public_form_is_throttled_per_address() throws Exception {
        Centre c = centre("测试分拣中心庚", 50, "5");
        RequestPostProcessor same = r -> {
            r.setRemoteAddr("10.99.0.1");
            return r;
        };
        for (int i = 0; i < 10; i++) {
            mvc.perform(booking(c, bulky.today().plusDays(1), "AM", "1350000%04d".formatted(i))
                            .with(same))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(booking(c, bulky.today().plusDays(1), "AM", "13500009999").with(same))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void the_demo_has_the_seed_seven_centres_with_liyang_at_5_tonnes_a_day() {
        List<Centre> centres = bulky.centres(StaffMember.SYSTEM);
        assertThat(centres.stream()
                        .filter(x -> x.name().endsWith("中心") || x.name().endsWith("站")))
                .extracting(Centre::name)
                .contains("溧阳市大件垃圾分拣中心", "钟楼区大件垃圾处理中心", "武进区大件垃圾分拣站");
        Centre liyang = centres.stream()
                .filter(x -> x.name().equals("溧阳市大件垃圾分拣中心"))
                .findFirst()
                .orElseThrow();
        assertThat(liyang.capacityTonnesDay()).isEqualByComparingTo("5");
        assertThat(liyang.capacitySynthetic()).isFalse();
        assertThat(liyang.districtCode()).isEqualTo("320481");
    }
}
