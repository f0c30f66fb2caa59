package org.cityops.wastestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.wastestream.collection.WasteFleet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Point 4: the seed's 3,617 signed producers, 103,491.86 t and 309.86 t a day come out of the figures report after
 * the synthetic year is loaded through the two .xlsx imports.
 */
@IntegrationTest
class SeedFiguresTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WasteFleet fleet;

    @Test
    void the_seed_year_loaded_through_the_imports_reports_103491_86_t_and_309_86_t_a_day() throws Exception {
        for (int v = 0; v < SeedYear.VEHICLES; v++) {
            fleet.register(
                    SeedYear.plate(v),
                    2,
                    SeedYear.terminal(v),
                    SeedYear.RATED_LOAD_KG,
                    "常州市餐厨废弃物收运有限公司",
                    null,
                    StaffMember.SYSTEM);
        }
        String token = Api.bearer(mvc, "sanitation1");
        mvc.perform(multipart("/api/v1/wastestream/producers/import")
                        .file(new MockMultipartFile("file", "producers.xlsx", null, SeedYear.producersXlsx()))
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(SeedYear.PRODUCERS));
        mvc.perform(multipart("/api/v1/wastestream/collections/import")
                        .file(new MockMultipartFile("file", "collections.xlsx", null, SeedYear.collectionsXlsx()))
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(334 * SeedYear.PER_DAY + 2));
        String body = mvc.perform(get("/api/v1/wastestream/figures?from=2019-01-01&to=2019-11-30")
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(334))
                .andExpect(jsonPath("$.producers").value(3617))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(new BigDecimal(JsonPath.read(body, "$.tonnes").toString())).isEqualByComparingTo("103491.86");
        assertThat(new BigDecimal(JsonPath.read(body, "$.tonnesPerDay").toString()))
                .isEqualByComparingTo("309.86");
        String rates = mvc.perform(
                        get("/api/v1/wastestream/signing-rates?day=2019-11-30").header("Authorization", token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Integer> signed = JsonPath.read(rates, "$[*].signed");
        assertThat(signed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3617);
        // a second upload of the same pickups adds nothing (device record ids)
        mvc.perform(multipart("/api/v1/wastestream/collections/import")
                        .file(new MockMultipartFile("file", "collections.xlsx", null, SeedYear.collectionsXlsx()))
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(334 * SeedYear.PER_DAY + 2));
    }
}
