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
import org.springframework.jdbc.core.simple.JdbcClient;

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

    private int announcements() {
        return JdbcClient.create(db)
                .sql("SELECT COUNT(*) FROM cluster_announcement")
                .query(Integer.class)
                .single();
    }

    @Test
    void aLedgerChangeOnNodeAReachesNodeBAsOneEventFromAnotherNodeAndIsNotAnnouncedBack() {
        Node a = new Node(ClusterTestDatabase.store(db));
        Node b = new Node(ClusterTestDatabase.store(db));
        a.sync.on(new LedgerChanged("vehicle"));
        a.sync.on(new LedgerChanged("plan"));
        b.cluster.poll();
        assertThat(b.received).containsExactly(new LedgerChanged("plan,vehicle", true));
        assertThat(announcements()).isEqualTo(2);
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
        assertThat(announcements()).isZero();
        assertThat(alone.received).isEmpty();
    }
}
