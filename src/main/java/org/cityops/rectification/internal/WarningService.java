package org.cityops.rectification.internal;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.rectification.MeasureOverdue;
import org.cityops.rectification.MeasureStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 预警: every day flags measures due within 7 days (DUE_SOON) and overdue ones (OVERDUE, escalated to the
 * responsible leader: the measure's leader account, else every leader), as {@link WarningRule} says. One row per measure, kind and day, so
 * running again the same day — after a restart, or on a second node — changes nothing; on start-up the day's run
 * is caught up.
 */
@Service
public class WarningService {

    private static final Logger log = LoggerFactory.getLogger(WarningService.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    WarningService(
            JdbcClient jdbc, Clock clock, AuditTrail audit, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
    }

    public record Warning(
            long measureId,
            long inspectionId,
            long problemId,
            int problemNumber,
            String measureTitle,
            String kind,
            LocalDate deadline,
            String leadDepartment,
            String responsibleLeader,
            String escalatedTo,
            LocalDate flaggedOn) {}

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        daily();
    }

    @Scheduled(cron = "${cityops.rectification.warning-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "rectification.warnings", lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    void daily() {
        try {
            flag(LocalDate.now(clock.withZone(CityClock.ZONE)));
        } catch (RuntimeException e) {
            log.warn("rectification warnings could not be flagged: {}", e.getMessage());
        }
    }

    /**
     * Flags the day's warnings ({@link WarningRule}); returns how many new rows (0 when the day was already
     * flagged).
     */
    public int flag(LocalDate day) {
        for (int attempt = 0; ; attempt++) {
            try {
                Integer n = tx.execute(s -> {
                    List<WarningRule.Flag> flags = WarningRule.flags(openMeasures(), day, flaggedOn(day));
                    for (WarningRule.Flag f : flags) {
                        jdbc.sql("""
                                INSERT INTO rect_warning (measure_id, kind, flagged_on, escalated_to, created_at)
                                VALUES (:measure, :kind, :day, :to, :now)""")
                                .param("measure", f.measureId())
                                .param("kind", f.kind().name())
                                .param("day", day)
                                .param("to", f.escalatedTo())
                                .param("now", DbTime.toDb(clock.instant()))
                                .update();
                    }
                    for (WarningRule.Flag f : flags) {
                        if (f.kind() == WarningRule.Kind.OVERDUE) {
                            overdueEvent(f.measureId(), day).ifPresent(events::publishEvent);
                        }
                    }
                    long overdue = flags.stream()
                            .filter(f -> f.kind() == WarningRule.Kind.OVERDUE)
                            .count();
                    long soon = flags.size() - overdue;
                    if (!flags.isEmpty()) {
                        audit.record(
                                "RECT_WARNING",
                                day.toString(),
                                "FLAG",
                                null,
                                overdue + " overdue, " + soon + " due within " + WarningRule.DUE_SOON_DAYS + " days");
                    }
                    return flags.size();
                });
                return n == null ? 0 : n;
            } catch (DuplicateKeyException e) {
                if (attempt > 2) {
                    throw e;
                }
            }
        }
    }

    /** The {@link MeasureOverdue} of a measure just flagged 逾期. */
    private Optional<MeasureOverdue> overdueEvent(long measureId, LocalDate day) {
        return jdbc.sql("""
                SELECT id, title, text, lead_department, lead_department_id, leader_username, responsible_leader,
                  deadline FROM rect_measure WHERE id = :id""")
                .param("id", measureId)
                .query((rs, n) -> {
                    String title = rs.getString("title");
                    if (title == null || title.isBlank()) {
                        String text = rs.getString("text");
                        title = text.length() > 40 ? text.substring(0, 40) + "…" : text;
                    }
                    return new MeasureOverdue(
                            rs.getLong("id"),
                            title,
                            rs.getString("lead_department"),
                            (Long) rs.getObject("lead_department_id", Long.class),
                            rs.getString("leader_username"),
                            rs.getString("responsible_leader"),
                            rs.getObject("deadline", LocalDate.class),
                            day);
                })
                .optional();
    }

    /** Measures not completed that have a deadline (the others never get a warning). */
    private List<WarningRule.OpenMeasure> openMeasures() {
        return jdbc.sql("""
                SELECT id, status, deadline, leader_username FROM rect_measure
                WHERE status <> 'COMPLETED' AND deadline IS NOT NULL ORDER BY id""")
                .query((rs, n) -> new WarningRule.OpenMeasure(
                        rs.getLong(1),
                        MeasureStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .list();
    }

    /** The warnings already recorded for the day, as {@link WarningRule#key} keys. */
    private Set<String> flaggedOn(LocalDate day) {
        Set<String> out = new HashSet<>();
        jdbc.sql("SELECT measure_id, kind FROM rect_warning WHERE flagged_on = :day")
                .param("day", day)
                .query((ResultSet rs) -> {
                    out.add(WarningRule.key(rs.getLong(1), WarningRule.Kind.valueOf(rs.getString(2))));
                });
        return out;
    }

    /**
     * The signed-in user's queue for the latest flagged day: a department sees its own measures' warnings, the
     * office and leaders see all; a leader's escalations are marked by {@code escalatedTo}.
     */
    public List<Warning> queue(StaffMember me, Long inspectionId) {
        Long scope = LedgerAccess.scope(me);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT w.measure_id, m.inspection_id, m.problem_id, pr.number, m.title, w.kind, m.deadline,
                  m.lead_department, m.responsible_leader, w.escalated_to, w.flagged_on
                FROM rect_warning w JOIN rect_measure m ON m.id = w.measure_id
                JOIN rect_problem pr ON pr.id = m.problem_id
                WHERE m.status <> 'COMPLETED'
                  AND w.flagged_on = (SELECT MAX(flagged_on) FROM rect_warning)""");
        if (inspectionId != null) {
            sql.append(" AND m.inspection_id = :insp");
            p.put("insp", inspectionId);
        }
        if (scope != null) {
            sql.append(" AND (m.lead_department_id = :scope OR EXISTS (SELECT 1 FROM rect_measure_coop c"
                    + " WHERE c.measure_id = m.id AND c.department_id = :scope))");
            p.put("scope", scope);
        }
        sql.append(" ORDER BY w.kind DESC, m.deadline, pr.number, m.seq");
        return jdbc.sql(sql.toString())
                .params(p)
                .query((rs, n) -> new Warning(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getObject(11, LocalDate.class)))
                .list();
    }

    /** Escalations addressed to this leader (or to every leader). */
    public static boolean escalatedTo(Warning w, String username) {
        return w.escalatedTo() != null
                && (w.escalatedTo().equals(username) || w.escalatedTo().equals(WarningRule.EVERY_LEADER));
    }
}
