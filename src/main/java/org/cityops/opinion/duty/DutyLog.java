package org.cityops.opinion.duty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.opinion.item.OpinionAccess;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 值班日志: what the duty officers wrote on a day (entries) and the handover note (交接班记录). Written by duty
 * officers for today or a past day (never a future day), append-only and audited; the items received and handled
 * that day are counted from the items, not written.
 */
@Service
public class DutyLog {

    static final int MAX_TEXT = 1000;

    /** What kind of line. */
    public enum Kind {
        ENTRY("值班记录"),
        HANDOVER("交接班");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line of the log. */
    public record Entry(
            long id, LocalDate date, Kind kind, String text, String writtenBy, String writerName, Instant writtenAt) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final OrgDirectory org;
    private final Clock clock;

    DutyLog(JdbcClient jdbc, AuditTrail audit, OrgDirectory org, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.org = org;
        this.clock = clock;
    }

    /** Adds a line; 403 for anybody but a duty officer, 400 naming {@code text} or {@code date}. */
    @Transactional
    public Entry write(LocalDate date, Kind kind, String text, StaffMember me) {
        if (!OpinionAccess.officer(me) && !me.isSystem()) {
            throw new AccessDeniedToEntityException("只有舆情值班员可以写值班日志 only the duty officers write the duty log");
        }
        if (date == null) {
            throw new InvalidInputException("日期必填 date required", "date");
        }
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        if (date.isAfter(today)) {
            throw new InvalidInputException("不能为将来的日期写日志 no log for a day still to come", "date");
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("内容必填 text required", "text");
        }
        if (t.length() > MAX_TEXT) {
            throw new InvalidInputException("内容不超过" + MAX_TEXT + "字 at most " + MAX_TEXT + " characters", "text");
        }
        Kind k = kind == null ? Kind.ENTRY : kind;
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO op_duty_log (duty_date, kind, text, written_by, written_at) VALUES (:d, :k, :t, :u, :at)")
                .param("d", date)
                .param("k", k.name())
                .param("t", t)
                .param("u", me.username())
                .param("at", DbTime.toDb(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("OP_DUTY_LOG", String.valueOf(id), "CREATE", null, date + " " + k + ": " + t);
        return new Entry(id, date, k, t, me.username(), me.displayName(), now);
    }

    /** The lines of a day, oldest first. */
    public List<Entry> of(LocalDate date) {
        return jdbc.sql(
                        "SELECT id, duty_date, kind, text, written_by, written_at FROM op_duty_log WHERE duty_date = :d "
                                + "ORDER BY written_at, id")
                .param("d", date)
                .query((rs, n) -> {
                    String by = rs.getString(5);
                    return new Entry(
                            rs.getLong(1),
                            rs.getObject(2, LocalDate.class),
                            Kind.valueOf(rs.getString(3)),
                            rs.getString(4),
                            by,
                            org.staff(by).map(StaffMember::displayName).orElse(by),
                            DbTime.fromDb(rs.getObject(6, java.time.OffsetDateTime.class)));
                })
                .list();
    }
}
