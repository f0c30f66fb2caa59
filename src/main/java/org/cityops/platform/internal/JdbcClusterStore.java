package org.cityops.platform.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.cityops.platform.ClusterStore;
import org.cityops.platform.DbTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ClusterStore} in the database ({@code cityops.cluster.store=jdbc}): a row per window, bucket or
 * announcement, read and changed under a row lock in a transaction of its own (so a refused or failed request of
 * the caller does not take its count back). Two nodes creating the same row at once: the loser retries and finds
 * it. Rows nobody has touched for a day are removed now and then.
 */
@Component
@ConditionalOnProperty(name = "cityops.cluster.store", havingValue = "jdbc")
class JdbcClusterStore implements ClusterStore {

    private static final Duration KEEP = Duration.ofDays(1);
    private static final long PRUNE_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AtomicLong lastPrune = new AtomicLong();

    JdbcClusterStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Window(Instant start, int failures) {}

    private record Bucket(double tokens, Instant at) {}

    @Override
    public int addFailure(String kind, String key, Instant now, Duration length) {
        pruneNowAndThen(now);
        return inNewTransaction(() -> {
            Optional<Window> w = window(kind, key, true);
            if (w.isEmpty()) {
                jdbc.sql("INSERT INTO cluster_failure_window (kind, window_key, window_start, failures)"
                                + " VALUES (:kind, :key, :now, 1)")
                        .param("kind", kind)
                        .param("key", key)
                        .param("now", utc(now))
                        .update();
                return 1;
            }
            boolean expired = !w.get().start().plus(length).isAfter(now);
            int failures = expired ? 1 : w.get().failures() + 1;
            jdbc.sql("UPDATE cluster_failure_window SET window_start = :start, failures = :n"
                            + " WHERE kind = :kind AND window_key = :key")
                    .param("start", utc(expired ? now : w.get().start()))
                    .param("n", failures)
                    .param("kind", kind)
                    .param("key", key)
                    .update();
            return failures;
        });
    }

    @Override
    public int failures(String kind, String key, Instant now, Duration length) {
        return window(kind, key, false)
                .filter(w -> w.start().plus(length).isAfter(now))
                .map(Window::failures)
                .orElse(0);
    }

    private Optional<Window> window(String kind, String key, boolean lock) {
        return jdbc.sql("SELECT window_start, failures FROM cluster_failure_window"
                        + " WHERE kind = :kind AND window_key = :key" + (lock ? " FOR UPDATE" : ""))
                .param("kind", kind)
                .param("key", key)
                .query((rs, n) ->
                        new Window(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2)))
                .optional();
    }

    @Override
    public Duration take(String budget, String key, int capacity, Duration period, Instant now) {
        double perSecond = capacity / (period.toNanos() / 1e9);
        pruneNowAndThen(now);
        return inNewTransaction(() -> {
            Optional<Bucket> b = jdbc.sql("SELECT tokens, taken_at FROM cluster_rate_bucket"
                            + " WHERE budget = :budget AND bucket_key = :key FOR UPDATE")
                    .param("budget", budget)
                    .param("key", key)
                    .query((rs, n) -> new Bucket(
                            rs.getDouble(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant()))
                    .optional();
            double tokens = b.map(x -> refilled(x, now, capacity, perSecond)).orElse((double) capacity);
            Duration wait =
                    tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
            double left = tokens >= 1 ? tokens - 1 : tokens;
            String sql = b.isEmpty()
                    ? "INSERT INTO cluster_rate_bucket (budget, bucket_key, tokens, taken_at)"
                            + " VALUES (:budget, :key, :tokens, :at)"
                    : "UPDATE cluster_rate_bucket SET tokens = :tokens, taken_at = :at"
                            + " WHERE budget = :budget AND bucket_key = :key";
            jdbc.sql(sql)
                    .param("budget", budget)
                    .param("key", key)
                    .param("tokens", left)
                    .param("at", utc(now))
                    .update();
            return wait;
        });
    }

    private static double refilled(Bucket b, Instant now, int capacity, double perSecond) {
        double seconds = Math.max(0, Duration.between(b.at(), now).toNanos() / 1e9);
        return Math.min(capacity, b.tokens() + seconds * perSecond);
    }

    @Override
    public void announce(String topic, String subject, Instant at) {
        pruneNowAndThen(at);
        inNewTransaction(() -> jdbc.sql(
                        "INSERT INTO cluster_announcement (topic, subject, announced_at) VALUES (:topic, :subject, :at)")
                .param("topic", topic)
                .param("subject", subject)
                .param("at", utc(at))
                .update());
    }

    @Override
    public List<Announcement> announcedSince(String topic, Instant since) {
        return jdbc.sql("SELECT seq, subject, announced_at FROM cluster_announcement"
                        + " WHERE topic = :topic AND announced_at >= :since ORDER BY seq")
                .param("topic", topic)
                .param("since", utc(since))
                .query((rs, n) -> new Announcement(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Runs {@code work} in a transaction of its own, once more when another node created the same row first. */
    private <T> T inNewTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (DuplicateKeyException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
    }

    private void pruneNowAndThen(Instant now) {
        long last = lastPrune.get();
        if (now.toEpochMilli() - last < PRUNE_EVERY_MILLIS || !lastPrune.compareAndSet(last, now.toEpochMilli())) {
            return;
        }
        OffsetDateTime before = DbTime.toDb(now.minus(KEEP));
        inNewTransaction(() -> {
            jdbc.sql("DELETE FROM cluster_failure_window WHERE window_start < :t")
                    .param("t", before)
                    .update();
            jdbc.sql("DELETE FROM cluster_rate_bucket WHERE taken_at < :t")
                    .param("t", before)
                    .update();
            return jdbc.sql("DELETE FROM cluster_announcement WHERE announced_at < :t")
                    .param("t", before)
                    .update();
        });
    }

    private static OffsetDateTime utc(Instant t) {
        return DbTime.toDb(t);
    }
}
