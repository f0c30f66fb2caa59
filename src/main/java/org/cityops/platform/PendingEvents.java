package org.cityops.platform;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry (platform's table {@code event_publication}) as far as seeders and tests need
 * it: how many published events still wait for a listener. With {@code completion-mode: delete} a publication
 * row goes once its listener has completed, so "none left" means every listener has caught up. A module's own
 * durable channel ({@link EventBacklog}, e.g. the case event log) counts too.
 */
@Component
public class PendingEvents {

    private final JdbcClient jdbc;
    private final ObjectProvider<EventBacklog> backlogs;

    PendingEvents(JdbcClient jdbc, ObjectProvider<EventBacklog> backlogs) {
        this.jdbc = jdbc;
        this.backlogs = backlogs;
    }

    public long count() {
        long publications = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class)
                .single();
        return publications
                + backlogs.orderedStream().mapToLong(EventBacklog::pending).sum();
    }

    /** Waits until no event waits for a listener, at most {@code max}; true if that happened. */
    public boolean awaitNone(Duration max) {
        long until = System.nanoTime() + max.toNanos();
        while (count() > 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
