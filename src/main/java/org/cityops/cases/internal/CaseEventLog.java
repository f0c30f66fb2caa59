package org.cityops.cases.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cityops.cases.CaseEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes case events to the cases module's event log as part of the caller's transaction: the events of one
 * transaction are serialized once each and inserted with one batch just before it commits; after the commit the
 * delivery is woken. Outside a transaction an event is refused (it could not commit with its step).
 */
@Component
class CaseEventLog implements CaseEventWriter {

    private final CaseEventStore store;
    private final CaseEventJson json;
    private final CaseEventPump pump;
    private final Clock clock;

    CaseEventLog(CaseEventStore store, CaseEventJson json, CaseEventPump pump, Clock clock) {
        this.store = store;
        this.json = json;
        this.pump = pump;
        this.clock = clock;
    }

    @Override
    public void append(CaseEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a case event is written in its step's transaction");
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.entries.add(new CaseEventStore.Entry(event.caseId(), json.type(event), json.write(event)));
    }

    /** The events of one transaction, flushed before its commit. */
    private final class Pending implements TransactionSynchronization {

        private final List<CaseEventStore.Entry> entries = new ArrayList<>(2);

        // a transaction suspended for an inner one (REQUIRES_NEW) takes its events along
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(CaseEventLog.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(CaseEventLog.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            store.append(entries, clock.instant());
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CaseEventLog.this);
            if (status == STATUS_COMMITTED) {
                pump.wake();
            }
        }
    }
}
