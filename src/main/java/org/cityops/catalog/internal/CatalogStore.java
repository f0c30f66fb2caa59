package org.cityops.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The catalogue's tables. */
@Repository
public class CatalogStore {

    private static final String CATEGORY_SELECT = """
            SELECT id, standard, kind, code, qualified_code, name, major_code, major_name, filing_condition,
                   closing_condition, active, version FROM catalog_category""";

    private final JdbcClient jdbc;

    CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CatalogSnapshot load() {
        List<Category> categories =
                jdbc.sql(CATEGORY_SELECT).query(CatalogStore::category).list();
        Map<LimitKey, TimeLimit> defaults = new HashMap<>();
        jdbc.sql("SELECT stage, urgency, limit_minutes, basis FROM catalog_default_limit")
                .query((rs, n) -> {
                    defaults.put(key(rs), limit(rs));
                    return null;
                })
                .list();
        Map<Long, Map<LimitKey, TimeLimit>> overrides = new HashMap<>();
        jdbc.sql("SELECT category_id, stage, urgency, limit_minutes, basis FROM catalog_time_limit")
                .query((rs, n) -> {
                    overrides
                            .computeIfAbsent(rs.getLong("category_id"), k -> new HashMap<>())
                            .put(key(rs), limit(rs));
                    return null;
                })
                .list();
        List<RoutingRule> rules = jdbc.sql(
                        "SELECT id, selector, area_prefix, department_code, note, version FROM catalog_routing_rule")
                .query((rs, n) -> new RoutingRule(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6)))
                .list();
        return new CatalogSnapshot(categories, defaults, overrides, rules);
    }

    private static LimitKey key(ResultSet rs) throws SQLException {
        return new LimitKey(ProcessStage.valueOf(rs.getString("stage")), Urgency.valueOf(rs.getString("urgency")));
    }

    private static TimeLimit limit(ResultSet rs) throws SQLException {
        return new TimeLimit(Duration.ofMinutes(rs.getLong("limit_minutes")), TimeBasis.valueOf(rs.getString("basis")));
    }

    static Category category(ResultSet rs, int n) throws SQLException {
        return new Category(
                rs.getLong("id"),
                rs.getString("standard"),
                CategoryKind.valueOf(rs.getString("kind")),
                rs.getString("code"),
                rs.getString("qualified_code"),
                rs.getString("name"),
                rs.getString("major_code"),
                rs.getString("major_name"),
                rs.getString("filing_condition"),
                rs.getString("closing_condition"),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }

    public boolean exists(String qualifiedCode) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_category WHERE qualified_code = :q")
                        .param("q", qualifiedCode)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(Category c, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO catalog_category (standard, kind, code, qualified_code, name, major_code, major_name,
                  filing_condition, closing_condition, active, updated_at)
                VALUES (:standard, :kind, :code, :q, :name, :majorCode, :majorName, :filing, :closing, :active, :now)""")
                .param("standard", c.standard())
                .param("kind", c.kind().name())
                .param("code", c.code())
                .param("q", c.qualifiedCode())
                .param("name", c.name())
                .param("majorCode", c.majorCode())
                .param("majorName", c.majorName())
                .param("filing", c.filingCondition())
                .param("closing", c.closingCondition())
                .param("active", c.active())
                .param("now", DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Updates the editable fields if the version still matches; 409 otherwise. */
    public void update(Category c, int expectedVersion, Instant now) {
        int n = jdbc.sql("""
                UPDATE catalog_category SET name = :name, major_code = :majorCode, major_name = :majorName,
                  filing_condition = :filing, closing_condition = :closing, active = :active,
                  version = version + 1, updated_at = :now
                WHERE id = :id AND version = :version""")
                .param("name", c.name())
                .param("majorCode", c.majorCode())
                .param("majorName", c.majorName())
                .param("filing", c.filingCondition())
                .param("closing", c.closingCondition())
                .param("active", c.active())
                .param("now", DbTime.toDb(now))
                .param("id", c.id())
                .param("version", expectedVersion)
                .update();
        if (n == 0) {
            throw new ConflictException(
                    "分类已被他人修改，请刷新后重试 category " + c.qualifiedCode() + " was changed concurrently, reload and retry");
        }
    }

    public void replaceLimits(long categoryId, Map<LimitKey, TimeLimit> limits) {
        jdbc.sql("DELETE FROM catalog_time_limit WHERE category_id = :id")
                .param("id", categoryId)
                .update();
        limits.forEach((k, v) -> jdbc.sql("""
                INSERT INTO catalog_time_limit (category_id, stage, urgency, limit_minutes, basis)
                VALUES (:id, :stage, :urgency, :minutes, :basis)""")
                .param("id", categoryId)
                .param("stage", k.stage().name())
                .param("urgency", k.urgency().name())
                .param("minutes", v.duration().toMinutes())
                .param("basis", v.basis().name())
                .update());
    }

    public void putDefault(LimitKey key, TimeLimit limit) {
        int n = jdbc.sql("""
                UPDATE catalog_default_limit SET limit_minutes = :minutes, basis = :basis
                WHERE tenant_id = 'default' AND stage = :stage AND urgency = :urgency""")
                .param("minutes", limit.duration().toMinutes())
                .param("basis", limit.basis().name())
                .param("stage", key.stage().name())
                .param("urgency", key.urgency().name())
                .update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO catalog_default_limit (stage, urgency, limit_minutes, basis)
                    VALUES (:stage, :urgency, :minutes, :basis)""")
                    .param("minutes", limit.duration().toMinutes())
                    .param("basis", limit.basis().name())
                    .param("stage", key.stage().name())
                    .param("urgency", key.urgency().name())
                    .update();
        }
    }

    public long insertRule(RoutingRule r) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO catalog_routing_rule (selector, area_prefix, department_code, note)
                VALUES (:selector, :area, :dept, :note)""")
                .param("selector", r.selector())
                .param("area", r.areaPrefix())
                .param("dept", r.departmentCode())
                .param("note", r.note())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateRule(RoutingRule r, int expectedVersion) {
        int n = jdbc.sql("""
                UPDATE catalog_routing_rule SET selector = :selector, area_prefix = :area, department_code = :dept,
                  note = :note, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("selector", r.selector())
                .param("area", r.areaPrefix())
                .param("dept", r.departmentCode())
                .param("note", r.note())
                .param("id", r.id())
                .param("version", expectedVersion)
                .update();
        if (n == 0) {
            throw new ConflictException(
                    "派遣规则已被他人修改，请刷新后重试 routing rule " + r.id() + " was changed concurrently, reload and retry");
        }
    }

    public void deleteRule(long id) {
        jdbc.sql("DELETE FROM catalog_routing_rule WHERE id = :id")
                .param("id", id)
                .update();
    }

    public void deleteAllRules() {
        jdbc.sql("DELETE FROM catalog_routing_rule WHERE tenant_id = 'default'").update();
    }
}
