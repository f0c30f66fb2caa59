package org.cityops.platform.internal;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: the event publications whose listener has not completed for {@code cityops.cluster.resubmit-after}
 * (a listener that failed, or a node killed mid-listener) are handed to their listeners again, by one node at a
 * time. This replaces Modulith's republication at start, which in a cluster every starting node would do. The
 * age must exceed the longest listener run, or a listener still working on another node would get the event a
 * second time.
 */
@Component
@ConditionalOnProperty(name = "cityops.cluster.enabled", havingValue = "true")
class OutstandingEvents {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    OutstandingEvents(
            IncompleteEventPublications incomplete,
            @Value("${cityops.cluster.resubmit-after:PT5M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(
            fixedDelayString = "${cityops.cluster.resubmit-interval:PT1M}",
            initialDelayString = "${cityops.cluster.resubmit-interval:PT1M}")
    @SchedulerLock(name = "platform.outstanding-events", lockAtLeastFor = "PT10S")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("outstanding event publications could not be resubmitted: {}", e.toString());
        }
    }
}
