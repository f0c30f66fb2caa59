package org.cityops.muck.registry;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the {@link RegistryChangeListener}s that a record the alarm engine reads (company, vehicle, site, disposal
 * site, permit, zone) has changed: after the commit of the current transaction, or at once outside one.
 */
@Component
class RegistryChanges {

    private final List<RegistryChangeListener> listeners;

    RegistryChanges(List<RegistryChangeListener> listeners) {
        this.listeners = listeners;
    }

    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    listeners.forEach(RegistryChangeListener::registryChanged);
                }
            });
        } else {
            listeners.forEach(RegistryChangeListener::registryChanged);
        }
    }
}
