package org.cityops.sanitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cityops.platform.ClusterStore;
import org.cityops.platform.internal.ClusterTestDatabase;
import org.cityops.platform.internal.PolledClusterChanges;
import org.junit.jupiter.api.Test;

/**
 * Several app nodes: a ledger, fleet or plan change committed on node A makes node B's coverage engine, visit
 * detector and attendance observer reload (a {@link LedgerChanged} from another node) within one poll, and such an
 * event is not announced back. One node alone announces nothing.
 */
class LedgerChangesAcrossNodesTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final DataSource db = ClusterTestDatabase.create("muckx-ledger-" + DATABASES.incrementAndGet());

    /** One app node: its announcements and the ledger events its runners receive. */
    private static final class Node {
        final PolledClusterChanges cluster;
        final LedgerChangesAcrossNodes sync;
        final List<LedgerChanged> received = new CopyOnWriteArrayList<>();

        Node(ClusterStore store) {
            cluster = ClusterTestDatabase.changes(store, Clock.systemUTC());
            sync = new LedgerChangesAcrossNodes(cluster, event -> {
                received.add((LedgerChanged) event);
                sync().on((LedgerChanged) event); // as Spring would call it too
            });
        }

        LedgerChangesAcrossNodes sync() {
            return sync;
        }
    }

    @Test
    void aLedgerChangeOnNodeAReachesNodeBAsOneEventFromAnotherNodeAndIsNotAnnouncedBack() {
        Node a = new Node(ClusterTestDatabase.store(db));
        Node b = new Node(ClusterTestDatabase.store(db));
        a.sync.on(new LedgerChanged("vehicle"));
        a.sync.on(new LedgerChanged("plan"));
        b.cluster.poll();
        assertThat(b.received).containsExactly(new LedgerChanged("plan,vehicle", true));
        assertThat(ClusterTestDatabase.announcements(db)).isEqualTo(2);
        a.cluster.poll();
        b.cluster.poll();
        assertThat(a.received).isEmpty();
        assertThat(b.received).hasSize(1);
    }

    @Test
    void onOneNodeALedgerChangeIsNotAnnounced() {
        Node alone = new Node(null);
        alone.sync.on(new LedgerChanged("segment"));
        alone.cluster.poll();
        assertThat(ClusterTestDatabase.announcements(db)).isZero();
        assertThat(alone.received).isEmpty();
    }
}
