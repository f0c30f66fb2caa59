package org.cityops.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cityops.audit.AuditTrail;
import org.cityops.audit.ChainVerification;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers append audit entries concurrently, without a lock, while the chainer links them: every committed entry
 * ends up in the chain exactly once (a rolled-back one never), each writer's entries in the order it wrote them,
 * the chain verifies, and an entry altered or removed afterwards is still found.
 */
@IntegrationTest
class AuditChainConcurrencyTests {

    private static final int WRITERS = 8;
    private static final int ENTRIES = 200;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChainService chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager tm;

    record Linked(long id, String entityId, long seq, String prev, String hash) {}

    @Test
    void concurrentWritersProduceAChainThatLinksEveryCommittedEntryOnceAndStillShowsTampering() throws Exception {
        String run = "conc-" + System.nanoTime() + ":";
        TransactionTemplate tx = new TransactionTemplate(tm);
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ENTRIES; i++) {
                        String id = run + writer + ":" + i;
                        boolean rollBack = i % 9 == 4;
                        tx.executeWithoutResult(s -> {
                            trail.record("TEST-CONC", id, "WRITE", null, "i=" + id);
                            if (rollBack) {
                                s.setRollbackOnly();
                            }
                        });
                        (rollBack ? rolledBack : committed).add(id);
                    }
                    return null;
                }));
            }
            // the chainer links while the writers write
            Future<?> chainer = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    chain.chainPending();
                }
                return null;
            });
            start.countDown();
            for (Future<?> f : writers) {
                f.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            chainer.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        chain.chainPending();

        List<Linked> linked = entries(run);
        assertThat(linked).allSatisfy(e -> assertThat(e.seq()).isPositive());
        assertThat(linked.stream().map(Linked::entityId).toList())
                .as("every committed entry once, no rolled-back one")
                .containsExactlyInAnyOrderElementsOf(committed)
                .doesNotContainAnyElementsOf(rolledBack);
        assertThat(new HashSet<>(linked.stream().map(Linked::seq).toList())).hasSameSizeAs(linked);
        for (int w = 0; w < WRITERS; w++) {
            String prefix = run + w + ":";
            List<Long> seqs = linked.stream()
                    .filter(e -> e.entityId().startsWith(prefix))
                    .sorted(java.util.Comparator.comparingInt(e -> index(e.entityId())))
                    .map(Linked::seq)
                    .toList();
            assertThat(seqs).as("writer %d's entries in its own order", w).isSorted();
        }
        long head = jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE chain_seq IS NOT NULL")
                        .query(Long.class)
                        .single())
                .as("no gap and no double link up to the head")
                .isEqualTo(head);
        assertThat(chain.verifyFull().valid()).isTrue();
        // linking again changes nothing: the order is fixed once linked
        chain.chainPending();
        assertThat(entries(run)).isEqualTo(linked);

        Linked altered = linked.get(linked.size() / 3);
        jdbc.sql("UPDATE audit_entry SET after_summary = 'i=forged' WHERE id = :id")
                .param("id", altered.id())
                .update();
        try {
            ChainVerification v = chain.verifyFull();
            assertThat(v.valid()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(altered.seq());
        } finally {
            jdbc.sql("UPDATE audit_entry SET after_summary = :a WHERE id = :id")
                    .param("a", "i=" + altered.entityId())
                    .param("id", altered.id())
                    .update();
        }
        assertThat(chain.verifyFull().valid()).isTrue();

        Linked removed = linked.get(2 * linked.size() / 3);
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_entry WHERE id = :id")
                .param("id", removed.id())
                .query()
                .singleRow();
        OffsetDateTime occurredAt = jdbc.sql("SELECT occurred_at FROM audit_entry WHERE id = :id")
                .param("id", removed.id())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .single();
        jdbc.sql("DELETE FROM audit_entry WHERE id = :id")
                .param("id", removed.id())
                .update();
        try {
            ChainVerification v = chain.verifyFull();
            assertThat(v.valid()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(removed.seq());
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_entry (id, occurred_at, username, role, client_ip, entity_type, entity_id, action,
                      before_summary, after_summary, chain_seq, prev_hash, hash)
                    VALUES (:id, :at, :u, :r, :ip, :t, :eid, :a, :b, :af, :seq, :prev, :hash)""")
                    .param("id", removed.id())
                    .param("at", occurredAt)
                    .param("u", row.get("username"))
                    .param("r", row.get("role"))
                    .param("ip", row.get("client_ip"))
                    .param("t", row.get("entity_type"))
                    .param("eid", row.get("entity_id"))
                    .param("a", row.get("action"))
                    .param("b", row.get("before_summary"))
                    .param("af", row.get("after_summary"))
                    .param("seq", removed.seq())
                    .param("prev", removed.prev())
                    .param("hash", removed.hash())
                    .update();
        }
        assertThat(chain.verifyFull().valid()).isTrue();
    }

    private List<Linked> entries(String run) {
        return jdbc.sql("""
                        SELECT id, entity_id, chain_seq, prev_hash, hash FROM audit_entry
                        WHERE entity_type = 'TEST-CONC' AND entity_id LIKE :p ORDER BY chain_seq""")
                .param("p", run + "%")
                .query((rs, n) ->
                        new Linked(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private static int index(String entityId) {
        return Integer.parseInt(entityId.substring(entityId.lastIndexOf(':') + 1));
    }
}
