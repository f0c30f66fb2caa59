package org.cityops.cases.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditedTable;
import org.cityops.audit.RecordDigest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts each case step (环节记录) in the audit chain: the audit entry of a step carries the digest of its
 * {@code case_step} row, and a chain verification asks this bean to recompute the digests of the rows as they are
 * now, so a step row edited or deleted behind the application's back (a changed time, actor or on-time flag) is
 * reported. Costs intake and transitions one SHA-256 of a short text and the generated key, no lock and no query.
 */
@Component
class CaseStepDigests implements AuditedTable {

    static final String TABLE = "case_step";
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    CaseStepDigests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every column of the row, in a fixed order. */
    static RecordDigest digest(long stepId, long caseId, StepRecord s) {
        return RecordDigest.of(
                TABLE,
                stepId,
                caseId,
                s.action(),
                s.stage(),
                s.from(),
                s.to(),
                s.actor(),
                s.actorName(),
                s.role(),
                s.departmentId(),
                s.startedAt(),
                s.dueAt(),
                s.actedAt(),
                s.onTime(),
                s.note(),
                s.inspector());
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public Map<Long, String> currentDigests(Collection<Long> rowIds) {
        Map<Long, String> digests = new HashMap<>();
        List<Long> ids = new ArrayList<>(rowIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            jdbc.sql("SELECT * FROM case_step WHERE id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .query((rs, n) -> digest(rs.getLong("id"), rs.getLong("case_id"), CaseRepository.step(rs)))
                    .list()
                    .forEach(d -> digests.put(d.rowId(), d.sha256()));
        }
        return digests;
    }
}
