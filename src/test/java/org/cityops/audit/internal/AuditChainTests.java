package org.cityops.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cityops.audit.AuditChain;
import org.cityops.audit.AuditCheckpoint;
import org.cityops.audit.AuditTrail;
import org.cityops.audit.ChainVerification;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.platform.DbTime;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The chain against the real database: head, checkpoints, their signatures and case steps. */
@IntegrationTest
class AuditChainTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChain chain;

    @Autowired
    AuditChainService chainer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MockMvc mvc;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    /** Records entries and links them, without verifying (so no checkpoint covers them). */
    List<ChainRow> recordAndLink(String id, int n) {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                trail.record("TEST", id, "UPDATE", "v=" + i, "v=" + (i + 1));
            }
        });
        chainer.chainPending();
        return jdbc.sql("SELECT " + ChainRow.COLUMNS + " FROM audit_entry WHERE entity_id = :id ORDER BY chain_seq")
                .param("id", id)
                .query(ChainRow::map)
                .list();
    }

    void restore(ChainRow e) {
        jdbc.sql("""
                INSERT INTO audit_entry (id, occurred_at, username, role, client_ip, entity_type, entity_id, action,
                  before_summary, after_summary, record_table, record_id, record_digest, chain_seq, prev_hash, hash)
                VALUES (:id, :at, :u, :r, :ip, :t, :eid, :a, :b, :af, :rt, :rid, :rd, :seq, :prev, :hash)""")
                .param("id", e.id())
                .param("at", DbTime.toDb(e.occurredAt()))
                .param("u", e.username())
                .param("r", e.role())
                .param("ip", e.clientIp())
                .param("t", e.entityType())
                .param("eid", e.entityId())
                .param("a", e.action())
                .param("b", e.before())
                .param("af", e.after())
                .param("rt", e.recordTable())
                .param("rid", e.recordId())
                .param("rd", e.recordDigest())
                .param("seq", e.seq())
                .param("prev", e.prevHash())
                .param("hash", e.hash())
                .update();
    }

    @Test
    void truncatingTheNewestEntriesIsDetectedAgainstTheChainHead() throws Exception {
        assertThat(chain.verify().valid()).isTrue();
        List<ChainRow> newest = recordAndLink("truncate-" + UUID.randomUUID(), 3);
        jdbc.sql("DELETE FROM audit_entry WHERE chain_seq >= :seq")
                .param("seq", newest.get(1).seq())
                .update();
        try {
            mvc.perform(get("/api/v1/audit/verify").header("Authorization", Api.bearer(mvc, "admin")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(
                            jsonPath("$.firstBrokenEntry").value(newest.get(1).seq()))
                    .andExpect(
                            jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("newest entries removed")));
        } finally {
            newest.subList(1, 3).forEach(this::restore);
        }
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void anEntryEditedAfterTheNewestCheckpointIsDetectedByTheIncrementalCheck() {
        assertThat(chain.verify().valid()).isTrue();
        ChainRow edited = recordAndLink("edit-" + UUID.randomUUID(), 3).get(1);
        jdbc.sql("UPDATE audit_entry SET after_summary = 'v=999' WHERE chain_seq = :seq")
                .param("seq", edited.seq())
                .update();
        try {
            ChainVerification v = chain.verify();
            assertThat(v.valid()).isFalse();
            assertThat(v.full()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(edited.seq());
            assertThat(v.reason()).contains("content changed");
        } finally {
            jdbc.sql("UPDATE audit_entry SET after_summary = :a WHERE chain_seq = :seq")
                    .param("a", edited.after())
                    .param("seq", edited.seq())
                    .update();
        }
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void theIncrementalCheckReadsOnlyWhatCameAfterTheCheckpointAndTheFullCheckReadsEverything() throws Exception {
        ChainRow old = recordAndLink("old-" + UUID.randomUUID(), 2).get(0);
        ChainVerification first = chain.verify();
        assertThat(first.valid()).isTrue();
        jdbc.sql("UPDATE audit_entry SET after_summary = 'v=999' WHERE chain_seq = :seq")
                .param("seq", old.seq())
                .update();
        try {
            recordAndLink("new-" + UUID.randomUUID(), 4);
            ChainVerification incremental = chain.verify();
            assertThat(incremental.valid())
                    .as("the edit lies before the checkpoint: not read again")
                    .isTrue();
            assertThat(incremental.fromSeq()).isEqualTo(first.headSeq());
            assertThat(incremental.entries()).isEqualTo(incremental.headSeq() - first.headSeq());

            mvc.perform(get("/api/v1/audit/verify")
                            .param("full", "true")
                            .header("Authorization", Api.bearer(mvc, "leader1")))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/audit/verify")
                            .param("full", "true")
                            .header("Authorization", Api.bearer(mvc, "admin")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.full").value(true))
                    .andExpect(jsonPath("$.fromEntry").value(0))
                    .andExpect(jsonPath("$.firstBrokenEntry").value(old.seq()));
        } finally {
            jdbc.sql("UPDATE audit_entry SET after_summary = :a WHERE chain_seq = :seq")
                    .param("a", old.after())
                    .param("seq", old.seq())
                    .update();
        }
        assertThat(chain.verifyFull().valid()).isTrue();
    }

    @Test
    void aCheckpointForgedWithAnotherKeyIsDetected() throws Exception {
        recordAndLink("forge-" + UUID.randomUUID(), 1);
        var head = new JdbcChainStore(jdbc).head();
        var otherKey =
                new CheckpointSigner("a-key-the-application-does-not-hold-0123456789".getBytes(StandardCharsets.UTF_8));
        new JdbcChainStore(jdbc).saveCheckpoint(otherKey.sign(head.seq(), head.hash(), Instant.now()));
        try {
            mvc.perform(get("/api/v1/audit/verify").header("Authorization", Api.bearer(mvc, "leader1")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenEntry").value(head.seq()))
                    .andExpect(jsonPath("$.reason")
                            .value(org.hamcrest.Matchers.containsString("forged or signed with another key")));
        } finally {
            jdbc.sql("DELETE FROM audit_checkpoint WHERE chain_seq = :seq")
                    .param("seq", head.seq())
                    .update();
        }
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void eachCaseStepIsInTheChainAndAnEditedStepRowIsDetected() throws Exception {
        Places.Place p = Places.any(locator);
        String body =
                """
                {"channel":"HOTLINE","categoryCode":"%s","description":"审计链测试 %s","lat":%s,"lon":%s}""".formatted(catalog.activeCategories().get(0).qualifiedCode(), UUID.randomUUID(), p.lat(), p.lon());
        String created = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String number = JsonPath.read(created, "$.caseNumber");
        long caseId = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/cases/" + caseId + "/transitions")
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"VERIFY\",\"note\":\"属实\"}"))
                .andExpect(status().isOk());
        chainer.chainPending();
        assertThat(jdbc.sql("SELECT record_table || ':' || action FROM audit_entry WHERE entity_type = 'CASE'"
                                + " AND entity_id = :n ORDER BY id")
                        .param("n", number)
                        .query(String.class)
                        .list())
                .containsExactly("case_step:INTAKE", "case_step:ASSIGN_INSPECTOR", "case_step:VERIFY");
        ChainRow intake = jdbc.sql("SELECT " + ChainRow.COLUMNS
                        + " FROM audit_entry WHERE entity_type = 'CASE' AND entity_id = :n AND action = 'INTAKE'")
                .param("n", number)
                .query(ChainRow::map)
                .single();
        assertThat(intake.recordTable()).isEqualTo("case_step");
        assertThat(intake.recordDigest()).hasSize(64);
        boolean onTime = jdbc.sql("SELECT on_time FROM case_step WHERE id = :id")
                .param("id", intake.recordId())
                .query(Boolean.class)
                .single();
        String actor = jdbc.sql("SELECT actor FROM case_step WHERE id = :id")
                .param("id", intake.recordId())
                .query(String.class)
                .single();

        jdbc.sql("UPDATE case_step SET on_time = :t, actor = 'someone-else' WHERE id = :id")
                .param("t", !onTime)
                .param("id", intake.recordId())
                .update();
        try {
            ChainVerification v = chain.verify();
            assertThat(v.valid()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(intake.seq());
            assertThat(v.reason()).isEqualTo("case_step row " + intake.recordId() + " changed after recording");
        } finally {
            jdbc.sql("UPDATE case_step SET on_time = :t, actor = :a WHERE id = :id")
                    .param("t", onTime)
                    .param("a", actor)
                    .param("id", intake.recordId())
                    .update();
        }
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void checkpointsAreExportedWithWhatIsSignedAndAnExportedOneCanBeCheckedLater() throws Exception {
        recordAndLink("export-" + UUID.randomUUID(), 1);
        assertThat(chain.verify().valid()).isTrue();
        String page = mvc.perform(get("/api/v1/audit/checkpoints")
                        .param("size", "1")
                        .header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].algorithm").value("HMAC-SHA256"))
                .andExpect(jsonPath("$.items[0].signature").isString())
                .andExpect(jsonPath("$.items[0].signedText")
                        .value(org.hamcrest.Matchers.startsWith("cityops-audit-checkpoint/1\n")))
                .andExpect(jsonPath("$.total").isNumber())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long seq = ((Number) JsonPath.read(page, "$.items[0].seq")).longValue();
        String hash = JsonPath.read(page, "$.items[0].hash");
        String at = JsonPath.read(page, "$.items[0].createdAt");
        String keyId = JsonPath.read(page, "$.items[0].keyId");
        String signature = JsonPath.read(page, "$.items[0].signature");
        assertThat(new AuditCheckpoint(seq, hash, Instant.parse(at), keyId, signature).signedText())
                .isEqualTo(JsonPath.read(page, "$.items[0].signedText"));

        String exported = """
                {"seq":%d,"hash":"%s","createdAt":"%s","keyId":"%s","signature":"%s"}""".formatted(seq, hash, at, keyId, signature);
        mvc.perform(post("/api/v1/audit/checkpoints/check")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(exported))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
        String tampered = exported.replace("\"seq\":" + seq, "\"seq\":" + (seq - 1));
        mvc.perform(post("/api/v1/audit/checkpoints/check")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tampered))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("does not match")));
    }

    @Test
    void checkpointsAreClosedToHandlersAndABadExportIsA400InChinese() throws Exception {
        mvc.perform(get("/api/v1/audit/checkpoints").header("Authorization", Api.bearer(mvc, "handler-wujin")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/audit/checkpoints/check")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seq\":5,\"hash\":\"xyz\",\"createdAt\":\"2026-11-28T00:00:00Z\",\"keyId\":\"k\","
                                + "\"signature\":\"" + "0".repeat(64) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("哈希值应为64位十六进制")));
    }
}
