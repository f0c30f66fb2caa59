package org.cityops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditTrailTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog log;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MockMvc mvc;

    @Test
    void anEntryEditedBehindTheApplicationsBackBreaksTheChain() {
        tx.executeWithoutResult(s -> {
            trail.record("TEST", "tamper-1", "CREATE", null, "amount=100");
            trail.record("TEST", "tamper-1", "UPDATE", "amount=100", "amount=200");
        });
        assertThat(log.verify().valid()).isTrue();
        long seq = log.find("TEST", "tamper-1", null, 10, 0).stream()
                .filter(e -> "UPDATE".equals(e.action()))
                .findFirst()
                .orElseThrow()
                .chainSeq();

        jdbc.sql("UPDATE audit_entry SET after_summary = 'amount=1' WHERE chain_seq = :seq")
                .param("seq", seq)
                .update();
        try {
            ChainVerification v = log.verify();
            assertThat(v.valid()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.reason()).contains("content changed");
        } finally {
            jdbc.sql("UPDATE audit_entry SET after_summary = 'amount=200' WHERE chain_seq = :seq")
                    .param("seq", seq)
                    .update();
        }
        assertThat(log.verify().valid()).isTrue();
    }

    @Test
    void aDeletedEntryBreaksTheChainInTheFullVerification() {
        tx.executeWithoutResult(s -> {
            trail.record("TEST", "delete-1", "CREATE", null, "a");
            trail.record("TEST", "delete-1", "UPDATE", "a", "b");
            trail.record("TEST", "delete-1", "UPDATE", "b", "c");
        });
        log.verify();
        var middle = log.find("TEST", "delete-1", null, 10, 0).get(1);
        jdbc.sql("DELETE FROM audit_entry WHERE id = :id")
                .param("id", middle.id())
                .update();
        try {
            ChainVerification v = chain.verifyFull();
            assertThat(v.valid()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(middle.chainSeq());
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_entry (id, occurred_at, username, role, client_ip, entity_type, entity_id, action,
                      before_summary, after_summary, chain_seq, prev_hash, hash)
                    VALUES (:id, :at, :u, :r, :ip, :t, :eid, :a, :b, :af, :seq, :prev, :hash)""")
                    .param("id", middle.id())
                    .param("at", org.cityops.platform.DbTime.toDb(middle.occurredAt()))
                    .param("u", middle.username())
                    .param("r", middle.role())
                    .param("ip", middle.clientIp())
                    .param("t", middle.entityType())
                    .param("eid", middle.entityId())
                    .param("a", middle.action())
                    .param("b", middle.before())
                    .param("af", middle.after())
                    .param("seq", middle.chainSeq())
                    .param("prev", middle.prevHash())
                    .param("hash", middle.hash())
                    .update();
        }
        assertThat(chain.verifyFull().valid()).isTrue();
    }

    @Test
    void verifyEndpointReportsAValidChainToAnAdmin() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.entries").isNumber());
    }

    @Test
    void theAuditTrailIsClosedToHandlersAndToAnonymousCallers() throws Exception {
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/audit").header("Authorization", Api.bearer(mvc, "handler-wujin")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void signInsAreRecordedInTheLoginLog() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/auth/token")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"leader1\",\"password\":\"cityops-demo\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit")
                        .param("entityType", "SESSION")
                        .param("entityId", "leader1")
                        .header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("LOGIN"))
                .andExpect(jsonPath("$.items[0].username").value("leader1"))
                .andExpect(jsonPath("$.items[0].role").value("LEADER"));
    }
}
