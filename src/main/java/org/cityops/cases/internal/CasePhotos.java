package org.cityops.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Photos of cases ({@code case_photo}): 上报照片 (REPORT), 处置照片 (HANDLED) and 核查照片 (CHECK). Written in the
 * caller's transaction; what a photo may be is checked before, by {@link Photos}.
 */
@Repository
class CasePhotos {

    private final JdbcClient jdbc;

    CasePhotos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a photo; returns its id. {@code at}: the upload time (a photo sent with a step carries the step's). */
    long insert(long caseId, String kind, String contentType, byte[] data, String uploadedBy, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_photo (case_id, kind, content_type, size_bytes, data, uploaded_by, uploaded_at)
                VALUES (:c, :k, :t, :s, :d, :u, :at)""")
                .param("c", caseId)
                .param("k", kind)
                .param("t", contentType)
                .param("s", data.length)
                .param("d", data)
                .param("u", uploadedBy)
                .param("at", DbTime.toDb(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The ids of a case's photos, oldest first. */
    List<Long> idsOf(long caseId) {
        return jdbc.sql("SELECT id FROM case_photo WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query(Long.class)
                .list();
    }

    /** One photo of a case; {@code handledOnly}: only a 处置照片 (what the public may see). */
    Optional<CaseService.Photo> find(long caseId, long photoId, boolean handledOnly) {
        return jdbc.sql("SELECT id, case_id, kind, content_type, data FROM case_photo WHERE id = :id AND case_id = :c"
                        + (handledOnly ? " AND kind = 'HANDLED'" : ""))
                .param("id", photoId)
                .param("c", caseId)
                .query((rs, n) -> new CaseService.Photo(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .optional();
    }
}
