package org.cityops.wastestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.CreditCode;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** 收运登记 on a phone: the API's checks, the photo kept with its SHA-256, one tap stores one pickup. */
@IntegrationTest
class MobilePickupTests {

    static final AtomicInteger SEQ = new AtomicInteger();
    static final double METRE_LAT = 1 / 111_195.0;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    static String code() {
        String first = "91320400QM%07d".formatted(SEQ.incrementAndGet());
        return first + CreditCode.checkChar(first);
    }

    void api(String path, String json) throws Exception {
        mvc.perform(post(path)
                        .header("Authorization", Api.bearer(mvc, "sanitation1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated());
    }

    String producer() throws Exception {
        String credit = code();
        var p = DemoGrids.TIANNING;
        api("/api/v1/wastestream/producers", """
                {"creditCode":"%s","name":"手机登记餐厅%s","category":"餐饮","lat":%s,"lon":%s,"expectedKgDay":50,
                 "collector":"收运公司","contractFrom":"2020-01-01","contractTo":"2099-12-31"}""".formatted(credit, SEQ.get(), p.lat(), p.lon()));
        return credit;
    }

    String vehicle() throws Exception {
        int n = SEQ.incrementAndGet();
        String plate = "苏DM%03d".formatted(n);
        api("/api/v1/wastestream/vehicles", """
                {"plate":"%s","plateColor":2,"terminal":"1391700%04d","ratedLoadKg":2000,"districtCode":"320402"}""".formatted(plate, n));
        return plate.replace("·", "");
    }

    MockMultipartHttpServletRequestBuilder entry(String id, String credit, String plate, String net, double lat) {
        MockMultipartHttpServletRequestBuilder b = multipart("/wastestream/pickup");
        b.file(new MockMultipartFile("photo", "bin.png", "image/png", PNG))
                .param("deviceRecordId", id)
                .param("creditCode", credit)
                .param("plate", plate)
                .param("netKg", net)
                .param("lat", String.valueOf(lat))
                .param("lon", String.valueOf(DemoGrids.TIANNING.lon()))
                .with(user(users.loadUserByUsername("sanitation1")))
                .with(csrf());
        return b;
    }

    long stored(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM wst_collection WHERE device_record_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    @Test
    void the_form_lists_the_producers_with_their_positions_for_nearest_first() throws Exception {
        String credit = producer();
        String html = mvc.perform(get("/wastestream/pickup").with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(credit, "data-lat=", "capture=\"environment\"", "餐厨收运登记");
    }

    @Test
    void one_tap_stores_the_pickup_and_its_photo_with_the_sha256_of_its_bytes() throws Exception {
        String credit = producer();
        String plate = vehicle();
        String id = "M-T-" + SEQ.incrementAndGet();
        mvc.perform(entry(id, credit, plate, "55.5", DemoGrids.TIANNING.lat())).andExpect(status().is3xxRedirection());
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        assertThat(jdbc.sql(
                                "SELECT source || ' ' || net_kg || ' ' || photo_sha256 FROM wst_collection WHERE device_record_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("MOBILE 55.50 " + sha);
        mvc.perform(get("/wastestream/photo/" + id).with(user(users.loadUserByUsername("leader1"))))
                .andExpect(status().isOk())
                .andExpect(
                        r -> assertThat(r.getResponse().getContentAsByteArray()).isEqualTo(PNG))
                .andExpect(r -> assertThat(r.getResponse().getHeader("X-Content-SHA256"))
                        .isEqualTo(sha));
    }

    @Test
    void a_second_tap_with_the_same_record_is_not_stored_twice() throws Exception {
        String credit = producer();
        String plate = vehicle();
        String id = "M-T-" + SEQ.incrementAndGet();
        mvc.perform(entry(id, credit, plate, "20", DemoGrids.TIANNING.lat())).andExpect(status().is3xxRedirection());
        mvc.perform(entry(id, credit, plate, "20", DemoGrids.TIANNING.lat()))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(((org.cityops.wastestream.collection.MobilePickups.Result)
                                        r.getFlashMap().get("saved"))
                                .duplicate())
                        .isTrue());
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void an_absurd_weight_is_refused_naming_the_field_and_nothing_is_stored() throws Exception {
        String credit = producer();
        String plate = vehicle();
        String id = "M-T-" + SEQ.incrementAndGet();
        String html = mvc.perform(entry(id, credit, plate, "25000", DemoGrids.TIANNING.lat()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("净重(千克)", "核定载质量", "value=\"25000\"");
        assertThat(stored(id)).isZero();
    }

    @Test
    void a_pickup_300_m_from_its_producer_is_stored_and_flagged_far() throws Exception {
        String credit = producer();
        String plate = vehicle();
        String id = "M-T-" + SEQ.incrementAndGet();
        mvc.perform(entry(id, credit, plate, "20", DemoGrids.TIANNING.lat() + 300 * METRE_LAT))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(((org.cityops.wastestream.collection.MobilePickups.Result)
                                        r.getFlashMap().get("saved"))
                                .far())
                        .isTrue());
    }

    @Test
    void a_file_that_is_not_an_image_is_refused_as_the_photo() throws Exception {
        String credit = producer();
        String plate = vehicle();
        String id = "M-T-" + SEQ.incrementAndGet();
        MockMultipartHttpServletRequestBuilder b = multipart("/wastestream/pickup");
        b.file(new MockMultipartFile("photo", "x.png", "image/png", "not an image".getBytes(StandardCharsets.UTF_8)))
                .param("deviceRecordId", id)
                .param("creditCode", credit)
                .param("plate", plate)
                .param("netKg", "20")
                .with(user(users.loadUserByUsername("sanitation1")))
                .with(csrf());
        String html = mvc.perform(b)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("照片须为");
        assertThat(stored(id)).isZero();
    }

    @Test
    void a_leader_reads_but_may_not_record_a_pickup() throws Exception {
        mvc.perform(get("/wastestream/pickup").with(user(users.loadUserByUsername("leader1"))))
                .andExpect(status().isForbidden());
    }
}
