package org.cityops.sanitation.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseOpened;
import org.cityops.cases.CaseRequested;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 漏收: once a stop's window has ended without a visit of the route's vehicle, the stop is recorded
 * ({@code san_stop_missed}, once per route, stop and day: the alert list) and, when
 * {@code cityops.sanitation.collection.cases.enabled}, sent as a case ({@link CaseRequested}, category
 * {@code cityops.sanitation.collection.cases.category}, default 06011 积存垃圾渣土) with the source reference
 * {@code stop-missed:<id>}, so a replayed request opens no second case.
 */
@Component
class MissedStops {

    static final String SOURCE = "sanitation";
    static final String REF = "stop-missed:";
    private final JdbcClient jdbc;
    private final CollectionRoutes routes;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean cases;
    private final String category;

    MissedStops(
            JdbcClient jdbc,
            CollectionRoutes routes,
            ApplicationEventPublisher events,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock,
            @Value("${cityops.sanitation.collection.cases.enabled:false}") boolean cases,
            @Value("${cityops.sanitation.collection.cases.category:06011}") String category) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.cases = cases;
        this.category = category;
    }

    @Scheduled(
            fixedDelayString = "${cityops.sanitation.missed-check:PT1M}",
            initialDelayString = "${cityops.sanitation.missed-check-first:PT1M}")
    @SchedulerLock(name = "sanitation.missed-stops", lockAtLeastFor = "PT30S", lockAtMostFor = "PT30M")
    void check() {
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            for (Route r : routes.activeRoutes()) {
                checkRouteDay(r, day);
            }
        }
    }

    /** Records the route's missed stops of the day (each once) and may send them as cases. */
    void checkRouteDay(Route route, LocalDate day) {
        for (RouteDayRow row : routes.day(route, day)) {
            if (row.status() != StopStatus.MISSED) {
                continue;
            }
            tx.executeWithoutResult(s -> {
                long known = jdbc.sql("SELECT COUNT(*) FROM san_stop_missed WHERE route_id = :r AND seq = :seq "
                                + "AND work_day = :d")
                        .param("r", route.id())
                        .param("seq", row.seq())
                        .param("d", day)
                        .query(Long.class)
                        .single();
                if (known > 0) {
                    return;
                }
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO san_stop_missed (route_id, seq, point_id, work_day, found_at)
                        VALUES (:r, :seq, :p, :d, :now)""")
                        .param("r", route.id())
                        .param("seq", row.seq())
                        .param("p", row.pointId())
                        .param("d", day)
                        .param("now", DbTime.toDb(clock.instant()))
                        .update(keys, "id");
                long id = keys.getKeyAs(Number.class).longValue();
                audit.record(
                        "SAN_STOP_MISSED",
                        String.valueOf(id),
                        "FOUND",
                        null,
                        route.name() + " #" + row.seq() + " " + row.pointCode() + " " + day);
                if (cases) {
                    request(id, route, row, day);
                }
            });
        }
    }

    private void request(long id, Route route, RouteDayRow row, LocalDate day) {
        CollectionPoint p = routes.allPoints().stream()
                .filter(x -> x.id() == row.pointId())
                .findFirst()
                .orElse(null);
        if (p == null) {
            return;
        }
        String text = String.format(
                Locale.ROOT,
                "【垃圾漏收】%s 线路 %s 第 %d 站 %s（%s，%s）时间窗 %s 内收运车 %s 未到点",
                day,
                route.name(),
                row.seq(),
                p.name(),
                p.code(),
                p.kindLabel(),
                row.window(),
                route.plate() == null ? route.terminal() : route.plate());
        events.publishEvent(new CaseRequested(
                SOURCE,
                REF + id,
                category,
                text,
                p.lat(),
                p.lon(),
                String.format(Locale.ROOT, "%.6f,%.6f", p.lat(), p.lon()),
                "san_stop_missed " + id));
        audit.record("SAN_STOP_MISSED", String.valueOf(id), "CASE_REQUESTED", null, category);
    }

    /** The cases module opened (or could not open) the case: link it to the missed stop. */
    @ApplicationModuleListener
    void on(CaseOpened opened) {
        java.util.OptionalLong ref = opened.refId(SOURCE, REF);
        if (ref.isEmpty()) {
            return;
        }
        long id = ref.getAsLong();
        String failure = opened.failure(300);
        jdbc.sql("UPDATE san_stop_missed SET case_id = :c, case_number = :n, case_failure = :f WHERE id = :id")
                .param("id", id)
                .param("c", opened.caseId())
                .param("n", opened.caseNumber())
                .param("f", failure)
                .update();
    }
}
