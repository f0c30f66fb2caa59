package org.cityops.audit.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cityops.audit.AuditCheckpoint;
import org.cityops.platform.DbTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The chain's tables: {@code audit_entry} (linked rows), {@code audit_chain_head}, {@code audit_checkpoint}. */
final class JdbcChainStore implements ChainStore {

    private static final String CHECKPOINT_COLUMNS = "chain_seq, chain_hash, created_at, key_id, signature";

    private final JdbcClient jdbc;

    JdbcChainStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    @Override
    public Optional<AuditCheckpoint> latestCheckpoint() {
        return jdbc.sql("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY chain_seq DESC LIMIT 1")
                .query(JdbcChainStore::checkpoint)
                .optional();
    }

    @Override
    public List<AuditCheckpoint> allCheckpoints() {
        return jdbc.sql("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY chain_seq")
                .query(JdbcChainStore::checkpoint)
                .list();
    }

    List<AuditCheckpoint> checkpoints(int limit, int offset) {
        return jdbc.sql("SELECT " + CHECKPOINT_COLUMNS
                        + " FROM audit_checkpoint ORDER BY chain_seq DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(JdbcChainStore::checkpoint)
                .list();
    }

    long checkpointCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_checkpoint")
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<ChainRow> entryAt(long seq) {
        return jdbc.sql("SELECT " + ChainRow.COLUMNS + " FROM audit_entry WHERE chain_seq = :seq")
                .param("seq", seq)
                .query(ChainRow::map)
                .optional();
    }

    @Override
    public List<ChainRow> entries(long afterSeq, long upToSeq, int limit) {
        return jdbc.sql("SELECT " + ChainRow.COLUMNS
                        + " FROM audit_entry WHERE chain_seq > :after AND chain_seq <= :upTo"
                        + " ORDER BY chain_seq LIMIT :limit")
                .param("after", afterSeq)
                .param("upTo", upToSeq)
                .param("limit", limit)
                .query(ChainRow::map)
                .list();
    }

    @Override
    public boolean saveCheckpoint(AuditCheckpoint cp) {
        try {
            return jdbc.sql("INSERT INTO audit_checkpoint (" + CHECKPOINT_COLUMNS
                                    + ") VALUES (:seq, :hash, :at, :key, :sig)")
                            .param("seq", cp.seq())
                            .param("hash", cp.hash())
                            .param("at", DbTime.toDb(cp.createdAt()))
                            .param("key", cp.keyId())
                            .param("sig", cp.signature())
                            .update()
                    == 1;
        } catch (DuplicateKeyException signedByAnotherNode) {
            return false;
        }
    }

    private static AuditCheckpoint checkpoint(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditCheckpoint(
                rs.getLong(1),
                rs.getString(2),
                DbTime.fromDb(rs.getObject(3, OffsetDateTime.class)),
                rs.getString(4),
                rs.getString(5));
    }
}
