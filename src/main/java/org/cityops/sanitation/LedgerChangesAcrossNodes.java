package org.cityops.sanitation;

import java.util.Set;
import java.util.TreeSet;
import org.cityops.platform.ClusterChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Several app nodes ({@code cityops.cluster.store=jdbc}): a {@link LedgerChanged} committed on this node is announced
 * ({@link ClusterChanges}, topic {@value #TOPIC}), and the announcements of the other nodes are published here as
 * one {@link LedgerChanged} ({@code fromAnotherNode}) within one {@code cityops.cluster.sync-interval}: the coverage
 * engine, the visit detector and the attendance observer run on whichever node holds a vehicle's partition, so each
 * node must reload after a change made through any node. One node: nothing is announced, nothing comes back.
 */
@Component
class LedgerChangesAcrossNodes {

    static final String TOPIC = "sanitation-ledger";

    private final ClusterChanges cluster;

    LedgerChangesAcrossNodes(ClusterChanges cluster, ApplicationEventPublisher events) {
        this.cluster = cluster;
        cluster.onOtherNodes(TOPIC, whats -> events.publishEvent(new LedgerChanged(joined(whats), true)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(LedgerChanged changed) {
        if (!changed.fromAnotherNode()) {
            cluster.announce(TOPIC, changed.what() == null ? "ledger" : changed.what());
        }
    }

    private static String joined(Set<String> whats) {
        return String.join(",", new TreeSet<>(whats));
    }
}
