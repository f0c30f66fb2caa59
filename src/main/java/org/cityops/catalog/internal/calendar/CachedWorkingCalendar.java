package org.cityops.catalog.internal.calendar;

import java.time.Duration;
import java.time.Instant;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.WorkingCalendar;
import org.cityops.platform.ClusterChanges;
import org.springframework.stereotype.Service;

/**
 * The working calendar other modules use. Keeps the rules in memory; an edit through {@link CalendarAdmin}
 * reloads them once its transaction ends, and they are reloaded at the latest every few minutes. Several app nodes:
 * an edit is also announced ({@link ClusterChanges}, topic {@value #TOPIC}), so the other nodes reload within one
 * {@code cityops.cluster.sync-interval} (a deadline computed meanwhile on another node would miss a new holiday).
 */
@Service
public class CachedWorkingCalendar implements WorkingCalendar {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    static final String TOPIC = "working-calendar";

    private final CalendarStore store;
    private final ClusterChanges cluster;
    private volatile CalendarRules rules;
    private volatile long loadedAtNanos;
    /** Bumped by every invalidation, so that a load racing with an edit does not cache the old state. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    CachedWorkingCalendar(CalendarStore store, ClusterChanges cluster) {
        this.store = store;
        this.cluster = cluster;
        cluster.onOtherNodes(TOPIC, changed -> forget());
    }

    public CalendarRules rules() {
        CalendarRules r = rules;
        if (r == null || System.nanoTime() - loadedAtNanos > MAX_AGE.toNanos()) {
            synchronized (this) {
                r = rules;
                if (r == null || System.nanoTime() - loadedAtNanos > MAX_AGE.toNanos()) {
                    long gen = generation.get();
                    r = store.load();
                    if (gen == generation.get()) {
                        rules = r;
                        loadedAtNanos = System.nanoTime();
                    }
                }
            }
        }
        return r;
    }

    /** Forgets the cached rules, here and (announced) on the other nodes; the next call reloads them. */
    public void invalidate() {
        forget();
        cluster.announce(TOPIC, "calendar");
    }

    private void forget() {
        generation.incrementAndGet();
        rules = null;
    }

    @Override
    public Instant deadline(Instant start, TimeLimit limit) {
        return rules().deadline(start, limit);
    }

    @Override
    public Duration elapsed(Instant from, Instant to, TimeBasis basis) {
        return rules().elapsed(from, to, basis);
    }
}
