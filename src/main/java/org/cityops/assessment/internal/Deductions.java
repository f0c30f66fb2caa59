package org.cityops.assessment.internal;

// Size: one file on purpose: the deduction rules, their appeal states and the queries that list them change
// together; over 400 lines since the formatter wrapped its SQL

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 长效管理标准体系: standard items, deductions (shared department : territory), appeals (申诉). */
@Service
public class Deductions {

    /** A standard item. basis MANUAL (an assessor records it), OVERDUE (per overdue case), REWORK (per 返工). */
    public record Item(
            long id,
            String code,
            String name,
            double points,
            String basis,
            double leaderMultiplier,
            double mediaMultiplier,
            int deptShare,
            int territoryShare,
            boolean active) {

        /** 领导交办 / 媒体曝光 multiply the points; when both apply the larger multiplier is used. */
        public double multiplier(boolean leader, boolean media) {
            double m = 1;
            if (leader) {
                m = Math.max(m, leaderMultiplier);
            }
            if (media) {
                m = Math.max(m, mediaMultiplier);
            }
            return m;
        }

        /** The department part and the territory (district) part, e.g. 20 : 80. */
        public List<Share> shares(String department, String district) {
            List<Share> s = new ArrayList<>();
            if (deptShare > 0 && department != null) {
                s.add(new Share(SubjectType.DEPARTMENT, department, deptShare));
            }
            if (territoryShare > 0 && district != null) {
                s.add(new Share(SubjectType.DISTRICT, district, territoryShare));
            }
            return s;
        }
    }

    public record Share(SubjectType type, String code, int percent) {}

    public record Deduction(
            long id,
            long periodId,
            Long versionId,
            String itemCode,
            String itemName,
            String subjectType,
            String subjectCode,
            Long caseId,
            String caseNumber,
            int quantity,
            double multiplier,
            int sharePct,
            double points,
            String origin,
            String status,
            String note,
            String createdBy,
            Instant createdAt) {}

    public record Appeal(
            long id,
            long deductionId,
            String reason,
            String filedBy,
            Instant filedAt,
            String status,
            String reviewedBy,
            Instant reviewedAt,
            String reviewNote) {}

    static double points(double itemPoints, int qty, double mult, int pct) {
        return Math.round(itemPoints * qty * mult * pct) / 100.0;
    }

    private final JdbcClient jdbc;
    private final Periods periods;
    private final AuditTrail audit;
    private final Clock clock;

    private final AppealEvidence evidence;

