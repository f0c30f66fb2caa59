package org.cityops.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.cityops.assessment.AssessmentPublished;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 考核周期: open, compute (→ a new version), lock, publish, revise. */
@Service
public class Periods {

    public enum Status {
        OPEN,
        COMPUTED,
        LOCKED,
        PUBLISHED
    }

    public record Period(
            long id,
            long schemeId,
            String schemeCode,
            LocalDate from,
            LocalDate to,
            String kind,
            Status status,
            int currentVersion,
            Integer publishedVersion,
            Instant createdAt,
            String createdBy) {

        public FactQueries.Window window(long asOf) {
            return new FactQueries.Window(
                    from.atStartOfDay(CityClock.ZONE).toInstant(),
                    to.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant(),
                    asOf);
        }

        public String label() {
            return from + " ~ " + to;
        }
    }

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final AuditTrail audit;
    private final Clock clock;
    private final Computation computation;
    private final ApplicationEventPublisher events;

    Periods(
            JdbcClient jdbc,
            Schemes schemes,
            AuditTrail audit,
            Clock clock,
            Computation computation,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
        this.computation = computation;
    }

    @Transactional
    public Period open(StaffMember who, LocalDate from, LocalDate to, String schemeCode) {
        if (from == null) {
            throw new InvalidInputException("开始日期必填 from required", "from");
        }
        if (to == null) {
            throw new InvalidInputException("结束日期必填 to required", "to");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("结束日期早于开始日期 to is before from", "to");
        }
        if (from.plusYears(1).isBefore(to)) {
            throw new InvalidInputException("周期不能超过一年 a period is at most one year", "to");
        }
        if (schemeCode == null || schemeCode.isBlank()) {
            throw new InvalidInputException("考核方案必填 scheme required", "scheme");
        }
        var scheme = schemes.latest(schemeCode.trim())
                .orElseThrow(() -> new InvalidInputException("考核方案不存在 unknown scheme " + schemeCode, "scheme"));
        long overlaps = jdbc.sql("""
                SELECT COUNT(*) FROM asm_period WHERE scheme_code = :code AND from_date <= :to AND to_date >= :from""")
                .param("code", scheme.code())
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        if (overlaps > 0) {
            throw new ConflictException(
                    "该方案已有与之重叠的考核周期 the scheme already has a period overlapping " + from + " ~ " + to, "from");
        }
        String kind = kindOf(from, to);
        jdbc.sql("""
                INSERT INTO asm_period (scheme_id, scheme_code, from_date, to_date, kind, status, created_at, created_by)
                VALUES (:scheme, :code, :from, :to, :kind, 'OPEN', :at, :by)""")
                .param("scheme", scheme.id())
                .param("code", scheme.code())
                .param("from", from)
                .param("to", to)
                .param("kind", kind)
                .param("at", DbTime.toDb(clock.instant()))
                .param("by", who.username())
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM asm_period WHERE scheme_code = :code AND from_date = :from")
                .param("code", scheme.code())
                .param("from", from)
                .query(Long.class)
                .single();
        audit.record(
                "ASSESSMENT_PERIOD",
                String.valueOf(id),
                "OPEN",
                null,
                scheme.code() + "@" + scheme.version() + " " + from + "~" + to + " " + kind);
        return get(id);
    }

