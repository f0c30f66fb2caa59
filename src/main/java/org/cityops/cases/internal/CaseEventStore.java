package org.cityops.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables of the case event log ({@code V23_001}): the log, its sequencer's head and the consumers' cursors.
 * Every method runs in the caller's transaction.
 */
@Component
class CaseEventStore {

    /** An event as written: its case, its type's simple name and its JSON. */
    record Entry(Long caseId, String type, String payload) {}

    /** An event with its delivery position. */
    record Sequenced(long seq, String type, String payload) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CaseEventStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Writes the events of one transaction, in order, with one batch. */
    void append(List<Entry> entries, Instant at) {
        Object when = DbTime.toDb(at);
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(new Object[] {e.caseId(), e.type(), e.payload(), when});
        }
        batch.batchUpdate(
                "INSERT INTO case_event_log (case_id, event_type, payload, recorded_at) VALUES (?, ?, ?, ?)", rows);
    }

    /**
     * Gives the next positions to up to {@code max} committed events without one, in the order they were written,
     * under the head row's lock (one sequencer at a time, also with several nodes); the number sequenced.
     */
    int sequence(int max) {
        long last = jdbc.sql("SELECT last_seq FROM case_event_head WHERE id = 1 FOR UPDATE")
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("SELECT id FROM case_event_log WHERE seq IS NULL ORDER BY id LIMIT :n")
                .param("n", max)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (Long id : ids) {
            rows.add(new Object[] {++last, id});
        }
        batch.batchUpdate("UPDATE case_event_log SET seq = ? WHERE id = ?", rows);
        jdbc.sql("UPDATE case_event_head SET last_seq = :s WHERE id = 1")
                .param("s", last)
                .update();
        return ids.size();
    }

    /** Up to {@code max} events after {@code position}, in order. */
    List<Sequenced> after(long position, int max) {
        return jdbc.sql("SELECT seq, event_type, payload FROM case_event_log WHERE seq > :p ORDER BY seq LIMIT :n")
                .param("p", position)
                .param("n", max)
                .query((rs, i) -> new Sequenced(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The consumer's position; a consumer seen for the first time starts before the oldest event kept. */
    long cursor(String consumer) {
        List<Long> at = jdbc.sql("SELECT position FROM case_event_cursor WHERE consumer = :c")
                .param("c", consumer)
                .query(Long.class)
                .list();
        if (!at.isEmpty()) {
            return at.get(0);
        }
        jdbc.sql("""
                INSERT INTO case_event_cursor (consumer, position, updated_at) VALUES (:c, 0, :at)
                ON CONFLICT DO NOTHING""")
                .param("c", consumer)
                .param("at", DbTime.toDb(DbTime.now()))
                .update();
        return 0;
    }

    /** Moves the cursor from {@code from} to {@code to}; false if someone else moved it first (another node). */
    boolean advance(String consumer, long from, long to) {
        return jdbc.sql("""
                        UPDATE case_event_cursor SET position = :to, updated_at = :at
                        WHERE consumer = :c AND position = :from""")
                        .param("to", to)
                        .param("at", DbTime.toDb(DbTime.now()))
                        .param("c", consumer)
                        .param("from", from)
                        .update()
                == 1;
    }

    /**
     * Deletes the events every cursor has passed (each consumer's, also one this node does not run: a consumer
     * taken out of the code keeps its events until its cursor row is deleted); the number deleted.
     */
    int prune() {
        long upTo = jdbc.sql("SELECT MIN(position) FROM case_event_cursor")
                .query((rs, i) -> rs.getLong(1))
                .single();
        if (upTo <= 0) {
            return 0;
        }
        return jdbc.sql("DELETE FROM case_event_log WHERE seq <= :p")
                .param("p", upTo)
                .update();
    }

    /** Events not yet taken by all of {@code consumers} (not yet sequenced ones included). */
    long pending(Collection<String> consumers) {
        long from = lowest(consumers);
        return jdbc.sql("SELECT COUNT(*) FROM case_event_log WHERE seq IS NULL OR seq > :p")
                .param("p", from)
                .query(Long.class)
                .single();
    }

    /** The lowest cursor of {@code consumers}; 0 if one has none yet; none at all: every sequenced event is taken. */
    private long lowest(Collection<String> consumers) {
        if (consumers.isEmpty()) {
            return Long.MAX_VALUE;
        }
        List<Long> positions = jdbc.sql("SELECT position FROM case_event_cursor WHERE consumer IN (:c)")
                .param("c", consumers)
                .query(Long.class)
                .list();
        // a consumer without a cursor row has taken nothing yet
        return positions.size() < consumers.size()
                ? 0
                : positions.stream().mapToLong(Long::longValue).min().orElse(0);
    }
}
