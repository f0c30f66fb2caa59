package org.cityops.assessment.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cityops.assessment.internal.model.Source;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.audit.AuditTrail;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitView;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.UploadedWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores of the sources other than the case record: 公众评价 survey results and 第三方评价 inspections
 * (imported from Excel by assessors), 专业部门评价 (entered by a department), 区级评价 (a district's
 * self-evaluation, counted once an assessor approved it).
 */
@Service
public class SourceScores {

    public record Score(
            long id,
            long periodId,
            String source,
            String subjectType,
            String subjectCode,
            String itemCode,
            double score,
            String status,
            String enteredBy,
            String enteredDept,
            String batch,
            String note,
            Instant createdAt) {}

    public record RowError(int row, String field, String message) {}

    public record ImportReport(String batch, int imported, List<RowError> errors) {}

    /** Rows one import takes at most: a score for every grid of a large city. */
    static final int MAX_IMPORT_ROWS = 50_000;

    private final JdbcClient jdbc;
    private final Periods periods;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;

    SourceScores(JdbcClient jdbc, Periods periods, OrgDirectory org, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads an .xlsx (columns: 对象类型 subjectType, 对象编码 subjectCode, 得分 score, 备注 note; first row headers). */
    @Transactional
    public ImportReport importExcel(long periodId, Source source, InputStream xlsx, String who) {
        Periods.Period p = openPeriod(periodId);
        if (source != Source.PUBLIC && source != Source.THIRD_PARTY) {
            throw new InvalidInputException("只能导入公众评价或第三方评价 only PUBLIC or THIRD_PARTY can be imported", "source");
        }
        SheetErrors errors = new SheetErrors();
        List<Object[]> rows = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(xlsx)) {
            for (DataRow row : wb.firstSheet().dataRows(MAX_IMPORT_ROWS)) {
                String typeText = row.text(0);
                String code = row.text(1);
                SubjectType type = null;
                try {
                    type = SubjectType.valueOf(typeText.toUpperCase());
                } catch (IllegalArgumentException e) {
                    errors.add(row, "subjectType", "未知对象类型 unknown subject type '" + typeText + "'");
                }
                if (type != null && !known(type, code)) {
                    errors.add(row, "subjectCode", "未知评价对象 unknown subject " + type + " '" + code + "'");
                }
                Double score = number(row.text(2));
                if (score == null || score < 0 || score > 100) {
                    errors.add(
                            row, "score", "得分必须是 0..100 的数 score must be a number 0..100, was '" + row.text(2) + "'");
                }
                rows.add(new Object[] {type, code, score, row.textOrNull(3)});
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            return new ImportReport(null, 0, List.of(new RowError(0, "file", "文件中没有数据行 no data rows")));
        }
        if (!errors.isEmpty()) {
            return new ImportReport(null, 0, errors.map(e -> new RowError(e.row(), e.column(), e.message())));
        }
        String batch = source.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        for (Object[] r : rows) {
            insert(
                    p.id(),
                    source,
                    ((SubjectType) r[0]).name(),
                    (String) r[1],
                    null,
                    (Double) r[2],
                    "FINAL",
                    who,
                    null,
                    batch,
                    (String) r[3]);
        }
        audit.record(
                "ASSESSMENT_PERIOD",
                String.valueOf(p.id()),
                "IMPORT_" + source,
                null,
                "batch " + batch + ": " + rows.size() + " scores");
        return new ImportReport(batch, rows.size(), List.of());
    }

    private static Double number(String text) {
        try {
            return new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Areas and departments must exist in the org tree; grids must be 15 digits under a known community. */
    boolean known(SubjectType type, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        return switch (type) {
            case DISTRICT, STREET, COMMUNITY ->
                org.unit(code)
                        .map(OrgUnitView::kind)
                        .map(k -> k.name().equals(type.name()))
                        .orElse(false);
            case GRID ->
                code.matches("\\d{15}") && org.unit(code.substring(0, 12)).isPresent();
            case DEPARTMENT -> org.departmentByCode(code).isPresent();
            default -> false;
        };
    }

    /**
     * 专业部门评价 (source DEPARTMENT): a department's staff scores a subject (usually a district) against a
     * standard item; 区级评价 (source DISTRICT): a district bureau scores its own district, pending review.
     */
    @Transactional
    public Score enter(
            long periodId,
            Source source,
            SubjectType type,
            String code,
            String itemCode,
            Double score,
            String note,
            StaffMember who) {
        return enter(periodId, source, type, code, itemCode, score, note, who, null);
    }

    /**
     * {@link #enter} with a source key kept in the batch column: the key of a score another module submits through
     * {@link org.cityops.assessment.SourceScoreInput}, so a resubmission is recognised ({@link #hasKey}).
     */
    @Transactional
    public Score enter(
            long periodId,
            Source source,
            SubjectType type,
            String code,
            String itemCode,
            Double score,
            String note,
            StaffMember who,
            String sourceKey) {
        Periods.Period p = openPeriod(periodId);
        if (score == null || score < 0 || score > 100) {
            throw new InvalidInputException("得分必须在 0..100 之间 score must be 0..100", "score");
        }
        if (type == null || !known(type, code)) {
            throw new InvalidInputException("未知评价对象 unknown subject " + type + " " + code, "subjectCode");
        }
        String status;
        switch (source) {
            case DEPARTMENT -> {
                if (who.departmentCode() == null) {
                    throw new AccessDeniedToEntityException("专业部门评价须由部门人员录入 needs a department member");
                }
                if (type == SubjectType.DEPARTMENT && code.equals(who.departmentCode())) {
                    throw new AccessDeniedToEntityException("部门不能评价本部门 a department does not score itself");
                }
                status = "FINAL";
            }
            case DISTRICT -> {
                if (type != SubjectType.DISTRICT
                        || who.departmentCode() == null
                        || !who.departmentCode().equals("QCGJ-" + code)) {
                    throw new AccessDeniedToEntityException("区级评价只能由本区城管局录入本区 a district evaluates only itself");
                }
                status = "SUBMITTED";
            }
            default ->
                throw new InvalidInputException("公众评价和第三方评价请用导入 use the import for PUBLIC/THIRD_PARTY", "source");
        }
        long id = insert(
                p.id(),
                source,
                type.name(),
                code,
                itemCode,
                score,
                status,
                who.username(),
                who.departmentCode(),
                sourceKey,
                note);
        audit.record(
                "ASSESSMENT_SCORE",
                String.valueOf(id),
                "ENTER",
                null,
                source + " " + type + ":" + code + " " + score + " " + status);
        return score(id);
    }

    /** An assessor approves (optionally with an adjusted score) or rejects a district's self-evaluation. */
    @Transactional
    public Score review(long scoreId, boolean approve, Double adjusted, String note) {
        Score s = score(scoreId);
        openPeriod(s.periodId());
        if (!"SUBMITTED".equals(s.status())) {
            throw new ConflictException("只有待审核的区级评价可以审核 only a submitted self-evaluation is reviewed", "status");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new InvalidInputException("驳回须填写理由 a rejection needs a reason", "note");
        }
        if (adjusted != null && (adjusted < 0 || adjusted > 100)) {
            throw new InvalidInputException("得分必须在 0..100 之间 score must be 0..100", "score");
        }
        double finalScore = adjusted == null ? s.score() : adjusted;
        jdbc.sql("UPDATE asm_source_score SET status = :st, score = :sc, note = :note WHERE id = :id")
                .param("st", approve ? "APPROVED" : "REJECTED")
                .param("sc", finalScore)
                .param("note", note == null ? s.note() : note)
                .param("id", scoreId)
                .update();
        audit.record(
                "ASSESSMENT_SCORE",
                String.valueOf(scoreId),
                approve ? "APPROVE" : "REJECT",
                "SUBMITTED " + s.score(),
                (approve ? "APPROVED " : "REJECTED ") + finalScore);
        return score(scoreId);
    }

    public Score score(long id) {
        return jdbc.sql("SELECT * FROM asm_source_score WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("评分记录不存在 score not found"));
    }

    public List<Score> ofPeriod(long periodId) {
        return jdbc.sql("SELECT * FROM asm_source_score WHERE period_id = :p ORDER BY id")
                .param("p", periodId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** What one department (or district bureau) entered in a period: its 专业部门评价 and 区级自评. */
    public List<Score> enteredBy(long periodId, String departmentCode) {
        return jdbc.sql("SELECT * FROM asm_source_score WHERE period_id = :p AND entered_dept = :d ORDER BY id DESC")
                .param("p", periodId)
                .param("d", departmentCode)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Entries of one source in a period (专业部门评价 / 区级评价 for the assessor's review page). */
    public List<Score> ofSource(long periodId, Source source) {
        return jdbc.sql("SELECT * FROM asm_source_score WHERE period_id = :p AND source = :s ORDER BY id DESC")
                .param("p", periodId)
                .param("s", source.name())
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Whether a score with this source key was already entered in the period. */
    public boolean hasKey(long periodId, String sourceKey) {
        return jdbc.sql("SELECT COUNT(*) FROM asm_source_score WHERE period_id = :p AND batch = :k")
                        .param("p", periodId)
                        .param("k", sourceKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Fails with 409 when the period no longer takes scores (locked or published). */
    Periods.Period openPeriod(long periodId) {
        Periods.Period p = periods.get(periodId);
        if (p.status() == Periods.Status.LOCKED || p.status() == Periods.Status.PUBLISHED) {
            throw new ConflictException("考核周期已锁定 period is locked", "status");
        }
        return p;
    }

    private long insert(
            long periodId,
            Source source,
            String type,
            String code,
            String item,
            double score,
            String status,
            String who,
            String dept,
            String batch,
            String note) {
        jdbc.sql("""
                INSERT INTO asm_source_score (period_id, source, subject_type, subject_code, item_code, score, status,
                  entered_by, entered_dept, batch, note, created_at)
                VALUES (:p, :src, :t, :c, :item, :score, :st, :by, :dept, :batch, :note, :at)""")
                .param("p", periodId)
                .param("src", source.name())
                .param("t", type)
                .param("c", code)
                .param("item", item)
                .param("score", BigDecimal.valueOf(score))
                .param("st", status)
                .param("by", who)
                .param("dept", dept)
                .param("batch", batch)
                .param("note", note)
                .param("at", DbTime.toDb(clock.instant()))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM asm_source_score WHERE period_id = :p AND entered_by = :by")
                .param("p", periodId)
                .param("by", who)
                .query(Long.class)
                .single();
    }

    private static Score map(ResultSet rs) throws SQLException {
        return new Score(
                rs.getLong("id"),
                rs.getLong("period_id"),
                rs.getString("source"),
                rs.getString("subject_type"),
                rs.getString("subject_code"),
                rs.getString("item_code"),
                rs.getBigDecimal("score").doubleValue(),
                rs.getString("status"),
                rs.getString("entered_by"),
                rs.getString("entered_dept"),
                rs.getString("batch"),
                rs.getString("note"),
                FactQueries.time(rs, "created_at"));
    }
}