    /** DAY, WEEK (Mon–Sun), MONTH, QUARTER, YEAR when the dates are exactly one of those, else CUSTOM. */
    static String kindOf(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return "DAY";
        }
        if (from.getDayOfWeek() == DayOfWeek.MONDAY && to.equals(from.plusDays(6))) {
            return "WEEK";
        }
        if (from.getDayOfMonth() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfMonth()))) {
            return "MONTH";
        }
        if (from.getDayOfMonth() == 1
                && (from.getMonthValue() - 1) % 3 == 0
                && to.equals(from.plusMonths(3).minusDays(1))) {
            return "QUARTER";
        }
        if (from.getDayOfYear() == 1 && to.equals(from.plusYears(1).minusDays(1))) {
            return "YEAR";
        }
        return "CUSTOM";
    }

    public Period get(long id) {
        return jdbc.sql("SELECT * FROM asm_period WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("考核周期不存在 period not found"));
    }

    public List<Period> list() {
        return jdbc.sql("SELECT * FROM asm_period ORDER BY from_date DESC, id DESC")
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Computes a new version. Refused on a locked or published period (use {@link #revise}). */
    @Transactional
    public Computation.Outcome compute(StaffMember who, long id, String reason) {
        Period p = lockRow(id);
        if (p.status() == Status.LOCKED || p.status() == Status.PUBLISHED) {
            throw new ConflictException(
                    "考核周期已锁定，不能重新计算（如需更正请提交修订并说明原因） period is locked; " + "a correction needs a revision with a reason",
                    "status");
        }
        return computeVersion(
                who,
                p,
                reason == null || reason.isBlank() ? (p.currentVersion() == 0 ? "首次计算" : "重新计算") : reason.trim());
    }

    /** 更正: a locked or published period gets a new version; the locked version's rows stay as they were. */
    @Transactional
    public Computation.Outcome revise(StaffMember who, long id, String reason) {
        Period p = lockRow(id);
        if (p.status() != Status.LOCKED && p.status() != Status.PUBLISHED) {
            throw new ConflictException("只有已锁定的周期需要修订 only a locked period is revised; compute it instead", "status");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("修订必须说明原因 a revision needs a reason", "reason");
        }
        return computeVersion(who, p, "修订: " + reason.trim());
    }

    private Computation.Outcome computeVersion(StaffMember who, Period p, String reason) {
        int version = p.currentVersion() + 1;
        Computation.Outcome out = computation.run(who, p, version, reason);
        jdbc.sql(
                        "UPDATE asm_period SET status = 'COMPUTED', current_version = :v, version = version + 1 WHERE id = :id")
                .param("v", version)
                .param("id", p.id())
                .update();
        audit.record(
                "ASSESSMENT_PERIOD",
                String.valueOf(p.id()),
                "COMPUTE",
                p.status() + " v" + p.currentVersion(),
                "COMPUTED v" + version + " (" + reason + ") subjects=" + out.subjects() + " asOf=" + out.asOfStepId());
        return out;
    }

    @Transactional
    public Period lock(long id) {
        Period p = lockRow(id);
        if (p.status() != Status.COMPUTED) {
            throw new ConflictException(
                    "只有已计算且未锁定的周期可以锁定 only a computed, unlocked period can be locked (status " + p.status() + ")",
                    "status");
        }
        jdbc.sql("UPDATE asm_result_version SET locked = TRUE WHERE period_id = :id AND version = :v")
                .param("id", id)
                .param("v", p.currentVersion())
                .update();
        jdbc.sql("UPDATE asm_period SET status = 'LOCKED', version = version + 1 WHERE id = :id")
                .param("id", id)
                .update();
        audit.record(
                "ASSESSMENT_PERIOD",
                String.valueOf(id),
                "LOCK",
                "COMPUTED v" + p.currentVersion(),
                "LOCKED v" + p.currentVersion());
        return get(id);
    }

    @Transactional
    public Period publish(long id) {
        Period p = lockRow(id);
        if (p.status() != Status.LOCKED) {
            throw new ConflictException(
                    "只有已锁定的周期可以公布 only a locked period can be published (status " + p.status() + ")", "status");
        }
        jdbc.sql("UPDATE asm_result_version SET published = TRUE WHERE period_id = :id AND version = :v")
                .param("id", id)
                .param("v", p.currentVersion())
                .update();
        jdbc.sql(
                        "UPDATE asm_period SET status = 'PUBLISHED', published_version = :v, version = version + 1 WHERE id = :id")
                .param("v", p.currentVersion())
                .param("id", id)
                .update();
        audit.record(
                "ASSESSMENT_PERIOD",
                String.valueOf(id),
                "PUBLISH",
                "LOCKED v" + p.currentVersion(),
                "PUBLISHED v" + p.currentVersion());
        events.publishEvent(new AssessmentPublished(id, p.from(), p.to(), p.currentVersion()));
        return get(id);
    }

    private Period lockRow(long id) {
        get(id);
        return jdbc.sql("SELECT * FROM asm_period WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .single();
    }

    static Period map(ResultSet rs) throws SQLException {
        Integer pub = (Integer) rs.getObject("published_version", Integer.class);
        return new Period(
                rs.getLong("id"),
                rs.getLong("scheme_id"),
                rs.getString("scheme_code"),
                rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class),
                rs.getString("kind"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("current_version"),
                pub,
                FactQueries.time(rs, "created_at"),
                rs.getString("created_by"));
    }
}
