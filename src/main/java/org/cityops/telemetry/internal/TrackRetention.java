package org.cityops.telemetry.internal;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention (保留期限): every night, positions older than {@code cityops.telemetry.retention-days} (180) go:
 * whole day partitions are dropped on PostgreSQL, rows deleted elsewhere. The latest position is kept.
 */
@Component
class TrackRetention {

    private static final Logger log = LoggerFactory.getLogger(TrackRetention.class);

    private final JdbcTrackStore store;
    private final Clock clock;
    private final int days;

    TrackRetention(JdbcTrackStore store, Clock clock, @Value("${cityops.telemetry.retention-days:180}") int days) {
        this.store = store;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(cron = "${cityops.telemetry.retention-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "telemetry.track-retention", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
    long purge() {
        long removed = store.purgeBefore(clock.instant().minus(Duration.ofDays(days)));
        if (removed > 0) {
            log.info(
                    "track retention: removed {} {} older than {} days",
                    removed,
                    store.postgres() ? "day partitions" : "positions",
                    days);
        }
        return removed;
    }
}
