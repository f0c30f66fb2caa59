package org.cityops.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cityops.rectification.internal.WarningService;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class WarningTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WarningService warnings;

    @Test
    void overdueAndDueSoonMeasuresAreFlaggedOncePerDayAndOverdueOnesAreEscalatedToTheLeader() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String json = """
                {"inspection":{"name":"warn-%s"},"categories":[{"no":1,"title":"类别","problems":[
                  {"no":1,"title":"问题","measures":[
                    {"title":"逾期措施","text":"逾期。","lead_department":"市环卫处","deadline":"%s","leader_username":"leader1"},
                    {"title":"临期措施","text":"临期。","lead_department":"市环卫处","deadline":"%s"},
                    {"title":"远期措施","text":"远期。","lead_department":"市环卫处","deadline":"%s"},
                    {"title":"已完成措施","text":"完成。","lead_department":"市环卫处","deadline":"%s","status":"已完成"}]}]}]}""".formatted(
                UUID.randomUUID(), today.minusDays(2), today.plusDays(6), today.plusDays(30), today.minusDays(5));
        String body = mvc.perform(post("/api/v1/rectification/inspections/import")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.inspectionId")).longValue();

        int first = warnings.flag(today);
        assertThat(first).isGreaterThanOrEqualTo(2);
        assertThat(warnings.flag(today))
                .as("a second run the same day (restart) adds nothing")
                .isZero();

        String queue = mvc.perform(get("/api/v1/rectification/warnings?inspection=" + id)
                        .header("Authorization", Api.bearer(mvc, "handler-hwc")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> titles = JsonPath.read(queue, "$[*].measureTitle");
        List<String> kinds = JsonPath.read(queue, "$[*].kind");
        assertThat(titles).containsExactly("逾期措施", "临期措施");
        assertThat(kinds).containsExactly("OVERDUE", "DUE_SOON");
        assertThat((List<String>) JsonPath.read(queue, "$[*].escalatedTo")).containsExactly("leader1", null);
        String other = mvc.perform(get("/api/v1/rectification/warnings?inspection=" + id)
                        .header("Authorization", Api.bearer(mvc, "handler-wujin")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<?>) JsonPath.read(other, "$")).isEmpty();
        mvc.perform(get("/api/v1/rectification/inspections/" + id + "/summary")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.overdue")
                        .value(1))
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.dueWithin7Days")
                                .value(1));
    }
}
