package org.cityops.platform.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/** Cluster mode: removes the expired page sessions from the database each minute, on one node at a time. */
@Component
@ConditionalOnProperty(name = "cityops.cluster.enabled", havingValue = "true")
class SessionCleanup {

    private final JdbcIndexedSessionRepository sessions;

    SessionCleanup(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    @SchedulerLock(name = "platform.session-cleanup", lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
    void cleanUp() {
        sessions.cleanUpExpiredSessions();
    }
}
