package org.cityops;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Input checks at the edge are Bean Validation constraints (issue 13.4): a missing required field is a 400 naming
 * the field before anything is looked up or written.
 */
@IntegrationTest
class EdgeValidationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aSourceScoreWithoutASourceIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/assessment/periods/999999/scores")
                        .header("Authorization", Api.bearer(mvc, "handler-hwc"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectType\":\"DEPARTMENT\",\"subjectCode\":\"HWC\",\"score\":90}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("source"));
    }

    @Test
    void aMeasureStatusChangeWithoutAStatusIsRefusedNamingTheField() throws Exception {
        mvc.perform(put("/api/v1/rectification/measures/999999/status")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
    }

    @Test
    void everyBrokenFieldIsListedAndTheFirstDeclaredOneIsNamed() throws Exception {
        mvc.perform(post("/api/v1/assessment/items")
                        .header("Authorization", Api.bearer(mvc, "assessor1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"points\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.contains("code", "name", "points", "basis")));
    }

    @Test
    void aCaseWithoutAPlaceIsRefusedNamingLatitudeFirst() throws Exception {
        mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"HOTLINE\",\"categoryCode\":\"X\",\"description\":\"d\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lat"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("lat", "lon")));
    }
}
