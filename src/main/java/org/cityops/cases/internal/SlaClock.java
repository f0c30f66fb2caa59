package org.cityops.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.catalog.ProcessStage;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.platform.DbTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA clock: every few seconds, marks open cases whose step passed 80% of its limit (预警) or its due time
 * (超期), writes an alert for the department's queue and the dispatchers, and writes
 * {@link CaseDeadlineAlert} to the case event log (and publishes it in-process). All state is in the database (warn_at, due_at, warned, overdue), so a restart
 * loses nothing: the next run catches up. Suspended cases (挂账) are skipped; their due time is moved on
 * resume. Each case is marked with a conditional UPDATE, so several nodes may run this at once.
 */
@Component
public class SlaClock {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OrgDirectory org;
    private final CaseEventWriter eventLog;
    private final TransactionTemplate tx;

    SlaClock(
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher events,
            CaseEventWriter eventLog,
            OrgDirectory org,
            PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.eventLog = eventLog;
        this.org = org;
        this.tx = new TransactionTemplate(tm);
    }

    record Due(
            long id,
            String number,
            String stage,
            Long departmentId,
            Instant dueAt,
            String channel,
            String category,
            String grid,
            String community,
            String street,
            String district) {}

    @Scheduled(fixedDelayString = "${cityops.cases.sla-interval:PT10S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "cases.sla-clock", lockAtLeastFor = "PT5S", lockAtMostFor = "PT1M")
    public void scheduledTick() {
        tick();
    }

    /** One pass; returns how many cases were marked (warnings + overdue). */
    public int tick() {
        int marked = 0;
        int n;
        do {
            n = pass("warn_at", "warned", "WARNING", false);
            marked += n;
        } while (n == BATCH);
        do {
            n = pass("due_at", "overdue", "OVERDUE", true);
            marked += n;
        } while (n == BATCH);
        return marked;
    }

    private int pass(String timeColumn, String flag, String kind, boolean overdue) {
        Integer done = tx.execute(s -> {
            Instant now = clock.instant();
            List<Due> due = jdbc.sql(
                            "SELECT id, case_number, stage, department_id, due_at, channel, category_code, grid_code,"
                                    + " community_code, street_code, district_code FROM city_case"
                                    + " WHERE is_open = TRUE AND " + flag + " = FALSE AND " + timeColumn + " <= :now"
                                    + " AND status <> 'SUSPENDED' ORDER BY " + timeColumn + " LIMIT " + BATCH)
                    .param("now", DbTime.toDb(now))
                    .query((rs, i) -> {
                        long d = rs.getLong("department_id");
                        Long dept = rs.wasNull() ? null : d;
                        return new Due(
                                rs.getLong("id"),
                                rs.getString("case_number"),
                                rs.getString("stage"),
                                dept,
                                CaseRepository.time(rs, "due_at"),
                                rs.getString("channel"),
                                rs.getString("category_code"),
                                rs.getString("grid_code"),
                                rs.getString("community_code"),
                                rs.getString("street_code"),
                                rs.getString("district_code"));
                    })
                    .list();
            int count = 0;
            for (Due d : due) {
                int updated = jdbc.sql("UPDATE city_case SET " + flag + " = TRUE" + (overdue ? ", warned = TRUE" : "")
                                + " WHERE id = :id AND " + flag + " = FALSE AND status <> 'SUSPENDED'")
                        .param("id", d.id())
                        .update();
                if (updated == 1) {
                    count++;
                    jdbc.sql("""
                            INSERT INTO case_alert (case_id, kind, stage, department_id, due_at, raised_at)
                            VALUES (:c, :k, :s, :d, :due, :at)""")
                            .param("c", d.id())
                            .param("k", kind)
                            .param("s", d.stage())
                            .param("d", d.departmentId())
                            .param("due", DbTime.toDb(d.dueAt()))
                            .param("at", DbTime.toDb(now))
                            .update();
                    String code = d.departmentId() == null
                            ? null
                            : org.department(d.departmentId())
                                    .map(DepartmentView::code)
                                    .orElse(null);
                    CaseDeadlineAlert alert = new CaseDeadlineAlert(
                            d.id(),
                            d.number(),
                            d.stage() == null ? null : ProcessStage.valueOf(d.stage()),
                            code,
                            d.dueAt(),
                            overdue,
                            now,
                            CaseChannel.valueOf(d.channel()),
                            d.category(),
                            d.grid(),
                            d.community(),
                            d.street(),
                            d.district());
                    eventLog.append(alert);
                    events.publishEvent(alert);
                }
            }
            return due.size();
        });
        return done == null ? 0 : done;
    }
}
