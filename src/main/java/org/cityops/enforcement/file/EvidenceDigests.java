package org.cityops.enforcement.file;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.cityops.audit.AuditedTable;
import org.cityops.audit.RecordDigest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts each piece of evidence (证据) in the audit chain: the upload's audit entry carries the digest of its
 * {@code enf_evidence} row (every column but the bytes, which its sha256 stands for), and a chain verification asks
 * this bean for the digests of the rows as they are now, so a row edited (another hash, time or position) or
 * deleted behind the application's back is reported.
 */
@Component
public class EvidenceDigests implements AuditedTable {

    static final String TABLE = "enf_evidence";

    private final JdbcClient jdbc;

    EvidenceDigests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every column but the bytes (which sha256 stands for), in a fixed order. */
    static RecordDigest digest(CaseEvidence.Item i) {
        return RecordDigest.of(
                TABLE,
                i.id(),
                i.caseId(),
                i.kind().name(),
                i.filename(),
                i.contentType(),
                i.size(),
                i.sha256(),
                i.takenAt(),
                i.lat(),
                i.lon(),
                i.note(),
                i.uploadedBy(),
                i.uploadedAt());
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public Map<Long, String> currentDigests(Collection<Long> rowIds) {
        Map<Long, String> out = new HashMap<>();
        if (rowIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT " + CaseEvidence.COLUMNS + " FROM enf_evidence WHERE id IN (:ids)")
                .param("ids", rowIds)
                .query((rs, n) -> CaseEvidence.item(rs))
                .list()
                .forEach(i -> out.put(i.id(), digest(i).sha256()));
        return out;
    }
}
