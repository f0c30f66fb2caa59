package org.cityops.muck.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cityops.platform.ClusterStore;
import org.cityops.platform.internal.ClusterTestDatabase;
import org.cityops.platform.internal.PolledClusterChanges;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several app nodes ({@code cityops.cluster.store=jdbc}): a permit, fence or vehicle edited through node A reaches
 * the alarm engine of node B (whichever node holds the truck's partition) within one poll of the announcements;
 * one node alone announces nothing. Each "node" is a {@link RegistryChanges} with a listener standing for its
 * {@code WorldLoader}, on one shared database.
 */
class RegistryChangesAcrossNodesTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final DataSource db = ClusterTestDatabase.create("muckx-registry-" + DATABASES.incrementAndGet());
    private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
    private final Clock clock = Clock.systemUTC();

    /** One app node: its announcements, its registry changes and its engine's world (counting rebuilds). */
    private static final class Node {
        final PolledClusterChanges cluster;
        final RegistryChanges registry;
        final AtomicInteger rebuilds = new AtomicInteger();

        Node(ClusterStore store, Clock clock) {
            cluster = ClusterTestDatabase.changes(store, clock);
            registry = new RegistryChanges(List.of(rebuilds::incrementAndGet), cluster);
        }
    }

    private Node node() {
        return new Node(ClusterTestDatabase.store(db), clock);
    }

    @Test
    void aChangeCommittedOnNodeAIsRebuiltOnNodeBWithinOnePoll() {
        Node a = node();
        Node b = node();
        tx.executeWithoutResult(status -> {
            a.registry.changed();
            b.cluster.poll();
            assertThat(b.rebuilds).as("nothing before the commit").hasValue(0);
        });
        assertThat(a.rebuilds).hasValue(1);
        b.cluster.poll();
        assertThat(b.rebuilds).hasValue(1);
    }

    @Test
    void aNodeDoesNotRebuildAgainForItsOwnAnnouncementNorAnyNodeTwiceForOne() {
        Node a = node();
        Node b = node();
        tx.executeWithoutResult(status -> a.registry.changed());
        a.cluster.poll();
        b.cluster.poll();
        a.cluster.poll();
        b.cluster.poll();
        assertThat(a.rebuilds).hasValue(1);
        assertThat(b.rebuilds).hasValue(1);
    }

    @Test
    void changesOnBothNodesReachTheOtherAndSeveralBetweenTwoPollsRebuildOnce() {
        Node a = node();
        Node b = node();
        tx.executeWithoutResult(status -> a.registry.changed());
        tx.executeWithoutResult(status -> a.registry.changed());
        tx.executeWithoutResult(status -> a.registry.changed());
        b.cluster.poll();
        assertThat(b.rebuilds).hasValue(1);
        tx.executeWithoutResult(status -> b.registry.changed());
        a.cluster.poll();
        assertThat(a.rebuilds).as("its own three and B's one").hasValue(4);
    }

    @Test
    void aRolledBackChangeIsNeitherRebuiltNorAnnounced() {
        Node a = node();
        Node b = node();
        tx.executeWithoutResult(status -> {
            a.registry.changed();
            status.setRollbackOnly();
        });
        b.cluster.poll();
        assertThat(a.rebuilds).hasValue(0);
        assertThat(b.rebuilds).hasValue(0);
        assertThat(ClusterTestDatabase.announcements(db)).isZero();
    }

    @Test
    void aNodeThatStartsAfterAChangeRebuildsAtMostOnceMoreAndThenOnlyForNewChanges() {
        Node a = node();
        tx.executeWithoutResult(status -> a.registry.changed());
        Node late = node(); // loads its world at start; the first poll may hand on what was announced just before
        late.cluster.poll();
        late.cluster.poll();
        assertThat(late.rebuilds).hasValueLessThanOrEqualTo(1);
        int before = late.rebuilds.get();
        tx.executeWithoutResult(status -> a.registry.changed());
        late.cluster.poll();
        assertThat(late.rebuilds).hasValue(before + 1);
    }

    @Test
    void withoutAClusterStoreAChangeIsRebuiltLocallyAndNothingIsAnnounced() {
        Node alone = new Node(null, clock);
        Node other = node();
        tx.executeWithoutResult(status -> alone.registry.changed());
        alone.registry.changed(); // outside a transaction: at once
        alone.cluster.poll();
        other.cluster.poll();
        assertThat(alone.rebuilds).hasValue(2);
        assertThat(alone.cluster.shared()).isFalse();
        assertThat(ClusterTestDatabase.announcements(db)).isZero();
        assertThat(other.rebuilds).hasValue(0);
    }
}
