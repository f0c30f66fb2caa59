package org.cityops.sanitation.live;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseOpened;
import org.cityops.cases.CaseRequested;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.sanitation.coverage.PlanRule;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.WorkPlan;
import org.cityops.sanitation.ledger.Segment;
import org.cityops.sanitation.ledger.Segments;
import org.cityops.sanitation.report.CoverageReport;
import org.cityops.sanitation.report.SegmentDay;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 漏扫: once a plan's last window of the day has ended, every segment of it with fewer full passes than planned is
 * recorded ({@code san_missed}, once per plan, segment and day) and, when {@code cityops.sanitation.cases.enabled},
 * sent as a case ({@link CaseRequested}, category {@code cityops.sanitation.cases.category}, default 06012 道路不洁)
 * naming the contract section's company; {@link CaseOpened} links the case back.
 */
@Component
class MissedSegments {

    static final String SOURCE = "sanitation";
    private final JdbcClient jdbc;
    private final Fleet fleet;
    private final Segments segments;
    private final CoverageReport report;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean cases;
    private final String category;

    MissedSegments(
            JdbcClient jdbc,
            Fleet fleet,
            Segments segments,
            CoverageReport report,
            ApplicationEventPublisher events,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock,
            @Value("${cityops.sanitation.cases.enabled:false}") boolean cases,
            @Value("${cityops.sanitation.cases.category:06012}") String category) {
        this.jdbc = jdbc;
        this.fleet = fleet;
        this.segments = segments;
        this.report = report;
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
    @SchedulerLock(name = "sanitation.missed-segments", lockAtLeastFor = "PT30S", lockAtMostFor = "PT30M")
    void check() {
        ZonedDateTime now = clock.instant().atZone(CityClock.ZONE);
        for (LocalDate day : List.of(now.toLocalDate().minusDays(1), now.toLocalDate())) {
            for (WorkPlan plan : fleet.plans()) {
                if (!plan.active()) {
                    continue;
                }
                LocalTime lastEnd = Fleet.parseWindows(plan.windows()).stream()
                        .map(PlanRule.Window::to)
                        .max(LocalTime::compareTo)
                        .orElseThrow();
                if (day.atTime(lastEnd).atZone(CityClock.ZONE).isAfter(now)) {
                    continue;
                }
                checkPlanDay(plan, day);
            }
        }
    }

    /** Records (and may send as cases) the plan's missed segments of the day; once per plan and day. */
    void checkPlanDay(WorkPlan plan, LocalDate day) {
        tx.executeWithoutResult(s -> {
            int claimed = jdbc.sql("INSERT INTO san_plan_check (plan_id, work_day) SELECT :p, :d WHERE NOT EXISTS "
                            + "(SELECT 1 FROM san_plan_check WHERE plan_id = :p AND work_day = :d)")
                    .param("p", plan.id())
                    .param("d", day)
                    .update();
            if (claimed == 0) {
                return;
            }
            java.util.Set<Long> ids = new java.util.HashSet<>(plan.segmentIds());
            for (SegmentDay sd : report.day(day, StaffMember.SYSTEM)) {
                if (!ids.contains(sd.segmentId()) || sd.fullPasses() >= plan.passesPerDay()) {
                    continue;
                }
                var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO san_missed (plan_id, segment_id, work_day, passes_done, passes_planned, coverage,
                          found_at) VALUES (:p, :s, :d, :done, :planned, :cov, :now)""")
                        .param("p", plan.id())
                        .param("s", sd.segmentId())
                        .param("d", day)
                        .param("done", sd.fullPasses())
                        .param("planned", plan.passesPerDay())
                        .param("cov", java.math.BigDecimal.valueOf(Math.round(sd.coverage() * 10_000) / 10_000.0))
                        .param("now", DbTime.toDb(clock.instant()))
                        .update(keys, "id");
                long id = keys.getKeyAs(Number.class).longValue();
                audit.record("SAN_MISSED", String.valueOf(id), "FOUND", null, sd.code() + " " + day);
                if (cases) {
                    request(id, sd, day);
                }
            }
        });
    }

    private void request(long missedId, SegmentDay sd, LocalDate day) {
        Segment seg = segments.get(sd.segmentId(), StaffMember.SYSTEM);
        Coordinate mid;
        try {
            mid = new WKTReader().read(seg.wkt()).getInteriorPoint().getCoordinate();
        } catch (org.locationtech.jts.io.ParseException e) {
            return;
        }
        String text = String.format(
                Locale.ROOT,
                "【环卫漏扫】%s 路段 %s（%s）计划 %d 遍，完成 %d 遍，覆盖 %.1f%%；标段 %s，作业单位 %s",
                day,
                seg.name(),
                seg.code(),
                sd.plannedPasses(),
                sd.fullPasses(),
                sd.coverage() * 100,
                seg.section() == null ? "—" : seg.section(),
                seg.company() == null ? "—" : seg.company());
        events.publishEvent(new CaseRequested(
                SOURCE,
                String.valueOf(missedId),
                category,
                text,
                mid.y,
                mid.x,
                String.format(Locale.ROOT, "%.6f,%.6f", mid.y, mid.x),
                "san_missed " + missedId));
        audit.record("SAN_MISSED", String.valueOf(missedId), "CASE_REQUESTED", null, category);
    }

    /** The cases module opened (or could not open) the case: link it to the missed segment. */
    @ApplicationModuleListener
    void on(CaseOpened opened) {
        java.util.OptionalLong ref = opened.refId(SOURCE, "");
        if (ref.isEmpty()) {
            return;
        }
        long id = ref.getAsLong();
        String failure = opened.failure(300);
        jdbc.sql("UPDATE san_missed SET case_id = :c, case_number = :n, case_failure = :f WHERE id = :id")
                .params(Map.of("id", id))
                .param("c", opened.caseId())
                .param("n", opened.caseNumber())
                .param("f", failure)
                .update();
    }
}
