package org.cityops.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.cityops.platform.ClusterChanges;
import org.cityops.platform.ClusterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@link ClusterChanges} through the {@link ClusterStore}'s announcements. Each announcement's subject is stored as
 * "{@code <node> <subject>}" (a random id per process), so a node skips its own. Every node reads the announcements
 * of its topics of the last {@value #OVERLAP_MINUTES} minutes every {@code cityops.cluster.sync-interval} (one small
 * indexed query per topic; not under ShedLock: every node must read) and remembers which it has handed on, so a slow
 * commit or another node's clock a little behind is not missed and nothing is handed on twice. The first read after
 * a start may hand on announcements made shortly before it: a rebuild too many, never one too few.
 */
@Component
public class PolledClusterChanges implements ClusterChanges {

    static final long OVERLAP_MINUTES = 2;
    private static final Duration OVERLAP = Duration.ofMinutes(OVERLAP_MINUTES);
    private static final Logger log = LoggerFactory.getLogger(PolledClusterChanges.class);

    private final ClusterStore store;
    private final Clock clock;
    private final String node =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final Map<String, List<Consumer<Set<String>>>> listeners = new ConcurrentHashMap<>();
    /** announcements already handed on (or this node's own), by sequence, with their time */
    private final Map<Long, Instant> seen = new ConcurrentHashMap<>();

    @Autowired
    PolledClusterChanges(ObjectProvider<ClusterStore> store, Clock clock) {
        this(store.getIfAvailable(), clock);
    }

    PolledClusterChanges(ClusterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public boolean shared() {
        return store != null;
    }

    @Override
    public void announce(String topic, String subject) {
        if (store == null) {
            return;
        }
        try { // the store writes in a transaction of its own
            store.announce(topic, node + " " + subject, clock.instant());
        } catch (RuntimeException e) {
            log.error("could not announce the change {} {} to the other nodes", topic, subject, e);
        }
    }

    @Override
    public void onOtherNodes(String topic, Consumer<Set<String>> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Reads the other nodes' announcements now and hands the new ones on (scheduled on every node; tests). */
    @Scheduled(
            fixedDelayString = "${cityops.cluster.sync-interval:PT1S}",
            initialDelayString = "${cityops.cluster.sync-interval:PT1S}")
    public synchronized void poll() {
        if (store == null || listeners.isEmpty()) {
            return;
        }
        Instant since = clock.instant().minus(OVERLAP);
        for (Map.Entry<String, List<Consumer<Set<String>>>> topic : listeners.entrySet()) {
            Set<String> subjects = new LinkedHashSet<>();
            try {
                for (ClusterStore.Announcement a : store.announcedSince(topic.getKey(), since)) {
                    if (seen.putIfAbsent(a.seq(), a.at()) == null) {
                        int gap = a.subject().indexOf(' ');
                        if (gap < 0 || !a.subject().substring(0, gap).equals(node)) {
                            subjects.add(a.subject().substring(gap + 1));
                        }
                    }
                }
            } catch (RuntimeException e) {
                log.warn("could not read the other nodes' {} announcements: {}", topic.getKey(), e.toString());
                continue;
            }
            if (subjects.isEmpty()) {
                continue;
            }
            Set<String> changed = Set.copyOf(subjects);
            for (Consumer<Set<String>> listener : topic.getValue()) {
                try {
                    listener.accept(changed);
                } catch (RuntimeException e) {
                    log.error("applying another node's {} change failed", topic.getKey(), e);
                }
            }
        }
        // out of every later read's window
        seen.values().removeIf(at -> at.isBefore(since.minus(OVERLAP)));
    }
}
