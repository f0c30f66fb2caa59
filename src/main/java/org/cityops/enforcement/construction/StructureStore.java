package org.cityops.enforcement.construction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the 违建 tables (enf_structure, enf_demolition_order, enf_structure_photo, enf_structure_notice). */
@Repository
class StructureStore {

    private static final String COLUMNS = "id, code, kind, status, found_by, source_case_number, enforcement_case_id,"
            + " party_name, address, outline, lat, lon, area_m2, grid_code, district_code, found_on, note, created_by,"
            + " created_at";

    private final JdbcClient jdbc;

    StructureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewStructure in, Outline outline, String grid, String district, String by, Instant now) {
        String placeholder = ("new-" + UUID.randomUUID()).substring(0, 40);
        jdbc.sql("INSERT INTO enf_structure (code, kind, status, found_by, source_case_number, enforcement_case_id,"
                        + " party_name, address, outline, lat, lon, area_m2, grid_code, district_code, found_on, note,"
                        + " created_by, created_at) VALUES (:code, :kind, :status, :found, :src, :ecase, :party, :addr,"
                        + " :outline, :lat, :lon, :area, :grid, :district, :on, :note, :by, :at)")
                .param("code", placeholder)
                .param("kind", in.kind().name())
                .param("status", in.status().name())
                .param("found", in.foundBy().name())
                .param("src", blankToNull(in.sourceCaseNumber()))
                .param("ecase", in.enforcementCaseId())
                .param("party", blankToNull(in.partyName()))
                .param("addr", in.address().trim())
                .param("outline", outline.geoJson())
                .param("lat", outline.lat())
                .param("lon", outline.lon())
                .param("area", in.areaM2())
                .param("grid", grid)
                .param("district", district)
                .param("on", in.foundOn())
                .param("note", blankToNull(in.note()))
                .param("by", by)
                .param("at", DbTime.toDb(now))
                .update();
        long id = jdbc.sql("SELECT id FROM enf_structure WHERE code = :code")
                .param("code", placeholder)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE enf_structure SET code = :code WHERE id = :id")
                .param("code", "WJ" + in.foundOn().getYear() + String.format("%06d", id))
                .param("id", id)
                .update();
        return id;
    }

    Optional<StructureViews.Structure> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enf_structure WHERE id = :id")
                .param("id", id)
                .query(StructureStore::structure)
                .optional();
    }

    Optional<StructureViews.Structure> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enf_structure WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(StructureStore::structure)
                .optional();
    }

    List<StructureViews.Structure> list(String where, Map<String, Object> params, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enf_structure s WHERE " + where
                        + " ORDER BY found_on DESC, id DESC" + " LIMIT " + limit)
                .params(params)
                .query(StructureStore::structure)
                .list();
    }

    void setStatus(long id, StructureStatus status) {
        jdbc.sql("UPDATE enf_structure SET status = :s, version = version + 1 WHERE id = :id")
                .param("s", status.name())
                .param("id", id)
                .update();
    }

    /** 已拆除 / 已整改 on a day (kept for the monthly roll-up). */
    void setOutcome(long id, StructureStatus status, LocalDate on) {
        jdbc.sql("UPDATE enf_structure SET status = :s, outcome_on = :on, version = version + 1 WHERE id = :id")
                .param("s", status.name())
                .param("on", on)
                .param("id", id)
                .update();
    }

    long insertOrder(long structureId, LocalDate issuedOn, LocalDate deadline, String note, String by, Instant now) {
        jdbc.sql("INSERT INTO enf_demolition_order (structure_id, issued_on, deadline, note, issued_by, created_at)"
                        + " VALUES (:s, :on, :deadline, :note, :by, :at)")
                .param("s", structureId)
                .param("on", issuedOn)
                .param("deadline", deadline)
                .param("note", blankToNull(note))
                .param("by", by)
                .param("at", DbTime.toDb(now))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM enf_demolition_order WHERE structure_id = :s")
                .param("s", structureId)
                .query(Long.class)
                .single();
    }

    List<StructureViews.Order> orders(List<Long> structureIds, LocalDate today) {
        if (structureIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT id, structure_id, issued_on, deadline, note, done_on, issued_by FROM enf_demolition_order"
                                + " WHERE structure_id IN (:ids) ORDER BY id")
                .param("ids", structureIds)
                .query((rs, n) -> order(rs, today))
                .list();
    }

    /** Open orders past their deadline, in the given area filter (on the structure's columns). */
    List<StructureViews.Order> overdue(String where, Map<String, Object> params, LocalDate today) {
        params.put("today", today);
        return jdbc.sql("SELECT o.id, o.structure_id, o.issued_on, o.deadline, o.note, o.done_on, o.issued_by"
                        + " FROM enf_demolition_order o JOIN enf_structure s ON s.id = o.structure_id"
                        + " WHERE o.done_on IS NULL AND o.deadline < :today AND " + where + " ORDER BY o.deadline")
                .params(params)
                .query((rs, n) -> order(rs, today))
                .list();
    }

    void closeOrders(long structureId, LocalDate on) {
        jdbc.sql("UPDATE enf_demolition_order SET done_on = :on WHERE structure_id = :s AND done_on IS NULL")
                .param("on", on)
                .param("s", structureId)
                .update();
    }

    long insertPhoto(long structureId, String phase, String type, byte[] data, String sha, String by, Instant now) {
        jdbc.sql("INSERT INTO enf_structure_photo (structure_id, phase, content_type, data, sha256, uploaded_by,"
                        + " uploaded_at) VALUES (:s, :phase, :type, :data, :sha, :by, :at)")
                .param("s", structureId)
                .param("phase", phase)
                .param("type", type)
                .param("data", data)
                .param("sha", sha)
                .param("by", by)
                .param("at", DbTime.toDb(now))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM enf_structure_photo WHERE structure_id = :s")
                .param("s", structureId)
                .query(Long.class)
                .single();
    }

    List<StructureViews.Photo> photos(long structureId) {
        return jdbc.sql("SELECT id, phase, content_type, sha256, uploaded_by, uploaded_at FROM enf_structure_photo"
                        + " WHERE structure_id = :s ORDER BY id")
                .param("s", structureId)
                .query((rs, n) -> new StructureViews.Photo(
                        rs.getLong("id"),
                        rs.getString("phase"),
                        rs.getString("content_type"),
                        rs.getString("sha256"),
                        rs.getString("uploaded_by"),
                        at(rs, "uploaded_at")))
                .list();
    }

    Optional<StructureViews.PhotoBytes> photo(long structureId, long photoId) {
        return jdbc.sql("SELECT content_type, data FROM enf_structure_photo WHERE id = :p AND structure_id = :s")
                .param("p", photoId)
                .param("s", structureId)
                .query((rs, n) -> new StructureViews.PhotoBytes(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    boolean noticeSent(long structureId, NoticeKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM enf_structure_notice WHERE structure_id = :s AND kind = :k")
                        .param("s", structureId)
                        .param("k", kind.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertNotice(long structureId, NoticeKind kind, String recipient, long documentId, String by, Instant now) {
        jdbc.sql("INSERT INTO enf_structure_notice (structure_id, kind, recipient, document_id, sent_by, sent_at)"
                        + " VALUES (:s, :k, :r, :d, :by, :at)")
                .param("s", structureId)
                .param("k", kind.name())
                .param("r", recipient)
                .param("d", documentId)
                .param("by", by)
                .param("at", DbTime.toDb(now))
                .update();
    }

    List<StructureViews.Notice> notices(long structureId) {
        return jdbc.sql("SELECT id, kind, recipient, document_id, sent_by, sent_at FROM enf_structure_notice"
                        + " WHERE structure_id = :s ORDER BY id")
                .param("s", structureId)
                .query((rs, n) -> {
                    NoticeKind k = NoticeKind.valueOf(rs.getString("kind"));
                    return new StructureViews.Notice(
                            rs.getLong("id"),
                            k.name(),
                            k.label(),
                            rs.getString("recipient"),
                            rs.getLong("document_id"),
                            rs.getString("sent_by"),
                            at(rs, "sent_at"));
                })
                .list();
    }

    /** Per district: counts by status, from the 12319 hotline, overdue orders, areas. */
    List<StructureViews.DistrictRow> byDistrict(String where, Map<String, Object> params, LocalDate today) {
        params.put("today", today);
        return jdbc.sql("SELECT s.district_code, COUNT(*) AS total,"
                        + " SUM(CASE WHEN s.status = 'UNDER_CONSTRUCTION' THEN 1 ELSE 0 END) AS uc,"
                        + " SUM(CASE WHEN s.status = 'BUILT' THEN 1 ELSE 0 END) AS built,"
                        + " SUM(CASE WHEN s.status = 'DEMOLISHED' THEN 1 ELSE 0 END) AS demolished,"
                        + " SUM(CASE WHEN s.status = 'RECTIFIED' THEN 1 ELSE 0 END) AS rectified,"
                        + " SUM(CASE WHEN s.found_by = 'HOTLINE' OR s.source_case_number IS NOT NULL THEN 1 ELSE 0 END)"
                        + " AS hotline,"
                        + " SUM(CASE WHEN EXISTS (SELECT 1 FROM enf_demolition_order o WHERE o.structure_id = s.id"
                        + " AND o.done_on IS NULL AND o.deadline < :today) THEN 1 ELSE 0 END) AS overdue,"
                        + " SUM(CASE WHEN s.status IN ('UNDER_CONSTRUCTION','BUILT') THEN s.area_m2 ELSE 0 END) AS standing,"
                        + " SUM(CASE WHEN s.status = 'DEMOLISHED' THEN s.area_m2 ELSE 0 END) AS removed"
                        + " FROM enf_structure s WHERE " + where + " GROUP BY s.district_code ORDER BY s.district_code")
                .params(params)
                .query((rs, n) -> new StructureViews.DistrictRow(
                        rs.getString("district_code"),
                        rs.getLong("total"),
                        rs.getLong("uc"),
                        rs.getLong("built"),
                        rs.getLong("demolished"),
                        rs.getLong("rectified"),
                        rs.getLong("hotline"),
                        rs.getLong("overdue"),
                        rs.getBigDecimal("standing"),
                        rs.getBigDecimal("removed")))
                .list();
    }

    private static StructureViews.Order order(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        LocalDate done = rs.getObject("done_on", LocalDate.class);
        return new StructureViews.Order(
                rs.getLong("id"),
                rs.getLong("structure_id"),
                rs.getObject("issued_on", LocalDate.class),
                deadline,
                rs.getString("note"),
                done,
                rs.getString("issued_by"),
                done == null && deadline.isBefore(today));
    }

    private static StructureViews.Structure structure(ResultSet rs, int n) throws SQLException {
        long ecase = rs.getLong("enforcement_case_id");
        Long enforcementCase = rs.wasNull() ? null : ecase;
        return new StructureViews.Structure(
                rs.getLong("id"),
                rs.getString("code"),
                StructureKind.valueOf(rs.getString("kind")),
                StructureStatus.valueOf(rs.getString("status")),
                FoundBy.valueOf(rs.getString("found_by")),
                rs.getString("source_case_number"),
                enforcementCase,
                rs.getString("party_name"),
                rs.getString("address"),
                rs.getString("outline"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getBigDecimal("area_m2"),
                rs.getString("grid_code"),
                rs.getString("district_code"),
                rs.getObject("found_on", LocalDate.class),
                rs.getString("note"),
                rs.getString("created_by"),
                at(rs, "created_at"));
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        return DbTime.fromDb(rs.getObject(column, OffsetDateTime.class));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
