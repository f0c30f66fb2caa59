package org.cityops.enforcement.file;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 证据 of an enforcement case: photos, video, 笔录 with the time and GPS position they were taken and the SHA-256
 * of their bytes ({@link EvidenceRules} decides what is acceptable). The audit entry of an upload carries the digest
 * of the evidence row, sha256 included, so the chain vouches for it ({@link EvidenceDigests}: a row edited or deleted
 * later is reported by chain verification); every read recomputes the SHA-256 of the bytes and refuses a file whose
 * bytes no longer match (409). Kept in the database next to the case, like the other modules' attachments.
 */
@Service
public class CaseEvidence {

    private static final Logger log = LoggerFactory.getLogger(CaseEvidence.class);
    private static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final EnforcementCases cases;
    private final AuditTrail audit;
    private final Clock clock;

    CaseEvidence(JdbcClient jdbc, EnforcementCases cases, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** One piece of evidence as listed on the case file (no bytes). */
    public record Item(
            long id,
            long caseId,
            EvidenceKind kind,
            String filename,
            String contentType,
            int size,
            String sha256,
            Instant takenAt,
            Double lat,
            Double lon,
            String note,
            String uploadedBy,
            Instant uploadedAt) {}

    /** The bytes of a piece of evidence, checked against its recorded SHA-256. */
    public record File(Item item, byte[] data) {}

    /** Adds a piece of evidence to an open case in the caller's area; 400 naming the field when not acceptable. */
    @Transactional
    public Item add(
            long caseId,
            EvidenceKind kind,
            String filename,
            byte[] data,
            Instant takenAt,
            Double lat,
            Double lon,
            String note,
            StaffMember me) {
        Instant now = clock.instant();
        EvidenceRules.check(kind, data, takenAt, lat, lon, now).ifPresent(p -> {
            throw new InvalidInputException(p.message(), p.field());
        });
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new InvalidInputException("说明不能超过500字 note too long", "note");
        }
        EnforcementCase c = cases.lockVisible(caseId, me);
        if (c.stage().isFinal()) {
            throw new ConflictException("案件已" + c.stage().label() + "，不能再添加证据 the case has ended", "step");
        }
        String sha = EvidenceRules.sha256(data);
        Item item = new Item(
                0,
                caseId,
                kind,
                EvidenceRules.cleanName(filename),
                EvidenceRules.sniff(data),
                data.length,
                sha,
                takenAt.truncatedTo(ChronoUnit.MICROS),
                lat,
                lon,
                cleanNote,
                me.username(),
                now.truncatedTo(ChronoUnit.MICROS));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO enf_evidence (case_id, kind, filename, content_type, size_bytes, sha256, taken_at, lat,
                  lon, note, uploaded_by, uploaded_at, data)
                VALUES (:c, :k, :f, :t, :s, :h, :at, :lat, :lon, :n, :by, :up, :d)""")
                .param("c", caseId)
                .param("k", kind.name())
                .param("f", item.filename())
                .param("t", item.contentType())
                .param("s", item.size())
                .param("h", sha)
                .param("at", DbTime.toDb(item.takenAt()))
                .param("lat", lat)
                .param("lon", lon)
                .param("n", cleanNote)
                .param("by", item.uploadedBy())
                .param("up", DbTime.toDb(item.uploadedAt()))
                .param("d", data)
                .update(keys, "id");
        Item stored = withId(item, keys.getKey().longValue());
        audit.record(
                "ENF_CASE",
                c.caseNumber(),
                "EVIDENCE",
                null,
                kind.label() + " " + stored.filename() + " " + data.length + " bytes sha256=" + sha + " taken="
                        + stored.takenAt() + (lat == null ? "" : " gps=" + lat + "," + lon),
                EvidenceDigests.digest(stored));
        return stored;
    }

    /** The case's evidence, oldest first (the case must be in the caller's area). */
    @Transactional(readOnly = true)
    public List<Item> list(long caseId, StaffMember me) {
        cases.visibleCase(caseId, me);
        return jdbc.sql("SELECT " + COLUMNS + " FROM enf_evidence WHERE case_id = :c ORDER BY id")
                .param("c", caseId)
                .query((rs, n) -> item(rs))
                .list();
    }

    /** The bytes of one piece of evidence; 409 when they no longer match the SHA-256 recorded at upload. */
    @Transactional(readOnly = true)
    public File file(long caseId, long evidenceId, StaffMember me) {
        cases.visibleCase(caseId, me);
        File f = jdbc.sql("SELECT " + COLUMNS + ", data FROM enf_evidence WHERE case_id = :c AND id = :id")
                .param("c", caseId)
                .param("id", evidenceId)
                .query((rs, n) -> new File(item(rs), rs.getBytes("data")))
                .optional()
                .orElseThrow(() -> new NotFoundException("证据不存在 evidence not found"));
        String actual = EvidenceRules.sha256(f.data());
        if (!actual.equals(f.item().sha256())) {
            log.error(
                    "Evidence {} of enforcement case {}: SHA-256 {} does not match the recorded {}",
                    evidenceId,
                    caseId,
                    actual,
                    f.item().sha256());
            throw new ConflictException(
                    "证据文件已被改动：其SHA-256与取证时登记的不符 the file's bytes do not match its recorded SHA-256", "evidence");
        }
        return f;
    }

    static final String COLUMNS =
            "id, case_id, kind, filename, content_type, size_bytes, sha256, taken_at, lat, lon, note, uploaded_by,"
                    + " uploaded_at";

    static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Item(
                rs.getLong("id"),
                rs.getLong("case_id"),
                EvidenceKind.valueOf(rs.getString("kind")),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getInt("size_bytes"),
                rs.getString("sha256").trim(),
                rs.getTimestamp("taken_at").toInstant(),
                (Double) rs.getObject("lat", Double.class),
                (Double) rs.getObject("lon", Double.class),
                rs.getString("note"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    private static Item withId(Item i, long id) {
        return new Item(
                id,
                i.caseId(),
                i.kind(),
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
}
