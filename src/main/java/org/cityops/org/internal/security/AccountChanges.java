package org.cityops.org.internal.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityops.org.internal.admin.StaffAccountChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** When each account was last changed by the administration (this node, in memory). */
@Component
class AccountChanges {

    private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();
    private final Clock clock;

    AccountChanges(Clock clock) {
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(StaffAccountChanged event) {
        changedAt.put(event.username(), Instant.now(clock));
    }

    Instant changedAt(String username) {
        return changedAt.get(username);
    }

    Instant now() {
        return Instant.now(clock);
    }
}
