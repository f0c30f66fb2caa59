package org.cityops.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.notify.NoticeKind;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** notify_outbox: writes in the caller's transaction, the dispatcher's claims and results, the delivery log. */
@Repository
public class OutboxStore {

    private static final String COLUMNS = "id, event_id, kind, urgent, recipient_key, recipient, channel, address,"
            + " text, status, attempts, next_attempt_at, last_error, ref_module, ref_id, queued_at, sent_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public OutboxStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One row to write: a notice to one recipient over one channel. */
    public record NewRow(
            String recipientKey,
            String recipient,
            String channel,
            String address,
            String status,
            Instant nextAttemptAt,
            String lastError,
            Instant sentAt) {}

    /** A row as stored. */
    public record Row(
            long id,
            String eventId,
            NoticeKind kind,
            boolean urgent,
            String recipientKey,
            String recipient,
            String channel,
            String address,
            String text,
            String status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            String refModule,
            String refId,
            Instant queuedAt,
            Instant sentAt) {}

    /** Writes the rows; one already there (same event, recipient and channel) is left as it is. */
    public int insert(
            String eventId,
            NoticeKind kind,
            String text,
            String refModule,
            String refId,
            Instant now,
            List<NewRow> rows) {
        String lane = DeliveryLane.of(kind).code();
        int[][] counts = template.batchUpdate(
                "INSERT INTO notify_outbox (event_id, kind, urgent, recipient_key, recipient, channel, address, text,"
                        + " status, attempts, next_attempt_at, last_error, ref_module, ref_id, queued_at, sent_at, lane)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                rows,
                500,
                (ps, r) -> {
                    ps.setString(1, eventId);
                    ps.setString(2, kind.name());
                    ps.setBoolean(3, kind.urgent());
                    ps.setString(4, r.recipientKey());
                    ps.setString(5, r.recipient());
                    ps.setString(6, r.channel());
                    ps.setString(7, r.address());
                    ps.setString(8, text);
                    ps.setString(9, r.status());
                    ps.setInt(10, r.sentAt() != null ? 1 : 0);
                    setInstant(ps, 11, r.nextAttemptAt());
                    ps.setString(12, r.lastError());
                    ps.setString(13, refModule);
                    ps.setString(14, refId);
                    setInstant(ps, 15, now);
                    setInstant(ps, 16, r.sentAt());
                    ps.setString(17, lane);
                });
        int n = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                n += Math.max(0, c);
            }
        }
        return n;
    }

    public List<Row> ofEvent(String eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notify_outbox WHERE event_id = :e ORDER BY id")
                .param("e", eventId)
                .query(OutboxStore::row)
                .list();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notify_outbox WHERE id = :id")
                .param("id", id)
                .query(OutboxStore::row)
                .optional();
    }

    /**
     * Claims up to {@code limit} due rows of one lane (PENDING or HELD, due by {@code now}, oldest due first) for one
     * attempt: skips rows another dispatcher holds locked, counts the attempt and moves the row's due time to
     * {@code leaseUntil}, so a dispatcher that dies mid-send leaves the row due again after the lease. One select and
     * one update, whatever the number of rows. Call inside a transaction.
     */
    public List<Row> claim(DeliveryLane lane, Instant now, int limit, Instant leaseUntil) {
        List<Row> due = jdbc.sql("SELECT " + COLUMNS + " FROM notify_outbox"
                        + " WHERE lane = :lane AND next_attempt_at <= :now AND status IN ('PENDING', 'HELD')"
                        + " ORDER BY next_attempt_at, id LIMIT :n FOR UPDATE SKIP LOCKED")
                .param("lane", lane.code())
                .param("now", DbTime.toDb(now))
                .param("n", limit)
                .query(OutboxStore::row)
                .list();
        if (due.isEmpty()) {
            return due;
        }
        List<Long> ids = new ArrayList<>(due.size());
        List<Row> claimed = new ArrayList<>(due.size());
        for (Row r : due) {
            ids.add(r.id());
            claimed.add(new Row(
                    r.id(),
                    r.eventId(),
                    r.kind(),
                    r.urgent(),
                    r.recipientKey(),
                    r.recipient(),
                    r.channel(),
                    r.address(),
                    r.text(),
                    "PENDING",
                    r.attempts() + 1,
                    leaseUntil,
                    r.lastError(),
                    r.refModule(),
                    r.refId(),
                    r.queuedAt(),
                    r.sentAt()));
        }
        jdbc.sql("UPDATE notify_outbox SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = :lease"
                        + " WHERE id IN (:ids)")
                .param("lease", DbTime.toDb(leaseUntil))
                .param("ids", ids)
                .update();
        return claimed;
    }

    /** The end of one attempt. */
    public record Result(long id, String status, Instant nextAttemptAt, String lastError, Instant sentAt) {}

    /**
     * Writes the results of one round: the delivered rows in one statement (SENT at {@code sentAt}, the round's
     * end), the others (due again, or dead) one by one in a batch.
     */
    public void record(List<Long> sent, Instant sentAt, List<Result> others) {
        if (!sent.isEmpty()) {
            jdbc.sql("UPDATE notify_outbox SET status = 'SENT', next_attempt_at = NULL, last_error = NULL,"
                            + " sent_at = :at WHERE id IN (:ids)")
                    .param("at", DbTime.toDb(sentAt))
                    .param("ids", sent)
                    .update();
        }
        if (!others.isEmpty()) {
            recordEach(others);
        }
    }

    private void recordEach(List<Result> results) {
        template.batchUpdate(
                "UPDATE notify_outbox SET status = ?, next_attempt_at = ?, last_error = ?, sent_at = ? WHERE id = ?",
                results,
                500,
                (ps, r) -> {
                    ps.setString(1, r.status());
                    setInstant(ps, 2, r.nextAttemptAt());
                    ps.setString(3, r.lastError() == null ? null : shorten(r.lastError()));
                    setInstant(ps, 4, r.sentAt());
                    ps.setLong(5, r.id());
                });
    }

    /** A dead letter due again with a fresh count of attempts; false when the row is not a dead letter. */
    public boolean resend(long id, Instant now) {
        return jdbc.sql("UPDATE notify_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now,"
                                + " last_error = NULL WHERE id = :id AND status = 'DEAD'")
                        .param("now", DbTime.toDb(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Filter of the delivery log; null = any. */
    public record Filter(String status, String kind, String channel, Instant from, Instant to) {}

    public List<Row> find(Filter f, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notify_outbox");
        Map<String, Object> params = where(f, sql);
        sql.append(" ORDER BY queued_at DESC, id DESC LIMIT :limit OFFSET :offset");
        return jdbc.sql(sql.toString())
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(OutboxStore::row)
                .list();
    }

    public long count(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM notify_outbox");
        Map<String, Object> params = where(f, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** Rows by status (for the page's counters). */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM notify_outbox GROUP BY status")
                .query((rs, i) -> out.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return out;
    }

    private static Map<String, Object> where(Filter f, StringBuilder sql) {
        Map<String, Object> params = new java.util.HashMap<>();
        List<String> conds = new ArrayList<>();
        if (f.status() != null) {
            conds.add("status = :status");
            params.put("status", f.status());
        }
        if (f.kind() != null) {
            conds.add("kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.channel() != null) {
            conds.add("channel = :channel");
            params.put("channel", f.channel());
        }
        if (f.from() != null) {
            conds.add("queued_at >= :from");
            params.put("from", DbTime.toDb(f.from()));
        }
        if (f.to() != null) {
            conds.add("queued_at < :to");
            params.put("to", DbTime.toDb(f.to()));
        }
        if (!conds.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conds));
        }
        return params;
    }

    private static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300);
    }

    private static void setInstant(java.sql.PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, DbTime.toDb(t));
        }
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        return DbTime.fromDb(rs.getObject(col, java.time.OffsetDateTime.class));
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("event_id"),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getBoolean("urgent"),
                rs.getString("recipient_key"),
                rs.getString("recipient"),
                rs.getString("channel"),
                rs.getString("address"),
                rs.getString("text"),
                rs.getString("status"),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                rs.getString("ref_module"),
                rs.getString("ref_id"),
                instant(rs, "queued_at"),
                instant(rs, "sent_at"));
    }
}
