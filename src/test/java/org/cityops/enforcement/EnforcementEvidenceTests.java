package org.cityops.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.cityops.enforcement.file.EvidenceRules;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 证据 on an enforcement case: time, GPS, SHA-256 in the audit chain, checked on every read. */
@IntegrationTest
class EnforcementEvidenceTests {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.cityops.enforcement.file.EvidenceDigests evidence;

    long open() throws Exception {
        String body = """
                {"source":"PATROL","partyKind":"PERSON","partyName":"证据测试","partyId":"11010519491231002X",
                 "itemCode":"WJ-001","description":"违法搭建","lat":%s,"lon":%s,"discoveredOn":"%s"}""".formatted(
                        EnforcementApiTests.LAT,
                        EnforcementApiTests.LON,
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        String res = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/enforcement/cases")
                        .header("Authorization", Api.bearer(mvc, "enforce1"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(res, "$.c.id")).longValue();
    }

    ResultActions upload(long caseId, String user, String kind, byte[] bytes, String lat, String takenAt)
            throws Exception {
        var req = multipart("/api/v1/enforcement/cases/" + caseId + "/evidence")
                .file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", bytes))
                .param("kind", kind)
                .param("takenAt", takenAt)
                .header("Authorization", Api.bearer(mvc, user));
        if (lat != null) {
            req.param("lat", lat).param("lon", String.valueOf(EnforcementApiTests.LON));
        }
        return mvc.perform(req);
    }

    @Test
    void a_photo_is_kept_with_time_gps_and_its_sha256_which_the_audit_entry_vouches_for() throws Exception {
        long caseId = open();
        String body = upload(caseId, "enforce1", "PHOTO", JPEG, "31.80715", "2026-01-05T09:30:00+08:00")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sha256").value(EvidenceRules.sha256(JPEG)))
                .andExpect(jsonPath("$.contentType").value("image/jpeg"))
                .andExpect(jsonPath("$.lat").value(31.80715))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        Map<String, Object> entry = jdbc.sql(
                        "SELECT after_summary, record_table, record_id, record_digest FROM audit_entry"
                                + " WHERE entity_type = 'ENF_CASE' AND action = 'EVIDENCE' AND record_id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(entry.get("record_table")).isEqualTo("enf_evidence");
        assertThat((String) entry.get("after_summary")).contains(EvidenceRules.sha256(JPEG));
        assertThat(evidence.currentDigests(List.of(id))).containsEntry(id, (String) entry.get("record_digest"));

        mvc.perform(get("/api/v1/enforcement/cases/" + caseId + "/evidence/" + id)
                        .header("Authorization", Api.bearer(mvc, "legal1")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-SHA256", EvidenceRules.sha256(JPEG)));
        mvc.perform(get("/api/v1/enforcement/cases/" + caseId + "/evidence")
                        .header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("PHOTO"));
    }

    @Test
    void a_file_whose_bytes_no_longer_match_its_recorded_hash_is_refused_on_read_and_a_changed_hash_breaks_the_chain()
            throws Exception {
        long caseId = open();
        String body = upload(caseId, "enforce1", "PHOTO", JPEG, "31.80715", "2026-01-05T09:30")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String recorded = evidence.currentDigests(List.of(id)).get(id);
        byte[] swapped = JPEG.clone();
        swapped[swapped.length - 1] = 9;
        jdbc.sql("UPDATE enf_evidence SET data = :d WHERE id = :id")
                .param("d", swapped)
                .param("id", id)
                .update();
        mvc.perform(get("/api/v1/enforcement/cases/" + caseId + "/evidence/" + id)
                        .header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("evidence"));
        // re-hashing the swapped bytes into the row is what the audit chain catches
        jdbc.sql("UPDATE enf_evidence SET sha256 = :h WHERE id = :id")
                .param("h", EvidenceRules.sha256(swapped))
                .param("id", id)
                .update();
        assertThat(evidence.currentDigests(List.of(id)).get(id)).isNotEqualTo(recorded);
        // put the row back as it was recorded: the test context is shared, and a broken chain would fail every
        // later test that verifies it
        jdbc.sql("UPDATE enf_evidence SET data = :d, sha256 = :h WHERE id = :id")
                .param("d", JPEG)
                .param("h", EvidenceRules.sha256(JPEG))
                .param("id", id)
                .update();
        assertThat(evidence.currentDigests(List.of(id)).get(id)).isEqualTo(recorded);
    }

    @Test
    void a_photo_without_gps_a_wrong_type_a_future_time_and_a_reviewer_upload_are_refused() throws Exception {
        long caseId = open();
        upload(caseId, "enforce1", "PHOTO", JPEG, null, "2026-01-05T09:30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lat"));
        upload(caseId, "enforce1", "PHOTO", "not an image".getBytes(), "31.8", "2026-01-05T09:30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        upload(caseId, "enforce1", "PHOTO", JPEG, "31.8", "2999-01-05T09:30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("takenAt"));
        upload(caseId, "enforce1", "SKETCH", JPEG, "31.8", "2026-01-05T09:30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"));
        upload(caseId, "legal1", "PHOTO", JPEG, "31.8", "2026-01-05T09:30").andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM enf_evidence WHERE case_id = :c")
                        .param("c", caseId)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
