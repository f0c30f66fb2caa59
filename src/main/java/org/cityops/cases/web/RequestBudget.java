package org.cityops.cases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a client address, a device cookie): up to {@code capacity} requests at once, refilled
 * evenly over {@code period} (so {@code capacity} per period in the long run). In memory, per node. At most
 * {@code maxKeys} keys are tracked: beyond that, buckets that have refilled completely (indistinguishable from
 * a fresh one) are dropped, and if every tracked key is still active a new key is refused until some refill
 * (fail closed: a flood of addresses cannot buy fresh budgets by pushing others out). No Spring, no web types.
 */
final class RequestBudget {

    private record Bucket(double tokens, Instant at) {}

    private final int capacity;
    private final double perSecond;
    private final Clock clock;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RequestBudget(int capacity, Duration period, Clock clock, int maxKeys) {
        if (capacity < 1 || period.isNegative() || period.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("capacity, period and maxKeys must be positive");
        }
        this.capacity = capacity;
        this.perSecond = capacity / (period.toNanos() / 1e9);
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /**
     * Takes one request from the key's budget.
     *
     * @return {@link Duration#ZERO} when the request may go ahead, else how long until the key has budget again
     */
    Duration take(String key) {
        Instant now = clock.instant();
        if (!buckets.containsKey(key) && buckets.size() >= maxKeys) {
            sweep(now);
            if (buckets.size() >= maxKeys) {
                return Duration.ofSeconds(Math.max(1, (long) Math.ceil(1 / perSecond)));
            }
        }
        Duration[] wait = new Duration[1];
        buckets.compute(key, (k, b) -> {
            double tokens = b == null ? capacity : refilled(b, now);
            if (tokens >= 1) {
                wait[0] = Duration.ZERO;
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
            return new Bucket(tokens, now);
        });
        return wait[0];
    }

    /** How many keys are tracked (for tests and metrics). */
    int tracked() {
        return buckets.size();
    }

    private double refilled(Bucket b, Instant now) {
        double seconds = Math.max(0, Duration.between(b.at(), now).toNanos() / 1e9);
        return Math.min(capacity, b.tokens() + seconds * perSecond);
    }

    private void sweep(Instant now) {
        buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= capacity);
    }
}
