package org.cityops.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.cityops.platform.DbTime;

/** An audit entry as the chain sees it: everything its hash covers, and the link itself. */
record ChainRow(
        long id,
        long seq,
        Instant occurredAt,
        String username,
        String role,
        String clientIp,
        String entityType,
        String entityId,
        String action,
        String before,
        String after,
        String recordTable,
        Long recordId,
        String recordDigest,
        String prevHash,
        String hash) {

    static final String COLUMNS = "id, chain_seq, occurred_at, username, role, client_ip, entity_type, entity_id,"
            + " action, before_summary, after_summary, record_table, record_id, record_digest, prev_hash, hash";

    /** Mapper for {@link #COLUMNS}; an unlinked row gets seq 0. */
    static ChainRow map(ResultSet rs, int n) throws SQLException {
        long recordId = rs.getLong("record_id");
        Long rid = rs.wasNull() ? null : recordId;
        return new ChainRow(
                rs.getLong("id"),
                rs.getLong("chain_seq"),
                DbTime.fromDb(rs.getObject("occurred_at", OffsetDateTime.class)),
                rs.getString("username"),
                rs.getString("role"),
                rs.getString("client_ip"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("action"),
                rs.getString("before_summary"),
                rs.getString("after_summary"),
                rs.getString("record_table"),
                rid,
                rs.getString("record_digest"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    ChainRow linked(long chainSeq, String prev, String newHash) {
        return new ChainRow(
                id,
                chainSeq,
                occurredAt,
                username,
                role,
                clientIp,
                entityType,
                entityId,
                action,
                before,
                after,
                recordTable,
                recordId,
                recordDigest,
                prev,
                newHash);
    }
}
