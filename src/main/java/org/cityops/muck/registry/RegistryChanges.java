package org.cityops.muck.registry;

import java.util.List;
import org.cityops.platform.ClusterChanges;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the {@link RegistryChangeListener}s that a record the alarm engine reads (company, vehicle, site, disposal
 * site, permit, zone) has changed: after the commit of the current transaction, or at once outside one. Several app
 * nodes ({@code cityops.cluster.store=jdbc}): the change is also announced ({@link ClusterChanges}, topic {@value
 * #TOPIC}), and a change committed through another node is told to this node's listeners within one {@code
 * cityops.cluster.sync-interval}, since a truck's positions are evaluated on whichever node holds its partition.
 */
@Component
class RegistryChanges {

    static final String TOPIC = "muck-registry";

    private final List<RegistryChangeListener> listeners;
    private final ClusterChanges cluster;

    RegistryChanges(List<RegistryChangeListener> listeners, ClusterChanges cluster) {
        this.listeners = listeners;
        this.cluster = cluster;
        cluster.onOtherNodes(TOPIC, subjects -> tellListeners());
    }

    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed();
                }
            });
        } else {
            committed();
        }
    }

    private void committed() {
        cluster.announce(TOPIC, "registry");
        tellListeners();
    }

    private void tellListeners() {
        listeners.forEach(RegistryChangeListener::registryChanged);
    }
}
