package org.cityops.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happens after one delivery attempt (no Spring): delivered → SENT; a permanent refusal (4xx: the request
 * itself is wrong and will not heal) → DEAD at once; a transient failure (timeout, 5xx, connection refused) → PENDING
 * again after the back-off step for this attempt, until {@code maxAttempts} attempts have failed → DEAD.
 *
 * @param backoff     the wait after the 1st, 2nd, … failure; the last step repeats
 * @param maxAttempts attempts in all before DEAD
 */
public record RetryPolicy(List<Duration> backoff, int maxAttempts) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(
            List.of(
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    Duration.ofHours(2)),
            6);

    public RetryPolicy {
        backoff = List.copyOf(backoff);
        if (backoff.isEmpty() || maxAttempts < 1) {
            throw new IllegalArgumentException("back-off steps and at least one attempt are required");
        }
    }

    /** The row's next state after attempt number {@code attempt} (1 = the first) ended with {@code outcome}. */
    public Next after(int attempt, Outcome outcome, Instant now) {
        return switch (outcome.kind()) {
            case DELIVERED -> new Next("SENT", null);
            case PERMANENT -> new Next("DEAD", null);
            case TRANSIENT ->
                attempt >= maxAttempts
                        ? new Next("DEAD", null)
                        : new Next("PENDING", now.plus(backoff.get(Math.min(attempt, backoff.size()) - 1)));
        };
    }

    /** @param nextAttemptAt when a PENDING row is due again; null otherwise */
    public record Next(String status, Instant nextAttemptAt) {}

    /** How one attempt ended. */
    public record Outcome(Kind kind, String error) {

        public enum Kind {
            DELIVERED,
            TRANSIENT,
            PERMANENT
        }

        public static Outcome delivered() {
            return new Outcome(Kind.DELIVERED, null);
        }

        public static Outcome retry(String error) {
            return new Outcome(Kind.TRANSIENT, error);
        }

        public static Outcome refused(String error) {
            return new Outcome(Kind.PERMANENT, error);
        }

        /** By HTTP status: 2xx delivered, 4xx (except 408 and 429) refused, anything else retried. */
        public static Outcome ofHttpStatus(int status, String body) {
            if (status >= 200 && status < 300) {
                return delivered();
            }
            String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body.strip());
            return status >= 400 && status < 500 && status != 408 && status != 429 ? refused(error) : retry(error);
        }
    }
}
