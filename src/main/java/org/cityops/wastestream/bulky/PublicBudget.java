package org.cityops.wastestream.bulky;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} requests per key (a client address) in any window of {@code window}; plain Java, in memory,
 * per node. When more than {@code maxKeys} keys are tracked, keys with no request in the window are forgotten; if
 * all are still active a new key is refused (fail closed).
 */
final class PublicBudget {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Deque<Instant>> seen = new HashMap<>();

    PublicBudget(int limit, Duration window, Clock clock, int maxKeys) {
        if (limit < 1 || window.isZero() || window.isNegative() || maxKeys < 1) {
            throw new IllegalArgumentException("limit, window and maxKeys must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /** Counts one request; {@link Duration#ZERO} when it may go ahead, else how long until it may. */
    synchronized Duration take(String key) {
        Instant now = clock.instant();
        Instant start = now.minus(window);
        if (!seen.containsKey(key) && seen.size() >= maxKeys) {
            seen.values().forEach(q -> drop(q, start));
            seen.values().removeIf(Deque::isEmpty);
            if (seen.size() >= maxKeys) {
                return window;
            }
        }
        Deque<Instant> q = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
        drop(q, start);
        if (q.size() >= limit) {
            return Duration.between(start, q.peekFirst()).plusMillis(1);
        }
        q.addLast(now);
        return Duration.ZERO;
    }

    private static void drop(Deque<Instant> q, Instant start) {
        while (!q.isEmpty() && !q.peekFirst().isAfter(start)) {
            q.pollFirst();
        }
    }
}
