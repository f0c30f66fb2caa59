package org.cityops.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cityops.audit.AuditChain;
import org.cityops.audit.AuditCheckpoint;
import org.cityops.audit.AuditedTable;
import org.cityops.audit.ChainVerification;
import org.cityops.platform.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain: links new entries (the chainer), verifies (incrementally from the newest signed checkpoint, or fully)
 * and signs checkpoints. Audit writes never wait for any of it: an entry commits with its change, without a lock,
 * and is linked within a second by the chainer, which batches up to {@value #CHAIN_BATCH} entries under the chain
 * head's row lock (so several nodes may run it). A scheduled incremental verification signs a checkpoint every few
 * minutes, so an on-demand verification reads only what came since; a nightly full verification re-reads all.
 */
@Service
class AuditChainService implements AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChainService.class);
    static final int CHAIN_BATCH = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final JdbcChainStore store;
    private final ChainVerifier verifier;
    private final AtomicBoolean fullRunning = new AtomicBoolean();

    AuditChainService(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate tx,
            Clock clock,
            ObjectProvider<AuditedTable> tables,
            @Value("${cityops.audit.checkpoint-key:}") String key,
            @Value("${cityops.audit.checkpoint-key-file:}") String keyFile,
            @Value("${cityops.audit.checkpoint-key-generate:false}") boolean generate) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.store = new JdbcChainStore(jdbc);
        this.verifier = new ChainVerifier(
                store,
                new CheckpointSigner(CheckpointKeys.load(key, keyFile, generate)),
                tables.orderedStream().toList(),
                clock);
    }

    /** Links every entry that is not yet in the chain. Safe to run on several nodes: the head row is locked. */
    // No cluster lock: the head row lock already serialises the nodes, and a lock row per second would cost more.
    @Scheduled(fixedDelayString = "${cityops.audit.chain-interval:PT1S}")
    public void chainPending() {
        Integer linked;
        do {
            linked = tx.execute(status -> chainBatch());
        } while (linked != null && linked == CHAIN_BATCH);
    }

    private int chainBatch() {
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new ChainStore.Head(rs.getLong(1), rs.getString(2)))
                .single();
        long seq = head.seq();
        String prev = head.hash();
        List<ChainRow> pending = jdbc.sql(
                        "SELECT " + ChainRow.COLUMNS + " FROM audit_entry WHERE chain_seq IS NULL ORDER BY id LIMIT :n")
                .param("n", CHAIN_BATCH)
                .query(ChainRow::map)
                .list();
        List<Object[]> links = new ArrayList<>(pending.size());
        for (ChainRow e : pending) {
            seq++;
            String hash = HashChain.hash(e.linked(seq, prev, null), prev);
            links.add(new Object[] {seq, prev, hash, e.id()});
            prev = hash;
        }
        if (!pending.isEmpty()) {
            batch.batchUpdate("UPDATE audit_entry SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ?", links);
            jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", seq)
                    .param("hash", prev)
                    .update();
        }
        return pending.size();
    }

    @Override
    public ChainVerification verify() {
        chainPending();
        return verifier.verify(false);
    }

    @Override
    public ChainVerification verifyFull() {
        if (!fullRunning.compareAndSet(false, true)) {
            throw new ConflictException("完整校验正在进行，请稍后再试 a full verification is already running");
        }
        try {
            chainPending();
            return verifier.verify(true);
        } finally {
            fullRunning.set(false);
        }
    }

    @Override
    public List<AuditCheckpoint> checkpoints(int limit, int offset) {
        return store.checkpoints(Math.max(1, Math.min(limit, 1000)), Math.max(0, offset));
    }

    @Override
    public long checkpointCount() {
        return store.checkpointCount();
    }

    @Override
    public String check(AuditCheckpoint exported) {
        return verifier.check(exported);
    }

    /** Verifies what came since the last checkpoint and signs a new one, so on-demand checks stay short. */
    @Scheduled(
            initialDelayString = "${cityops.audit.checkpoint-interval:PT5M}",
            fixedDelayString = "${cityops.audit.checkpoint-interval:PT5M}")
    @SchedulerLock(name = "audit.checkpoint", lockAtLeastFor = "PT1M", lockAtMostFor = "PT1H")
    public void scheduledCheckpoint() {
        report(verify());
    }

    /** Re-reads the whole chain once a night ({@code cityops.audit.full-verify-cron}, "-" to switch off). */
    @Scheduled(cron = "${cityops.audit.full-verify-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "audit.full-verification", lockAtLeastFor = "PT5M", lockAtMostFor = "PT6H")
    public void scheduledFullVerification() {
        try {
            report(verifyFull());
        } catch (ConflictException alreadyRunning) {
            log.info("Nightly full audit chain verification skipped: one is running");
        }
    }

    private static void report(ChainVerification v) {
        if (v.valid()) {
            log.debug(
                    "Audit chain verified up to entry {} ({} entries read, full={})",
                    v.headSeq(),
                    v.entries(),
                    v.full());
        } else {
            log.error("AUDIT CHAIN BROKEN at entry {}: {} (full={})", v.firstBrokenSeq(), v.reason(), v.full());
        }
    }
}
