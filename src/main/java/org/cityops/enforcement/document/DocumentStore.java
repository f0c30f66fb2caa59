package org.cityops.enforcement.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.platform.DbTime;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes enf_document, enf_document_approval and enf_doc_counter (this module's tables only). */
@Repository
class DocumentStore {

    record Row(
            long id,
            DocumentType.Owner ownerKind,
            long ownerId,
            DocumentType type,
            String stepKey,
            int revision,
            String title,
            String number,
            DocumentStatus status,
            ApprovalLevel nextLevel,
            String content,
            String sha256,
            String draftedBy,
            Instant createdAt,
            Instant issuedAt) {}

    private static final String COLUMNS = "id, owner_kind, owner_id, doc_type, step_key, revision, title, doc_number,"
            + " status, next_level, content, sha256, drafted_by, created_at, issued_at";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            DocumentType type,
            long ownerId,
            String stepKey,
            int revision,
            String title,
            String content,
            String draftedBy,
            DocumentStatus status,
            ApprovalLevel next,
            Instant now) {
        jdbc.sql("INSERT INTO enf_document (owner_kind, owner_id, doc_type, step_key, revision, title, status,"
                        + " next_level, content, drafted_by, created_at) VALUES (:ok, :oid, :type, :step, :rev, :title,"
                        + " :status, :next, :content, :by, :at)")
                .param("ok", type.owner().name())
                .param("oid", ownerId)
                .param("type", type.name())
                .param("step", stepKey)
                .param("rev", revision)
                .param("title", title)
                .param("status", status.name())
                .param("next", next == null ? null : next.name())
                .param("content", content)
                .param("by", draftedBy)
                .param("at", DbTime.toDb(now))
                .update();
        return jdbc.sql(
                        "SELECT id FROM enf_document WHERE tenant_id = 'default' AND owner_kind = :ok AND owner_id = :oid"
                                + " AND doc_type = :type AND step_key = :step AND revision = :rev")
                .param("ok", type.owner().name())
                .param("oid", ownerId)
                .param("type", type.name())
                .param("step", stepKey)
                .param("rev", revision)
                .query(Long.class)
                .single();
    }

    /** The documents of one type and step of an owner, every revision. */
    List<Row> sameStep(DocumentType type, long ownerId, String stepKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enf_document WHERE tenant_id = 'default' AND owner_kind = :ok"
                        + " AND owner_id = :oid AND doc_type = :type AND step_key = :step ORDER BY revision")
                .param("ok", type.owner().name())
                .param("oid", ownerId)
                .param("type", type.name())
                .param("step", stepKey)
                .query(DocumentStore::row)
                .list();
    }

    List<Row> byOwner(DocumentType.Owner kind, long ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enf_document WHERE tenant_id = 'default' AND owner_kind = :ok"
                        + " AND owner_id = :oid ORDER BY id")
                .param("ok", kind.name())
                .param("oid", ownerId)
                .query(DocumentStore::row)
                .list();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enf_document WHERE id = :id")
                .param("id", id)
                .query(DocumentStore::row)
                .optional();
    }

    Optional<Row> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enf_document WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(DocumentStore::row)
                .optional();
    }

    Optional<byte[]> docx(long id) {
        return jdbc.sql("SELECT docx FROM enf_document WHERE id = :id AND docx IS NOT NULL")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    Map<Long, List<DocumentView.Approval>> approvals(Collection<Long> ids) {
        Map<Long, List<DocumentView.Approval>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT document_id, level, approved, opinion, actor_name, signed_at FROM enf_document_approval"
                        + " WHERE document_id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query(rs -> {
                    ApprovalLevel level = ApprovalLevel.valueOf(rs.getString("level"));
                    out.computeIfAbsent(rs.getLong("document_id"), k -> new ArrayList<>())
                            .add(new DocumentView.Approval(
                                    level,
                                    level.label(),
                                    rs.getBoolean("approved"),
                                    rs.getString("opinion"),
                                    rs.getString("actor_name"),
                                    at(rs, "signed_at")));
                });
        return out;
    }

    List<String> signers(long id) {
        return jdbc.sql("SELECT actor FROM enf_document_approval WHERE document_id = :id AND approved = TRUE")
                .param("id", id)
                .query(String.class)
                .list();
    }

    void sign(long id, ApprovalLevel level, boolean approved, String opinion, String actor, String name, Instant at) {
        jdbc.sql("INSERT INTO enf_document_approval (document_id, level, approved, opinion, actor, actor_name,"
                        + " signed_at) VALUES (:id, :level, :ok, :opinion, :actor, :name, :at)")
                .param("id", id)
                .param("level", level.name())
                .param("ok", approved)
                .param("opinion", opinion)
                .param("actor", actor)
                .param("name", name)
                .param("at", DbTime.toDb(at))
                .update();
    }

    void advance(long id, DocumentStatus status, ApprovalLevel next) {
        jdbc.sql("UPDATE enf_document SET status = :status, next_level = :next WHERE id = :id")
                .param("status", status.name())
                .param("next", next == null ? null : next.name())
                .param("id", id)
                .update();
    }

    void issue(long id, String number, Integer year, String content, byte[] docx, String sha256, Instant at) {
        jdbc.sql("UPDATE enf_document SET status = 'ISSUED', next_level = NULL, doc_number = :num, doc_year = :year,"
                        + " content = :content, docx = :docx, sha256 = :sha, issued_at = :at WHERE id = :id")
                .param("num", number)
                .param("year", year)
                .param("content", content)
                .param("docx", docx)
                .param("sha", sha256)
                .param("at", DbTime.toDb(at))
                .param("id", id)
                .update();
    }

    /**
     * The next 文号 of a type and year. The counter row is updated in the caller's transaction: it stays locked
     * until commit (two issuers queue), and a rollback gives the number back, so the numbers have no gaps.
     */
    int nextNumber(DocumentType type, int year) {
        jdbc.sql("INSERT INTO enf_doc_counter (tenant_id, doc_type, doc_year, last_no) VALUES ('default', :type,"
                        + " :year, 0) ON CONFLICT DO NOTHING")
                .param("type", type.name())
                .param("year", year)
                .update();
        jdbc.sql("UPDATE enf_doc_counter SET last_no = last_no + 1 WHERE tenant_id = 'default' AND doc_type = :type"
                        + " AND doc_year = :year")
                .param("type", type.name())
                .param("year", year)
                .update();
        return jdbc.sql("SELECT last_no FROM enf_doc_counter WHERE tenant_id = 'default' AND doc_type = :type"
                        + " AND doc_year = :year")
                .param("type", type.name())
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String next = rs.getString("next_level");
        return new Row(
                rs.getLong("id"),
                DocumentType.Owner.valueOf(rs.getString("owner_kind")),
                rs.getLong("owner_id"),
                DocumentType.valueOf(rs.getString("doc_type")),
                rs.getString("step_key"),
                rs.getInt("revision"),
                rs.getString("title"),
                rs.getString("doc_number"),
                DocumentStatus.valueOf(rs.getString("status")),
                next == null ? null : ApprovalLevel.valueOf(next),
                rs.getString("content"),
                rs.getString("sha256"),
                rs.getString("drafted_by"),
                at(rs, "created_at"),
                at(rs, "issued_at"));
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        return DbTime.fromDb(rs.getObject(column, java.time.OffsetDateTime.class));
    }

    static NotFoundException notFound() {
        return new NotFoundException("文书不存在 document not found");
    }
}
