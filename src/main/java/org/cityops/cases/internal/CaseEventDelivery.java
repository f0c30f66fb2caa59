package org.cityops.cases.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.cityops.cases.CaseEvent;
import org.cityops.cases.CaseEventConsumer;
import org.cityops.platform.EventBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the case event log to every {@link CaseEventConsumer}: gives the committed events their positions
 * (the sequencer), then hands each consumer the events after its cursor, a batch at a time, in one transaction
 * with the cursor's move — so a consumer's writes and its position commit or roll back together, and nothing is
 * delivered twice or skipped. When a consumer throws, the batch is rolled back and retried one event at a time
 * up to the failing one, which stays first in line for the next run; the other consumers go on. Events every
 * cursor has passed are deleted. Run by {@link CaseEventPump} after each commit that wrote events and on a poll.
 */
@Component
class CaseEventDelivery implements EventBacklog {

    private static final Logger log = LoggerFactory.getLogger(CaseEventDelivery.class);
    static final int SEQUENCE_BATCH = 2000;
    static final int DELIVERY_BATCH = 200;

    private final CaseEventStore store;
    private final CaseEventJson json;
    private final TransactionTemplate tx;
    private final Supplier<List<CaseEventConsumer>> consumerSource;
    private volatile List<CaseEventConsumer> consumers;
    /** Positions this node knows (read once, then kept as it moves them). */
    private final Map<String, Long> positions = new HashMap<>();

    private long prunedUpTo = -1;

    /** Events read in the current run, by position (bounded: a long backlog is read again per consumer). */
    private final Map<Long, CaseEvent> parsed = new HashMap<>();

    static final int PARSED_PER_RUN = 20_000;

    @Autowired
    CaseEventDelivery(
            CaseEventStore store,
            CaseEventJson json,
            PlatformTransactionManager tm,
            ObjectProvider<CaseEventConsumer> consumers) {
        this(store, json, tm, () -> consumers.orderedStream().toList());
    }

    /** With the given consumers (tests: a second node, a restart). */
    CaseEventDelivery(
            CaseEventStore store,
            CaseEventJson json,
            PlatformTransactionManager tm,
            Supplier<List<CaseEventConsumer>> consumers) {
        this.store = store;
        this.json = json;
        this.tx = new TransactionTemplate(tm);
        this.consumerSource = consumers;
    }

    /** Sequences what has committed and delivers it to every consumer; the number of deliveries made. */
    synchronized int deliverPending() {
        Integer n;
        do {
            n = tx.execute(s -> store.sequence(SEQUENCE_BATCH));
        } while (n != null && n == SEQUENCE_BATCH);
        int delivered = 0;
        try {
            for (CaseEventConsumer c : consumers()) {
                delivered += deliverTo(c);
            }
        } finally {
            parsed.clear();
        }
        prune();
        return delivered;
    }

    /** Events waiting for at least one consumer (not yet sequenced ones included). */
    @Override
    public long pending() {
        List<String> names =
                consumers().stream().map(CaseEventConsumer::consumerName).toList();
        Long n = tx.execute(s -> store.pending(names));
        return n == null ? 0 : n;
    }

    private int deliverTo(CaseEventConsumer consumer) {
        int delivered = 0;
        while (true) {
            Batch b;
            try {
                b = deliverBatch(consumer, DELIVERY_BATCH);
            } catch (RuntimeException failed) {
                // the batch is rolled back: its events one per transaction, up to the one that fails
                b = oneByOne(consumer, failed);
                if (b.failed()) {
                    return delivered + b.size();
                }
            }
            if (b == null) {
                return delivered;
            }
            delivered += b.size();
            if (b.size() < DELIVERY_BATCH) {
                return delivered;
            }
        }
    }

    /** After a failed batch: its events one per transaction; the one that fails stays first in line. */
    private Batch oneByOne(CaseEventConsumer consumer, RuntimeException batchFailure) {
        int delivered = 0;
        for (int i = 0; i < DELIVERY_BATCH; i++) {
            try {
                if (deliverBatch(consumer, 1) == null) {
                    return new Batch(delivered, false);
                }
                delivered++;
            } catch (RuntimeException failed) {
                log.error(
                        "Case event consumer {} failed on the event after position {}; it is retried on the next run",
                        consumer.consumerName(),
                        positions.get(consumer.consumerName()),
                        failed);
                return new Batch(delivered, true);
            }
        }
        log.info(
                "Case event consumer {}: a batch failed ({}) but each of its events passed alone",
                consumer.consumerName(),
                batchFailure.toString());
        return new Batch(delivered, false);
    }

    private record Batch(int size, boolean failed) {}

    /** One transaction: up to {@code max} events to the consumer and its cursor's move; null when none is left. */
    private Batch deliverBatch(CaseEventConsumer consumer, int max) {
        String name = consumer.consumerName();
        return tx.execute(s -> {
            long from = positions.computeIfAbsent(name, store::cursor);
            List<CaseEventStore.Sequenced> events = store.after(from, max);
            if (events.isEmpty()) {
                return null;
            }
            for (CaseEventStore.Sequenced e : events) {
                consumer.on(read(e));
            }
            long to = events.get(events.size() - 1).seq();
            if (!store.advance(name, from, to)) {
                // another node delivered these first: undo ours, read its position next time
                s.setRollbackOnly();
                positions.remove(name);
                return null;
            }
            positions.put(name, to);
            return new Batch(events.size(), false);
        });
    }

    /**
     * The event at a position, read from its JSON once per run however many consumers take it (the events are
     * immutable records). Only the run's thread uses the map; it is emptied when the run ends.
     */
    private CaseEvent read(CaseEventStore.Sequenced e) {
        CaseEvent known = parsed.get(e.seq());
        if (known != null) {
            return known;
        }
        CaseEvent event = json.read(e.type(), e.payload());
        if (parsed.size() < PARSED_PER_RUN) {
            parsed.put(e.seq(), event);
        }
        return event;
    }

    /** Deletes what every cursor has passed (cursors of consumers this node does not run included). */
    private void prune() {
        long lowest = positions.values().stream().min(Long::compare).orElse(0L);
        if (lowest <= prunedUpTo) {
            return;
        }
        tx.executeWithoutResult(s -> store.prune());
        prunedUpTo = lowest;
    }

    /** Found once (racing callers find the same list); not under the delivery's lock, so counting never waits. */
    private List<CaseEventConsumer> consumers() {
        List<CaseEventConsumer> known = consumers;
        if (known == null) {
            List<CaseEventConsumer> found = new ArrayList<>(consumerSource.get());
            found.sort(Comparator.comparing(CaseEventConsumer::consumerName));
            Set<String> names = new HashSet<>();
            for (CaseEventConsumer c : found) {
                if (!names.add(c.consumerName())) {
                    throw new IllegalStateException("two case event consumers are named " + c.consumerName());
                }
            }
            known = List.copyOf(found);
            consumers = known;
        }
        return known;
    }
}
