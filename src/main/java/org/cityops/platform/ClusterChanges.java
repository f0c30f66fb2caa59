package org.cityops.platform;

import java.util.Set;
import java.util.function.Consumer;

/**
 * "Something this node keeps in memory changed; the other nodes must read it again" (docs/scale-out.md, several app
 * nodes). A module that rebuilds in-memory state after a local change (the muck alarm engine's world, the sanitation
 * engines' ledger, ...) {@link #announce announces} the change and {@link #onOtherNodes listens} for the
 * announcements of the other nodes under the same topic; every node reads them every {@code
 * cityops.cluster.sync-interval} (a small task on every node, not a cluster-wide job). A node is not told of its own
 * announcements: it has already rebuilt.
 *
 * <p>Only with a shared {@link ClusterStore} ({@code cityops.cluster.store=jdbc}); on one node (the default) nothing
 * is announced and no listener is ever called, so the single-node behaviour is the local event alone.
 */
public interface ClusterChanges {

    /**
     * Tells the other nodes that {@code subject} (at most 190 characters; e.g. a terminal, or a fixed word when
     * the whole state is rebuilt) changed under {@code topic} (at most 32). Call it once the change has committed
     * (an after-commit listener or synchronization: other nodes may read the change as soon as it is announced); it
     * is written at once, in a transaction of its own. Nothing on one node.
     */
    void announce(String topic, String subject);

    /**
     * Calls {@code listener} with the subjects another node announced under {@code topic} since the last read
     * (several announcements between two reads come in one call), on the polling thread: keep it short or hand
     * heavy work off. Never called on one node.
     */
    void onOtherNodes(String topic, Consumer<Set<String>> listener);

    /** Whether announcements go anywhere (a shared cluster store exists). */
    boolean shared();
}
