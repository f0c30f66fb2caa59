package org.cityops.cases.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.cases.CaseStatus;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of FixMyStreet's {@code GET servicerequestupdates}: one update per step that changed a case's
 * status (intake and 督办 are not updates), oldest first, with public text only and the handling photo (if any)
 * on the handling report. Cases from public channels only ({@link PublicChannels}); any other case is answered as
 * unknown.
 */
@Service
@Transactional(readOnly = true)
public class Open311Updates {

    /**
     * One update. {@code photoId}: the newest HANDLED photo uploaded up to a REPORT_HANDLED step, else null.
     */
    public record Update(
            long updateId, String serviceRequestId, CaseStatus status, String action, Instant at, Long photoId) {

        public String extendedStatus() {
            return Open311Status.extended(status);
        }

        public String description() {
            return Open311Status.describe(action, status);
        }
    }

    /** A public photo (only handling photos are public). */
    public record Media(String contentType, byte[] data) {}

    private final JdbcClient jdbc;
    private final PublicChannels channels;

    Open311Updates(JdbcClient jdbc, PublicChannels channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    /** Whether a public service request (case number) exists. */
    public boolean exists(String serviceRequestId) {
        return jdbc.sql("SELECT COUNT(*) FROM city_case WHERE case_number = :n AND channel IN (:public)")
                        .param("n", serviceRequestId)
                        .param("public", channels.names())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * @param serviceRequestId a case number, or null for every case
     * @param start            inclusive, or null
     * @param end              inclusive, or null
     */
    public List<Update> find(String serviceRequestId, Instant start, Instant end, int page, int pageSize) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(
                " WHERE s.from_status IS NOT NULL AND s.from_status <> s.to_status" + " AND c.channel IN (:public)");
        p.put("public", channels.names());
        if (serviceRequestId != null) {
            where.append(" AND c.case_number = :n");
            p.put("n", serviceRequestId);
        }
        if (start != null) {
            where.append(" AND s.acted_at >= :start");
            p.put("start", DbTime.toDb(start));
        }
        if (end != null) {
            where.append(" AND s.acted_at <= :end");
            p.put("end", DbTime.toDb(end));
        }
        return jdbc.sql("SELECT s.id, s.action, s.to_status, s.acted_at, c.case_number,"
                        + " CASE WHEN s.action = 'REPORT_HANDLED' THEN (SELECT MAX(ph.id) FROM case_photo ph"
                        + " WHERE ph.case_id = s.case_id AND ph.kind = 'HANDLED' AND ph.uploaded_at <= s.acted_at) END AS photo_id"
                        + " FROM case_step s JOIN city_case c ON c.id = s.case_id" + where
                        + " ORDER BY s.acted_at, s.id LIMIT :limit OFFSET :offset")
                .params(p)
                .param("limit", pageSize)
                .param("offset", (long) page * pageSize)
                .query((rs, n) -> {
                    long photo = rs.getLong("photo_id");
                    Long photoId = rs.wasNull() ? null : photo;
                    return new Update(
                            rs.getLong("id"),
                            rs.getString("case_number"),
                            CaseStatus.valueOf(rs.getString("to_status")),
                            rs.getString("action"),
                            CaseRepository.time(rs, "acted_at"),
                            photoId);
                })
                .list();
    }

    /** A handling photo of a case, by case number and photo id; empty for any other photo. */
    public Optional<Media> handlingPhoto(String serviceRequestId, long photoId) {
        return jdbc.sql(
                        "SELECT ph.content_type, ph.data FROM case_photo ph JOIN city_case c ON c.id = ph.case_id"
                                + " WHERE ph.id = :id AND c.case_number = :n AND ph.kind = 'HANDLED' AND c.channel IN (:public)")
                .param("id", photoId)
                .param("n", serviceRequestId)
                .param("public", channels.names())
                .query((rs, n) -> new Media(rs.getString(1), rs.getBytes(2)))
                .optional();
    }
}
