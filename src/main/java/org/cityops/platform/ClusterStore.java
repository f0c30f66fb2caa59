package org.cityops.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * State that several app nodes must agree on ({@code cityops.cluster.store}, docs/scale-out.md): failure windows
 * (sign-in failures per client address), token buckets (request budgets) and announcements every node reads
 * (an account changed). There is a bean only when the store is shared ({@code jdbc}); with {@code memory}, the
 * single-node default, each module keeps its own in-memory structure as before, so modules take it as an
 * optional dependency.
 */
public interface ClusterStore {

    /**
     * Counts one failure for {@code key} of {@code kind}: the window starts at the first failure and is replaced
     * by a new one once it is older than {@code length}.
     *
     * @return the failures now in the key's window
     */
    int addFailure(String kind, String key, Instant now, Duration length);

    /** The failures in the key's window, 0 when there is none or it is older than {@code length}. */
    int failures(String kind, String key, Instant now, Duration length);

    /**
     * Takes one request from a token bucket that holds up to {@code capacity} and refills {@code capacity} per
     * {@code period}; a new key starts full.
     *
     * @return {@link Duration#ZERO} when the request may go ahead, else how long until there is budget again
     */
    Duration take(String budget, String key, int capacity, Duration period, Instant now);

    /** Tells every node about {@code subject} under {@code topic} (committed at once, not with the caller). */
    void announce(String topic, String subject, Instant at);

    /** The announcements of a topic made at or after {@code since}, oldest first. */
    List<Announcement> announcedSince(String topic, Instant since);

    /** One announcement; {@code seq} identifies it across reads. */
    record Announcement(long seq, String subject, Instant at) {}
}
