package org.cityops.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.cityops.notify.internal.RetryPolicy.Outcome;
import org.cityops.notify.internal.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One dispatcher round: claims due rows lane by lane ({@link DeliveryLane}; FOR UPDATE SKIP LOCKED, so several nodes
 * share the work), sends them
 * concurrently (at most {@code concurrency} at once, on the executor given), and records each outcome by the
 * {@link RetryPolicy}: SENT, PENDING again after the back-off, or DEAD. The claim counts the attempt and leases the
 * row (its due time moves past the longest the round can take), so a node that dies mid-send leaves its rows due
 * again after the lease — delivery is at least once, and everything needed lives in the table.
 */
public class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final OutboxStore store;
    private final Channels channels;
    private final RetryPolicy policy;
    private final TransactionTemplate own;
    private final Clock clock;
    private final ExecutorService senders;
    private final int batchSize;
    private final Duration lease;

    public OutboxDelivery(
            OutboxStore store,
            Channels channels,
            NotifyProperties config,
            PlatformTransactionManager transactions,
            Clock clock,
            ExecutorService senders) {
        this.store = store;
        this.channels = channels;
        this.policy = config.retryPolicy();
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.senders = senders;
        this.batchSize = Math.max(1, config.getBatchSize());
        // a round claims up to a batch from each lane
        int claimed = batchSize * DeliveryLane.values().length;
        int rounds = (claimed + Math.max(1, config.getConcurrency()) - 1) / Math.max(1, config.getConcurrency());
        this.lease = Duration.ofMinutes(2).plus(config.getTimeout().multipliedBy(2L * rounds));
    }

    public int batchSize() {
        return batchSize;
    }

    /** Claims and sends one batch of every lane; the number of rows it handled (0: nothing was due). */
    public int runOnce() {
        Map<DeliveryLane, Integer> limits = new EnumMap<>(DeliveryLane.class);
        for (DeliveryLane lane : DeliveryLane.values()) {
            limits.put(lane, batchSize);
        }
        int n = 0;
        for (int c : runOnce(limits).values()) {
            n += c;
        }
        return n;
    }

    /**
     * One round: claims up to each lane's limit (urgent first; a lane with limit 0 is not asked), sends them all
     * (the urgent ones handed to the senders first), records the outcomes; the rows claimed, by lane.
     */
    public Map<DeliveryLane, Integer> runOnce(Map<DeliveryLane, Integer> limits) {
        Instant now = clock.instant();
        Map<DeliveryLane, Integer> counts = new EnumMap<>(DeliveryLane.class);
        List<OutboxStore.Row> claimed = own.execute(tx -> {
            List<OutboxStore.Row> rows = new ArrayList<>();
            for (DeliveryLane lane : DeliveryLane.values()) {
                int limit = Math.min(batchSize, limits.getOrDefault(lane, 0));
                List<OutboxStore.Row> got = limit > 0 ? store.claim(lane, now, limit, now.plus(lease)) : List.of();
                counts.put(lane, got.size());
                rows.addAll(got);
            }
            return rows;
        });
        if (claimed == null || claimed.isEmpty()) {
            return counts;
        }
        List<Future<Outcome>> futures = new ArrayList<>(claimed.size());
        for (OutboxStore.Row row : claimed) {
            futures.add(senders.submit(() -> send(row)));
        }
        List<Long> sent = new ArrayList<>(claimed.size());
        List<OutboxStore.Result> others = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            OutboxStore.Row row = claimed.get(i);
            Outcome outcome;
            try {
                outcome = futures.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = Outcome.retry("interrupted");
            } catch (ExecutionException e) {
                outcome = Outcome.retry(String.valueOf(e.getCause()));
            }
            RetryPolicy.Next next = policy.after(row.attempts(), outcome, clock.instant());
            if ("SENT".equals(next.status())) {
                sent.add(row.id());
                continue;
            }
            if ("DEAD".equals(next.status())) {
                log.warn(
                        "notice {} to {} over {} is a dead letter after {} attempt(s): {}",
                        row.eventId(),
                        row.recipient(),
                        row.channel(),
                        row.attempts(),
                        outcome.error());
            }
            others.add(new OutboxStore.Result(row.id(), next.status(), next.nextAttemptAt(), outcome.error(), null));
        }
        Instant done = clock.instant();
        own.executeWithoutResult(tx -> store.record(sent, done, others));
        return counts;
    }

    /** Sends every due row until none is left (tests and the benchmark); the number handled. */
    public int drain() {
        int total = 0;
        int n;
        do {
            n = runOnce();
            total += n;
        } while (n > 0);
        return total;
    }

    private Outcome send(OutboxStore.Row row) {
        Optional<Channel> channel = channels.channel(row.channel());
        if (channel.isEmpty()) {
            return Outcome.refused("未知渠道 " + row.channel());
        }
        String address = row.address();
        String secret = null;
        if (row.recipientKey().startsWith("group:") && !"LOG".equals(row.channel())) {
            Optional<NotifyProperties.Group> g =
                    channels.group(row.recipientKey().substring("group:".length()));
            if (g.isEmpty() || !g.get().getChannel().equals(row.channel())) {
                return Outcome.refused("群组未配置或渠道已改变");
            }
            address = "EMAIL".equals(row.channel())
                    ? String.join(",", g.get().getMails())
                    : g.get().getUrl();
            secret = g.get().getSecret();
        }
        try {
            return channel.get()
                    .send(new Channel.Delivery(
                            address, secret, "【城管】" + row.kind().label(), row.text()));
        } catch (RuntimeException e) {
            return Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
