package org.cityops.wastestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import org.cityops.org.internal.demo.DemoSecrets;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** On-board scales, RFID readers and the weighbridge post with a device key (X-Api-Key, purpose WASTE_DEVICE). */
@IntegrationTest
class DeviceKeyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void a_device_key_posts_collections_and_receipts_and_the_audit_trail_names_the_device() throws Exception {
        Instant at = clock.instant().minusSeconds(7200);
        String id = "DEV-" + System.nanoTime();
        mvc.perform(post("/api/v1/wastestream/collections")
                        .header("X-Api-Key", DemoSecrets.WASTE_DEVICE_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"records":[{"deviceRecordId":"%s","containerTag":"DEMO-BIN-001","collectedAt":"%s",
                                 "netKg":55,"plate":"苏D·C0001"}]}""".formatted(id, at)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        mvc.perform(post("/api/v1/wastestream/weighbridge")
                        .header("X-Api-Key", DemoSecrets.WASTE_DEVICE_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"receipts":[{"receiptNo":"%s","plate":"苏D·C0001","inAt":"%s","outAt":"%s",
                                 "grossKg":9055,"tareKg":9000,"netKg":55}]}""".formatted(id, at.plusSeconds(600), at.plusSeconds(900))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'WST_WEIGHBRIDGE' "
                                + "AND after_summary LIKE :d")
                        .param("d", "%by api-client:%")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void the_device_key_opens_nothing_else_and_another_purposes_key_is_refused() throws Exception {
        mvc.perform(get("/api/v1/wastestream/producers").header("X-Api-Key", DemoSecrets.WASTE_DEVICE_KEY))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/wastestream/collections")
                        .header("X-Api-Key", DemoSecrets.TELEMETRY_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/wastestream/weighbridge")
                        .header("X-Api-Key", "no-such-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receipts\":[]}"))
                .andExpect(status().isUnauthorized());
    }
}
