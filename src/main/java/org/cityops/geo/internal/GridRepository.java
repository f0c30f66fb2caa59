package org.cityops.geo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cityops.geo.GridCode;
import org.cityops.platform.DbTime;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The geo module's tables: {@code geo_grid} (the current layer) and {@code geo_grid_import} (batches). */
@Repository
public class GridRepository {

    static final String TENANT = "default";
    private static final int BATCH = 1000;
    private static final String COLUMNS = "code, geometry_wkt, area_m2, import_id, valid_from, valid_to, remark";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    GridRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private static final RowMapper<StoredGrid> ROW = (rs, n) -> new StoredGrid(
            rs.getString("code"),
            rs.getString("geometry_wkt"),
            rs.getDouble("area_m2"),
            rs.getLong("import_id"),
            rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class),
            rs.getString("remark"));

    public List<StoredGrid> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM geo_grid WHERE tenant_id = :t ORDER BY code")
                .param("t", TENANT)
                .query(ROW)
                .list();
    }

    /** Grid code → area in m², for the grids whose code starts with {@code prefix}. */
    public java.util.Map<String, Double> areasM2(String prefix) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        jdbc.sql("SELECT code, area_m2 FROM geo_grid WHERE tenant_id = :t AND code LIKE :prefix")
                .param("t", TENANT)
                .param("prefix", prefix + "%")
                .query(rs -> {
                    out.put(rs.getString("code"), rs.getDouble("area_m2"));
                });
        return out;
    }

    public Optional<StoredGrid> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM geo_grid WHERE tenant_id = :t AND code = :code")
                .param("t", TENANT)
                .param("code", code)
                .query(ROW)
                .optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM geo_grid WHERE tenant_id = :t")
                .param("t", TENANT)
                .query(Long.class)
                .single();
    }

    public long insertImport(String mode, String source, int featureCount, int removed, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO geo_grid_import (tenant_id, mode, source, feature_count, removed_count, imported_by,"
                        + " imported_at) VALUES (:t, :mode, :source, :count, :removed, :by, :at)")
                .param("t", TENANT)
                .param("mode", mode)
                .param("source", source)
                .param("count", featureCount)
                .param("removed", removed)
                .param("by", by)
                .param("at", DbTime.toDb(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** One import batch, newest first in {@link #recentImports}. */
    public record ImportBatch(
            long id,
            String mode,
            String source,
            int featureCount,
            int removedCount,
            String importedBy,
            Instant importedAt) {}

    public List<ImportBatch> recentImports(int limit) {
        return jdbc.sql("SELECT id, mode, source, feature_count, removed_count, imported_by, imported_at"
                        + " FROM geo_grid_import WHERE tenant_id = :t ORDER BY id DESC LIMIT :limit")
                .param("t", TENANT)
                .param("limit", limit)
                .query((rs, n) -> new ImportBatch(
                        rs.getLong("id"),
                        rs.getString("mode"),
                        rs.getString("source"),
                        rs.getInt("feature_count"),
                        rs.getInt("removed_count"),
                        rs.getString("imported_by"),
                        DbTime.fromDb(rs.getObject("imported_at", java.time.OffsetDateTime.class))))
                .list();
    }

    public int deleteAll() {
        return jdbc.sql("DELETE FROM geo_grid WHERE tenant_id = :t")
                .param("t", TENANT)
                .update();
    }

    /** A grid to insert: code, WKT, area, bounding box, dates, remark. */
    public record NewGrid(GridCode code, String wkt, double areaM2, Envelope box, LocalDate validFrom, String remark) {}

    public void insertAll(long importId, List<NewGrid> grids) {
        String sql = "INSERT INTO geo_grid (tenant_id, code, district_code, street_code, community_code,"
                + " geometry_wkt, area_m2, min_lon, min_lat, max_lon, max_lat, import_id, valid_from, remark)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> batch = new ArrayList<>(BATCH);
        for (NewGrid g : grids) {
            batch.add(new Object[] {
                TENANT,
                g.code().value(),
                g.code().districtCode(),
                g.code().streetCode(),
                g.code().communityCode(),
                g.wkt(),
                g.areaM2(),
                g.box().getMinX(),
                g.box().getMinY(),
                g.box().getMaxX(),
                g.box().getMaxY(),
                importId,
                g.validFrom(),
                g.remark()
            });
            if (batch.size() == BATCH) {
                template.batchUpdate(sql, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            template.batchUpdate(sql, batch);
        }
    }
}
