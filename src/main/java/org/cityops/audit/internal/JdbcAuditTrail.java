package org.cityops.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityops.audit.AuditChain;
import org.cityops.audit.AuditEntry;
import org.cityops.audit.AuditLog;
import org.cityops.audit.AuditTrail;
import org.cityops.audit.ChainVerification;
import org.cityops.audit.RecordDigest;
import org.cityops.platform.Actor;
import org.cityops.platform.ActorProvider;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes entries in the caller's transaction without any lock (so audit never serialises the platform's
 * writes); {@link AuditChainService} links them into the SHA-256 chain shortly after commit, in one place, in
 * commit order seen by the chainer. An entry is durable as soon as its change is; it is tamper-evident once linked
 * (normally within a second; {@link #verify()} links everything pending first).
 */
@Service
class JdbcAuditTrail implements AuditTrail, AuditLog {

    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ActorProvider actors;
    private final AuditChain chain;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate batch, ActorProvider actors, AuditChain chain) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.actors = actors;
        this.chain = chain;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String entityType, String entityId, String action, String before, String after) {
        recordAs(actors.current(), entityType, entityId, action, before, after);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(
            String entityType, String entityId, String action, String before, String after, RecordDigest row) {
        insert(actors.current(), entityType, entityId, action, before, after, row);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(Actor actor, String entityType, String entityId, String action, String before, String after) {
        insert(actor, entityType, entityId, action, before, after, null);
    }

    private void insert(
            Actor actor,
            String entityType,
            String entityId,
            String action,
            String before,
            String after,
            RecordDigest row) {
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, username, role, client_ip, entity_type, entity_id, action,
                                         before_summary, after_summary, record_table, record_id, record_digest)
                VALUES (:at, :username, :role, :ip, :type, :id, :action, :before, :after, :rt, :rid, :rd)""")
                .param("at", DbTime.toDb(DbTime.now()))
                .param("username", actor.username())
                .param("role", String.join(",", actor.roles().stream().sorted().toList()))
                .param("ip", actor.clientIp())
                .param("type", entityType)
                .param("id", entityId)
                .param("action", action)
                .param("before", clip(before))
                .param("after", clip(after))
                .param("rt", row == null ? null : row.table())
                .param("rid", row == null ? null : row.rowId())
                .param("rd", row == null ? null : row.sha256())
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAllAs(List<Change> changes) {
        Object at = DbTime.toDb(DbTime.now());
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            rows.add(new Object[] {
                at,
                c.actor().username(),
                String.join(",", c.actor().roles().stream().sorted().toList()),
                c.actor().clientIp(),
                c.entityType(),
                c.entityId(),
                c.action(),
                clip(c.before()),
                clip(c.after())
            });
        }
        batch.batchUpdate("""
                INSERT INTO audit_entry (occurred_at, username, role, client_ip, entity_type, entity_id, action,
                                         before_summary, after_summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> find(
            String entityType, String entityId, String username, boolean withLoginLog, int limit, int offset) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE " + filter(withLoginLog)
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("type", entityType)
                .param("id", entityId)
                .param("username", username)
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .param("offset", Math.max(0, offset))
                .query(AuditRows::entry)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(String entityType, String entityId, String username, boolean withLoginLog) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE " + filter(withLoginLog))
                .param("type", entityType)
                .param("id", entityId)
                .param("username", username)
                .query(Long.class)
                .single();
    }

    private static String filter(boolean withLoginLog) {
        return "(CAST(:type AS VARCHAR) IS NULL OR entity_type = :type)"
                + " AND (CAST(:id AS VARCHAR) IS NULL OR entity_id = :id)"
                + " AND (CAST(:username AS VARCHAR) IS NULL OR username = :username)"
                + (withLoginLog ? "" : " AND entity_type <> '" + LOGIN_LOG + "'");
    }

    @Override
    public ChainVerification verify() {
        return chain.verify();
    }

    private static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT - 1) + "…";
    }

    static final class AuditRows {

        private AuditRows() {}

        static AuditEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            long seq = rs.getLong("chain_seq");
            Long chainSeq = rs.wasNull() ? null : seq;
            Instant at = DbTime.fromDb(rs.getObject("occurred_at", java.time.OffsetDateTime.class));
            return new AuditEntry(
                    rs.getLong("id"),
                    chainSeq,
                    at,
                    rs.getString("username"),
                    rs.getString("role"),
                    rs.getString("client_ip"),
                    rs.getString("entity_type"),
                    rs.getString("entity_id"),
                    rs.getString("action"),
                    rs.getString("before_summary"),
                    rs.getString("after_summary"),
                    rs.getString("prev_hash"),
                    rs.getString("hash"));
        }
    }
}