    Deductions(JdbcClient jdbc, Periods periods, AuditTrail audit, Clock clock, AppealEvidence evidence) {
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Item saveItem(
            String code,
            String name,
            double points,
            String basis,
            double leaderMult,
            double mediaMult,
            int deptShare,
            int territoryShare) {
        if (code == null || !code.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new InvalidInputException("标准项编码不合法 invalid item code", "code");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("名称必填 name required", "name");
        }
        if (points <= 0 || points > 100) {
            throw new InvalidInputException("分值必须在 0..100 之间 points must be in (0, 100]", "points");
        }
        if (!List.of("MANUAL", "OVERDUE", "REWORK").contains(basis)) {
            throw new InvalidInputException(
                    "依据必须是 MANUAL/OVERDUE/REWORK basis must be MANUAL, OVERDUE or REWORK", "basis");
        }
        if (leaderMult < 1 || mediaMult < 1 || leaderMult > 10 || mediaMult > 10) {
            throw new InvalidInputException("倍数必须在 1..10 之间 multipliers must be 1..10", "leaderMultiplier");
        }
        if (deptShare < 0 || territoryShare < 0 || deptShare + territoryShare != 100) {
            throw new InvalidInputException(
                    "部门与属地分担比例合计必须为 100 department + territory shares must sum to 100", "deptShare");
        }
        var existing = item(code);
        if (existing != null) {
            jdbc.sql("""
                    UPDATE asm_standard_item SET name = :name, points = :points, basis = :basis, leader_multiplier = :lm,
                      media_multiplier = :mm, dept_share = :ds, territory_share = :ts WHERE code = :code""")
                    .param("name", name)
                    .param("points", points)
                    .param("basis", basis)
                    .param("lm", leaderMult)
                    .param("mm", mediaMult)
                    .param("ds", deptShare)
                    .param("ts", territoryShare)
                    .param("code", code)
                    .update();
        } else {
            jdbc.sql("""
                    INSERT INTO asm_standard_item (code, name, points, basis, leader_multiplier, media_multiplier,
                      dept_share, territory_share) VALUES (:code, :name, :points, :basis, :lm, :mm, :ds, :ts)""")
                    .param("name", name)
                    .param("points", points)
                    .param("basis", basis)
                    .param("lm", leaderMult)
                    .param("mm", mediaMult)
                    .param("ds", deptShare)
                    .param("ts", territoryShare)
                    .param("code", code)
                    .update();
        }
        Item saved = item(code);
        audit.record(
                "ASSESSMENT_ITEM",
                code,
                existing == null ? "CREATE" : "UPDATE",
                existing == null ? null : existing.toString(),
                saved.toString());
        return saved;
    }

    public List<Item> items() {
        return jdbc.sql("SELECT * FROM asm_standard_item ORDER BY code")
                .query((rs, n) -> mapItem(rs, n))
                .list();
    }

    Item item(String code) {
        return jdbc.sql("SELECT * FROM asm_standard_item WHERE code = :c")
                .param("c", code)
                .query((rs, n) -> mapItem(rs, n))
                .optional()
                .orElse(null);
    }

    /**
     * An assessor's deduction (e.g. a problem found on a patrol route) against a department and/or a territory:
     * split by the item's shares into one row per subject.
     */
    @Transactional
    public List<Deduction> record(
            StaffMember who,
            long periodId,
            String itemCode,
            String department,
            String district,
            Long caseId,
            String caseNumber,
            int quantity,
            boolean leader,
            boolean media,
            String note) {
        Periods.Period p = periods.get(periodId);
        if (p.status() == Periods.Status.LOCKED || p.status() == Periods.Status.PUBLISHED) {
            throw new ConflictException("考核周期已锁定 period is locked", "status");
        }
        Item item = item(itemCode == null ? "" : itemCode);
        if (item == null || !item.active()) {
            throw new InvalidInputException("未知标准项 unknown standard item " + itemCode, "item");
        }
        if (quantity < 1 || quantity > 1000) {
            throw new InvalidInputException("数量必须在 1..1000 之间 quantity must be 1..1000", "quantity");
        }
        if (item.deptShare() > 0 && (department == null || department.isBlank())) {
            throw new InvalidInputException("该标准项需要责任部门 this item needs a department", "department");
        }
        if (item.territoryShare() > 0 && (district == null || district.isBlank())) {
            throw new InvalidInputException("该标准项需要属地（区） this item needs a district", "district");
        }
        double mult = item.multiplier(leader, media);
        String group = "M" + UUID.randomUUID();
        String by = who.username();
        List<Long> ids = new ArrayList<>();
        for (Share s : item.shares(department, district)) {
            jdbc.sql("""
                    INSERT INTO asm_deduction (period_id, item_id, subject_type, subject_code, case_id, case_number,
                      quantity, multiplier, share_pct, points, origin, status, group_key, note, created_by, created_at)
                    VALUES (:p, :item, :type, :code, :case, :num, :qty, :mult, :pct, :points, 'MANUAL', 'ACTIVE', :g,
                      :note, :by, :at)""")
                    .param("p", periodId)
                    .param("item", item.id())
                    .param("type", s.type().name())
                    .param("code", s.code().trim())
                    .param("case", caseId)
                    .param("num", caseNumber)
                    .param("qty", quantity)
                    .param("mult", mult)
                    .param("pct", s.percent())
                    .param("points", points(item.points(), quantity, mult, s.percent()))
                    .param("g", group)
                    .param("note", note)
                    .param("by", by)
                    .param("at", DbTime.toDb(clock.instant()))
                    .update();
            long id = jdbc.sql("SELECT MAX(id) FROM asm_deduction WHERE group_key = :g")
                    .param("g", group)
                    .query(Long.class)
                    .single();
            ids.add(id);
            audit.record(
                    "ASSESSMENT_DEDUCTION",
                    String.valueOf(id),
                    "CREATE",
                    null,
                    item.code() + " " + s.type() + ":" + s.code() + " x" + quantity + " *" + mult + " " + s.percent()
                            + "% case=" + caseNumber);
        }
        return ids.stream().map(this::deduction).toList();
    }

    public Deduction deduction(long id) {
        return jdbc.sql(SELECT_DEDUCTION + " WHERE d.id = :id")
                .param("id", id)
                .query((rs, n) -> mapDeduction(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("扣分记录不存在 deduction not found"));
    }

    private static final String SELECT_DEDUCTION = """
            SELECT d.*, i.code item_code, i.name item_name FROM asm_deduction d
            JOIN asm_standard_item i ON i.id = d.item_id""";

    /** Deductions of a period that count for a version (manual ones, and the version's automatic ones). */
    public List<Deduction> ofSubject(long periodId, long versionId, String type, String code) {
        return jdbc.sql(SELECT_DEDUCTION + " " + """
                 WHERE d.period_id = :p AND d.subject_type = :t AND d.subject_code = :c
                   AND (d.origin = 'MANUAL' OR d.version_id = :v) ORDER BY d.id""")
                .param("p", periodId)
                .param("t", type)
                .param("c", code)
                .param("v", versionId)
                .query((rs, n) -> mapDeduction(rs))
                .list();
    }

    /**
     * The deductions the caller's unit may appeal in a period: its department's, and for a district bureau
     * (QCGJ-xxxxxx) also its district's territory share. {@code versionId} null: manual ones only.
     */
    public List<Deduction> ofUnit(long periodId, Long versionId, StaffMember who) {
        String dept = who.departmentCode();
        if (dept == null) {
            return List.of();
        }
        long v = versionId == null ? -1 : versionId;
        List<Deduction> out = new ArrayList<>(ofSubject(periodId, v, "DEPARTMENT", dept));
        if (dept.startsWith("QCGJ-")) {
            out.addAll(ofSubject(periodId, v, "DISTRICT", dept.substring(5)));
        }
        return out;
    }

    public List<Deduction> manualOfPeriod(long periodId) {
        return jdbc.sql(SELECT_DEDUCTION + " WHERE d.period_id = :p AND d.origin = 'MANUAL' ORDER BY d.id")
                .param("p", periodId)
                .query((rs, n) -> mapDeduction(rs))
                .list();
    }

    /** 申诉: the department charged (a HANDLER of it) appeals a deduction; the deduction waits for review. */
    public Appeal appeal(long deductionId, String reason, StaffMember who) {
        return appeal(deductionId, reason, who, null);
    }

    /** 申诉 with an optional attachment (already checked by {@link AppealEvidence#check}). */
    @Transactional
    public Appeal appeal(long deductionId, String reason, StaffMember who, AppealEvidence.File attachment) {
        Deduction d = deduction(deductionId);
        Periods.Period p = periods.get(d.periodId());
        if (p.status() == Periods.Status.LOCKED || p.status() == Periods.Status.PUBLISHED) {
            throw new ConflictException("考核周期已锁定，不能申诉 period is locked", "status");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("申诉理由必填 reason required", "reason");
        }
        if (!canAppeal(d, who)) {
            throw new AccessDeniedToEntityException("只能对本单位的扣分申诉 you may appeal only your own unit's deductions");
        }
        if (!"ACTIVE".equals(d.status())) {
            throw new ConflictException("该扣分已在申诉中或已撤销 deduction is " + d.status(), "status");
        }
        jdbc.sql("""
                INSERT INTO asm_appeal (deduction_id, reason, filed_by, filed_at, status)
                VALUES (:d, :r, :by, :at, 'PENDING')""")
                .param("d", deductionId)
                .param("r", reason.trim())
                .param("by", who.username())
                .param("at", DbTime.toDb(clock.instant()))
                .update();
        jdbc.sql("UPDATE asm_deduction SET status = 'APPEALED' WHERE id = :id")
                .param("id", deductionId)
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM asm_appeal WHERE deduction_id = :d")
                .param("d", deductionId)
                .query(Long.class)
                .single();
        if (attachment != null) {
            evidence.store(id, attachment);
        }
        audit.record(
                "ASSESSMENT_APPEAL",
                String.valueOf(id),
                "FILE",
                "deduction " + deductionId + " ACTIVE",
                "APPEALED: " + reason.trim() + (attachment == null ? "" : " [附件 " + attachment.filename() + "]"));
        return appealById(id);
    }

    public static boolean canAppeal(Deduction d, StaffMember who) {
        if ("DEPARTMENT".equals(d.subjectType())) {
            return d.subjectCode().equals(who.departmentCode());
        }
        if ("DISTRICT".equals(d.subjectType())) {
            return who.departmentCode() != null && who.departmentCode().equals("QCGJ-" + d.subjectCode());
        }
        return false;
    }

    /**
     * The assessor decides: ACCEPTED voids the deduction (it no longer counts), REJECTED restores it. While an
     * appeal is pending the deduction does not count (APPEALED), so a recomputation shows the appeal's effect.
     */
    @Transactional
    public Appeal review(StaffMember who, long appealId, boolean accept, String note) {
        Appeal a = appealById(appealId);
        if (!"PENDING".equals(a.status())) {
            throw new ConflictException("申诉已处理 appeal already decided", "status");
        }
        Deduction d = deduction(a.deductionId());
        Periods.Period p = periods.get(d.periodId());
        if (p.status() == Periods.Status.LOCKED || p.status() == Periods.Status.PUBLISHED) {
            throw new ConflictException("考核周期已锁定 period is locked", "status");
        }
        if (!accept && (note == null || note.isBlank())) {
            throw new InvalidInputException("驳回申诉须填写理由 a rejection needs a reason", "note");
        }
        String status = accept ? "ACCEPTED" : "REJECTED";
        jdbc.sql("""
                UPDATE asm_appeal SET status = :s, reviewed_by = :by, reviewed_at = :at, review_note = :note
                WHERE id = :id""")
                .param("s", status)
                .param("by", who.username())
                .param("at", DbTime.toDb(clock.instant()))
                .param("note", note)
                .param("id", appealId)
                .update();
        jdbc.sql("UPDATE asm_deduction SET status = :s WHERE id = :id")
                .param("s", accept ? "VOIDED" : "ACTIVE")
                .param("id", d.id())
                .update();
        audit.record(
                "ASSESSMENT_APPEAL",
                String.valueOf(appealId),
                accept ? "ACCEPT" : "REJECT",
                "PENDING",
                status + (note == null ? "" : ": " + note) + "; deduction " + d.id() + " -> "
                        + (accept ? "VOIDED" : "ACTIVE"));
        return appealById(appealId);
    }

    /** An appeal with the deduction it concerns and its attachment, if any (review and handler pages). */
    public record AppealCase(Appeal appeal, Deduction deduction, AppealEvidence.Meta attachment) {}

    /** The appeals of a period on deductions the given unit may appeal (the handler's own), newest first. */
    public List<AppealCase> appealCases(long periodId, StaffMember unitOf) {
        return appeals(periodId).stream()
                .map(a -> new AppealCase(
                        a, deduction(a.deductionId()), evidence.meta(a.id()).orElse(null)))
                .filter(c -> unitOf == null || canAppeal(c.deduction(), unitOf))
                .sorted((x, y) -> Long.compare(y.appeal().id(), x.appeal().id()))
                .toList();
    }

    /** The appeals of a deduction, oldest first (a rejected deduction may not be appealed again). */
    public List<Appeal> appealsOf(long deductionId) {
        return jdbc.sql("SELECT * FROM asm_appeal WHERE deduction_id = :d ORDER BY id")
                .param("d", deductionId)
                .query((rs, n) -> mapAppeal(rs))
                .list();
    }

    public Appeal appealById(long id) {
        return jdbc.sql("SELECT * FROM asm_appeal WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> mapAppeal(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("申诉不存在 appeal not found"));
    }

    public List<Appeal> appeals(long periodId) {
        return jdbc.sql("""
                SELECT a.* FROM asm_appeal a JOIN asm_deduction d ON d.id = a.deduction_id
                WHERE d.period_id = :p ORDER BY a.id""")
                .param("p", periodId)
                .query((rs, n) -> mapAppeal(rs))
                .list();
    }

    static Item mapItem(ResultSet rs, int n) throws SQLException {
        return new Item(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                d(rs.getBigDecimal("points")),
                rs.getString("basis"),
                d(rs.getBigDecimal("leader_multiplier")),
                d(rs.getBigDecimal("media_multiplier")),
                rs.getInt("dept_share"),
                rs.getInt("territory_share"),
                rs.getBoolean("active"));
    }

    private static Deduction mapDeduction(ResultSet rs) throws SQLException {
        return new Deduction(
                rs.getLong("id"),
                rs.getLong("period_id"),
                (Long) rs.getObject("version_id", Long.class),
                rs.getString("item_code"),
                rs.getString("item_name"),
                rs.getString("subject_type"),
                rs.getString("subject_code"),
                (Long) rs.getObject("case_id", Long.class),
                rs.getString("case_number"),
                rs.getInt("quantity"),
                d(rs.getBigDecimal("multiplier")),
                rs.getInt("share_pct"),
                d(rs.getBigDecimal("points")),
                rs.getString("origin"),
                rs.getString("status"),
                rs.getString("note"),
                rs.getString("created_by"),
                FactQueries.time(rs, "created_at"));
    }

    private static Appeal mapAppeal(ResultSet rs) throws SQLException {
        return new Appeal(
                rs.getLong("id"),
                rs.getLong("deduction_id"),
                rs.getString("reason"),
                rs.getString("filed_by"),
                FactQueries.time(rs, "filed_at"),
                rs.getString("status"),
                rs.getString("reviewed_by"),
                FactQueries.time(rs, "reviewed_at"),
                rs.getString("review_note"));
    }

    private static double d(BigDecimal b) {
        return b == null ? 0 : b.doubleValue();
    }
}
