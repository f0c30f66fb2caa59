package org.cityops.org.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityops.org.internal.admin.StaffAccountChanged;
import org.cityops.platform.ClusterStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When each account was last changed by the administration, as this node knows it: sessions and tokens loaded
 * before that are checked again ({@link SessionRefreshFilter}, {@link TokenService}). On one node a change is
 * known at once. With {@code cityops.cluster.store=jdbc} a change is also announced through the {@link
 * ClusterStore}, and each node reads the announcements at most every {@code cityops.cluster.sync-interval} (one
 * small query, on the next request that asks): an account disabled or a password changed through node A is
 * refused by node B within that interval. An announcement counts as a change at the moment this node reads it
 * (its own clock), so the nodes' clocks need not agree to the millisecond; the announcements of the last
 * {@value #OVERLAP_MINUTES} minutes are read each time, so a slow commit or a clock a little behind is not missed.
 */
@Component
class AccountChanges {

    static final String TOPIC = "account-changed";
    static final long OVERLAP_MINUTES = 2;

    private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ClusterStore shared;
    private final Duration syncInterval;
    private final Map<Long, Instant> seen = new ConcurrentHashMap<>();
    private volatile Instant syncedAt = Instant.MIN;

    AccountChanges(
            Clock clock,
            ObjectProvider<ClusterStore> clusterStore,
            @Value("${cityops.cluster.sync-interval:PT1S}") Duration syncInterval) {
        this.clock = clock;
        this.shared = clusterStore.getIfAvailable();
        this.syncInterval = syncInterval;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(StaffAccountChanged event) {
        Instant now = Instant.now(clock);
        changedAt.put(event.username(), now);
        if (shared != null) {
            shared.announce(TOPIC, event.username(), now);
        }
    }

    Instant changedAt(String username) {
        if (shared != null) {
            syncNowAndThen();
        }
        return changedAt.get(username);
    }

    Instant now() {
        return Instant.now(clock);
    }

    /** Reads the other nodes' announcements when the last read is older than the sync interval. */
    private void syncNowAndThen() {
        Instant now = Instant.now(clock);
        if (syncedAt.plus(syncInterval).isAfter(now)) {
            return;
        }
        synchronized (this) {
            if (syncedAt.plus(syncInterval).isAfter(now)) {
                return;
            }
            Instant since = now.minus(Duration.ofMinutes(OVERLAP_MINUTES));
            for (ClusterStore.Announcement a : shared.announcedSince(TOPIC, since.minus(syncInterval))) {
                if (seen.putIfAbsent(a.seq(), a.at()) == null) {
                    changedAt.merge(a.subject(), now, (old, fresh) -> old.isAfter(fresh) ? old : fresh);
                }
            }
            seen.values().removeIf(at -> at.isBefore(since.minus(Duration.ofMinutes(OVERLAP_MINUTES))));
            syncedAt = now;
        }
    }
}
