package org.cityops.wastestream.balance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseOpened;
import org.cityops.cases.CaseRequested;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.wastestream.ledger.Producer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 漏收 → the collector and, if configured, a case. A scheduled check records every producer missed today
 * ({@code wst_missed}, once per producer and episode: the first day without a pickup) in the audit trail and, when
 * {@code cityops.wastestream.missed-cases.enabled}, asks for a case ({@link CaseRequested}, category
 * {@code cityops.wastestream.missed-cases.category}, default 06011 积存垃圾渣土) with the source reference
 * {@code missed:<id>}; the {@link CaseOpened} answer is stored on the row.
 */
@Component
public class MissedCases {

    static final String SOURCE = "wastestream";
    static final String REF = "missed:";

    private final JdbcClient jdbc;
    private final Balances balances;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean cases;
    private final String category;

    MissedCases(
            JdbcClient jdbc,
            Balances balances,
            ApplicationEventPublisher events,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock,
            @Value("${cityops.wastestream.missed-cases.enabled:false}") boolean cases,
            @Value("${cityops.wastestream.missed-cases.category:06011}") String category) {
        this.jdbc = jdbc;
        this.balances = balances;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.cases = cases;
        this.category = category;
    }

    @Scheduled(
            fixedDelayString = "${cityops.wastestream.missed-check:PT15M}",
            initialDelayString = "${cityops.wastestream.missed-check-first:PT2M}")
    @SchedulerLock(name = "wastestream.missed-cases", lockAtLeastFor = "PT1M", lockAtMostFor = "PT1H")
    void check() {
        record(LocalDate.now(clock.withZone(CityClock.ZONE)));
    }

    /** Records the producers missed on {@code day} (each episode once); returns how many were new. */
    public int record(LocalDate day) {
        int found = 0;
        for (MissedCollectionRule.Missed m : balances.missed(day, StaffMember.SYSTEM)) {
            Producer p = m.producer();
            LocalDate since = m.lastPickup() != null ? m.lastPickup().plusDays(1) : p.contractFrom();
            Boolean inserted = tx.execute(s -> {
                long known = jdbc.sql("SELECT COUNT(*) FROM wst_missed WHERE producer_id = :p AND since_day = :s")
                        .param("p", p.id())
                        .param("s", since)
                        .query(Long.class)
                        .single();
                if (known > 0) {
                    return false;
                }
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO wst_missed (producer_id, since_day, found_day, days_without, found_at)
                        VALUES (:p, :s, :d, :n, :now)""")
                        .param("p", p.id())
                        .param("s", since)
                        .param("d", day)
                        .param("n", (int) m.daysWithout())
                        .param("now", DbTime.toDb(clock.instant()))
                        .update(keys, "id");
                long id = keys.getKeyAs(Number.class).longValue();
                audit.record(
                        "WST_MISSED",
                        String.valueOf(id),
                        "FOUND",
                        null,
                        p.name() + " " + m.daysWithout() + " 天未收运 since " + since + " collector " + p.collector());
                if (cases) {
                    request(id, m, day);
                }
                return true;
            });
            if (Boolean.TRUE.equals(inserted)) {
                found++;
            }
        }
        return found;
    }

    private void request(long id, MissedCollectionRule.Missed m, LocalDate day) {
        Producer p = m.producer();
        String text = String.format(
                Locale.ROOT,
                "【餐厨漏收】%s 产生单位 %s（%s）已连续 %d 天无收运记录（最近收运：%s），收运单位：%s",
                day,
                p.name(),
                p.categoryLabel(),
                m.daysWithout(),
                m.lastPickup() == null ? "无" : m.lastPickup().toString(),
                p.collector() == null ? "未填" : p.collector());
        events.publishEvent(new CaseRequested(
                SOURCE,
                REF + id,
                category,
                text,
                p.lat(),
                p.lon(),
                p.address() != null ? p.address() : String.format(Locale.ROOT, "%.6f,%.6f", p.lat(), p.lon()),
                "wst_missed " + id));
        audit.record("WST_MISSED", String.valueOf(id), "CASE_REQUESTED", null, category);
    }

    /** The cases module opened (or could not open) the case: link it to the 漏收 row. */
    @ApplicationModuleListener
    void on(CaseOpened opened) {
        java.util.OptionalLong ref = opened.refId(SOURCE, REF);
        if (ref.isEmpty()) {
            return;
        }
        long id = ref.getAsLong();
        String failure = opened.failure(300);
        jdbc.sql("UPDATE wst_missed SET case_id = :c, case_number = :n, case_failure = :f WHERE id = :id")
                .param("id", id)
                .param("c", opened.caseId())
                .param("n", opened.caseNumber())
                .param("f", failure)
                .update();
    }

    /** The 漏收 rows of a producer, newest first (the case it was sent as, if any). */
    public List<MissedRecord> of(long producerId) {
        return jdbc.sql("SELECT * FROM wst_missed WHERE producer_id = :p ORDER BY since_day DESC")
                .param("p", producerId)
                .query((rs, n) -> new MissedRecord(
                        rs.getLong("id"),
                        rs.getDate("since_day").toLocalDate(),
                        rs.getDate("found_day").toLocalDate(),
                        rs.getInt("days_without"),
                        (Long) rs.getObject("case_id", Long.class),
                        rs.getString("case_number"),
                        rs.getString("case_failure")))
                .list();
    }

    /** A recorded 漏收 episode. */
    public record MissedRecord(
            long id,
            LocalDate sinceDay,
            LocalDate foundDay,
            int daysWithout,
            Long caseId,
            String caseNumber,
            String caseFailure) {}
}
