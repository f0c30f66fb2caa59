package org.cityops.platform;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry (platform's table {@code event_publication}) as far as seeders and tests need
 * it: how many published events still wait for a listener. With {@code completion-mode: delete} a publication
 * row goes once its listener has completed, so "none left" means every listener has caught up.
 */
@Component
public class PendingEvents {

    private final JdbcClient jdbc;

    PendingEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class)
                .single();
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
