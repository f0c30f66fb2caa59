package org.cityops.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cityops.audit.AuditEntry;
import org.cityops.audit.AuditLog;
import org.cityops.audit.AuditTrail;
import org.cityops.audit.ChainVerification;
import org.cityops.platform.Actor;
import org.cityops.platform.ActorProvider;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes entries in the caller's transaction without any lock (so audit never serialises the platform's
 * writes), and links them into the SHA-256 chain shortly after commit, in one place, in commit order seen
 * by the chainer. An entry is durable as soon as its change is; it is tamper-evident once linked (normally
 * within a second; {@link #verify()} links everything pending first).
 */
@Service
class JdbcAuditTrail implements AuditTrail, AuditLog {

    private static final int MAX_TEXT = 4000;
    private static final int CHAIN_BATCH = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ActorProvider actors;
    private final TransactionTemplate tx;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate batch, ActorProvider actors, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.actors = actors;
        this.tx = tx;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String entityType, String entityId, String action, String before, String after) {
        recordAs(actors.current(), entityType, entityId, action, before, after);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(Actor actor, String entityType, String entityId, String action, String before,
            String after) {
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, username, role, client_ip, entity_type, entity_id, action,
                                         before_summary, after_summary)
                VALUES (:at, :username, :role, :ip, :type, :id, :action, :before, :after)""")
                .param("at", DbTime.toDb(DbTime.now()))
                .param("username", actor.username())
                .param("role", String.join(",", actor.roles().stream().sorted().toList()))
                .param("ip", actor.clientIp())
                .param("type", entityType)
                .param("id", entityId)
                .param("action", action)
                .param("before", clip(before))
                .param("after", clip(after))
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAllAs(List<Change> changes) {
        Object at = DbTime.toDb(DbTime.now());
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            rows.add(new Object[] {at, c.actor().username(), String.join(",", c.actor().roles().stream().sorted().toList()),
                    c.actor().clientIp(), c.entityType(), c.entityId(), c.action(), clip(c.before()), clip(c.after())});
        }
        batch.batchUpdate("""
                INSERT INTO audit_entry (occurred_at, username, role, client_ip, entity_type, entity_id, action,
                                         before_summary, after_summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** Links every entry that is not yet in the chain. Safe to run on several nodes: the head row is locked. */
    @Scheduled(fixedDelayString = "${cityops.audit.chain-interval:PT1S}")
    public void chainPending() {
        Integer linked;
        do {
            linked = tx.execute(status -> chainBatch());
        } while (linked != null && linked == CHAIN_BATCH);
    }

    private int chainBatch() {
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0];
        String prev = (String) head[1];
        List<AuditEntry> pending = jdbc.sql("""
                SELECT * FROM audit_entry WHERE chain_seq IS NULL ORDER BY id LIMIT :n""")
                .param("n", CHAIN_BATCH).query(AuditRows::entry).list();
        List<Object[]> links = new ArrayList<>(pending.size());
        for (AuditEntry e : pending) {
            seq++;
            String hash = HashChain.hash(seq, e.occurredAt(), e.username(), e.role(), e.clientIp(), e.entityType(),
                    e.entityId(), e.action(), e.before(), e.after(), prev);
            links.add(new Object[] {seq, prev, hash, e.id()});
            prev = hash;
        }
        if (!pending.isEmpty()) {
            batch.batchUpdate("UPDATE audit_entry SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ?", links);
            jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", seq).param("hash", prev).update();
        }
        return pending.size();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> find(String entityType, String entityId, String username, int limit, int offset) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE " + filter() + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("type", entityType).param("id", entityId).param("username", username)
                .param("limit", Math.max(1, Math.min(limit, 1000))).param("offset", Math.max(0, offset))
                .query(AuditRows::entry).list();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(String entityType, String entityId, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE " + filter())
                .param("type", entityType).param("id", entityId).param("username", username)
                .query(Long.class).single();
    }

    private static String filter() {
        return "(CAST(:type AS VARCHAR) IS NULL OR entity_type = :type)"
                + " AND (CAST(:id AS VARCHAR) IS NULL OR entity_id = :id)"
                + " AND (CAST(:username AS VARCHAR) IS NULL OR username = :username)";
    }

    @Override
    public ChainVerification verify() {
        chainPending();
        return tx.execute(status -> {
            String prev = HashChain.GENESIS;
            long expectedSeq = 0;
            long checked = 0;
            long lastId = -1;
            while (true) {
                List<AuditEntry> page = jdbc.sql("""
                        SELECT * FROM audit_entry WHERE chain_seq IS NOT NULL AND chain_seq > :after
                        ORDER BY chain_seq LIMIT 5000""").param("after", lastId).query(AuditRows::entry).list();
                if (page.isEmpty()) {
                    return new ChainVerification(true, checked, null, null);
                }
                for (AuditEntry e : page) {
                    expectedSeq++;
                    if (e.chainSeq() != expectedSeq) {
                        return new ChainVerification(false, checked, expectedSeq, "entry missing from the chain");
                    }
                    if (!prev.equals(e.prevHash())) {
                        return new ChainVerification(false, checked, e.chainSeq(), "link to the previous entry broken");
                    }
                    String recomputed = HashChain.hash(e.chainSeq(), e.occurredAt(), e.username(), e.role(),
                            e.clientIp(), e.entityType(), e.entityId(), e.action(), e.before(), e.after(), prev);
                    if (!recomputed.equals(e.hash())) {
                        return new ChainVerification(false, checked, e.chainSeq(), "content changed after recording");
                    }
                    prev = e.hash();
                    checked++;
                    lastId = e.chainSeq();
                }
            }
        });
    }

    private static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT - 1) + "…";
    }

    static final class AuditRows {

        private AuditRows() {
        }

        static AuditEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            long seq = rs.getLong("chain_seq");
            Long chainSeq = rs.wasNull() ? null : seq;
            Instant at = DbTime.fromDb(rs.getObject("occurred_at", java.time.OffsetDateTime.class));
            return new AuditEntry(rs.getLong("id"), chainSeq, at, rs.getString("username"), rs.getString("role"),
                    rs.getString("client_ip"), rs.getString("entity_type"), rs.getString("entity_id"),
                    rs.getString("action"), rs.getString("before_summary"), rs.getString("after_summary"),
                    rs.getString("prev_hash"), rs.getString("hash"));
        }
    }

}
