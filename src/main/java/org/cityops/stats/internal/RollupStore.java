package org.cityops.stats.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics' own tables: the counted facts (idempotent on their id) and the roll-ups ({@link Rollup}) that
 * are their sums. Live updates add each new fact to its row of every roll-up; {@link #rebuild()} recomputes them
 * from the facts; a question is answered from the smallest tables that hold its keys ({@link RollupPlan}).
 */
@Component
public class RollupStore {

    private static final String INSERT_FACT = "INSERT INTO stats_case_fact (fact_id, case_id, measure, delta, "
            + "stat_day, occurred_at, district_code, street_code, grid_code, category_code, channel, department_code) "
            + "VALUES (:id, :caseId, :measure, :delta, :day, :at, :district, :street, :grid, :category, :channel, "
            + ":department)";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    RollupStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Records the facts not yet recorded and adds them to the roll-up. A 结案 takes the case's 超期未结 back out.
     *
     * @return how many facts were new
     */
    @Transactional
    public int record(List<Fact> facts) {
        int n = 0;
        for (Fact f : facts) {
            if (!insert(f)) {
                continue;
            }
            n++;
            add(f);
            if (f.measure() == Measure.CLOSED) {
                n += record(
                        openOverdues(f.caseId()).stream().map(Fact::closedAgain).toList());
            }
        }
        return n;
    }

    /**
     * Records one batch of a rebuild from the case history in one JDBC batch, without the roll-ups: the facts
     * worked out in memory ({@link RebuildBatch}), which needs the fact table cleared first and every event of the
     * batch's cases in it. Row by row this took hours at 10 M cases.
     *
     * @return how many facts were recorded
     */
    int recordRebuilt(List<Fact> replayed) {
        List<Fact> facts = RebuildBatch.of(replayed);
        if (!facts.isEmpty()) {
            batch.batchUpdate(
                    INSERT_FACT, facts.stream().map(RollupStore::params).toArray(MapSqlParameterSource[]::new));
        }
        return facts.size();
    }

    private static MapSqlParameterSource params(Fact f) {
        return new MapSqlParameterSource()
                .addValue("id", f.id())
                .addValue("caseId", f.caseId())
                .addValue("measure", f.measure().name())
                .addValue("delta", f.delta())
                .addValue("day", f.day())
                .addValue("at", DbTime.toDb(f.at()))
                .addValue("district", f.district())
                .addValue("street", f.street())
                .addValue("grid", f.grid())
                .addValue("category", f.category())
                .addValue("channel", f.channel())
                .addValue("department", f.department());
    }

    /** Forgets every recorded fact (a rebuild from the case history records them again). */
    void clearFacts() {
        jdbc.sql("DELETE FROM stats_case_fact").update();
    }

    private boolean insert(Fact f) {
        return jdbc.sql(INSERT_FACT + " ON CONFLICT DO NOTHING")
                        .paramSource(params(f))
                        .update()
                == 1;
    }

    private List<Fact> openOverdues(long caseId) {
        return jdbc.sql("SELECT * FROM stats_case_fact o WHERE o.case_id = :caseId AND o.measure = 'OVERDUE_OPEN' "
                        + "AND o.delta = 1 AND NOT EXISTS (SELECT 1 FROM stats_case_fact c "
                        + "WHERE c.fact_id = o.fact_id || ':closed')")
                .param("caseId", caseId)
                .query((rs, i) -> fact(rs))
                .list();
    }

    private static Fact fact(ResultSet rs) throws SQLException {
        return new Fact(
                rs.getString("fact_id"),
                rs.getLong("case_id"),
                Measure.valueOf(rs.getString("measure")),
                rs.getInt("delta"),
                rs.getObject("stat_day", java.time.LocalDate.class),
                DbTime.fromDb(rs.getObject("occurred_at", java.time.OffsetDateTime.class)),
                rs.getString("district_code"),
                rs.getString("street_code"),
                rs.getString("grid_code"),
                rs.getString("category_code"),
                rs.getString("channel"),
                rs.getString("department_code"));
    }

    /** Adds one fact to its row of every roll-up (update, else insert; a concurrent insert is retried). */
    private void add(Fact f) {
        for (Rollup r : Rollup.values()) {
            add(r, f);
        }
    }

    private void add(Rollup r, Fact f) {
        String col = f.measure().column();
        String where = r.keys().stream()
                .map(d -> d.sql() + " = :" + d.param())
                .collect(Collectors.joining(" AND ", "stat_day = :day AND ", ""));
        String keyCols = r.keys().stream().map(Dimension::sql).collect(Collectors.joining(", "));
        String keyParams = r.keys().stream().map(d -> ":" + d.param()).collect(Collectors.joining(", "));
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = keyed(
                            jdbc.sql("UPDATE " + r.table() + " SET " + col + " = " + col + " + :delta WHERE " + where)
                                    .param("delta", f.delta()),
                            r,
                            f)
                    .update();
            if (updated == 1) {
                return;
            }
            int inserted = keyed(
                            jdbc.sql("INSERT INTO " + r.table() + " (stat_day, " + keyCols + ", " + col
                                            + ") VALUES (:day, " + keyParams + ", :delta) ON CONFLICT DO NOTHING")
                                    .param("delta", f.delta()),
                            r,
                            f)
                    .update();
            if (inserted == 1) {
                return;
            }
        }
        throw new IllegalStateException("roll-up row of " + r.table() + " could not be written for fact " + f.id());
    }

    private static JdbcClient.StatementSpec keyed(JdbcClient.StatementSpec s, Rollup r, Fact f) {
        s = s.param("day", r.grain() == Rollup.Grain.MONTH ? f.day().withDayOfMonth(1) : f.day());
        for (Dimension d : r.keys()) {
            s = s.param(d.param(), valueOf(f, d));
        }
        return s;
    }

    private static String valueOf(Fact f, Dimension d) {
        return switch (d) {
            case DISTRICT -> f.district();
            case STREET -> f.street();
            case GRID -> f.grid();
            case CATEGORY -> f.category();
            case CHANNEL -> f.channel();
            case DEPARTMENT -> f.department();
            case DAY, MONTH -> throw new IllegalArgumentException("not a roll-up key: " + d);
        };
    }

    /**
     * Recomputes every roll-up from the recorded facts, each from its source (the full daily table from the
     * facts, the narrower ones from a wider one: the same sums, fewer rows to read).
     *
     * @return the number of rows of the full daily roll-up
     */
    @Transactional
    public int rebuild() {
        int rows = 0;
        for (Rollup r : Rollup.values()) {
            jdbc.sql("DELETE FROM " + r.table()).update();
            int n = jdbc.sql(rebuildSql(r)).update();
            if (r == Rollup.ALL_DAY) {
                rows = n;
            }
        }
        return rows;
    }

    private static String rebuildSql(Rollup r) {
        String cols = Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));
        String keys = r.keys().stream().map(Dimension::sql).collect(Collectors.joining(", "));
        Rollup source = r.source();
        String sums = Arrays.stream(Measure.values())
                .map(m -> source == null
                        ? "SUM(CASE WHEN measure = '" + m.name() + "' THEN delta ELSE 0 END)"
                        : "SUM(" + m.column() + ")")
                .collect(Collectors.joining(", "));
        String day = r.grain() == Rollup.Grain.MONTH && (source == null || source.grain() == Rollup.Grain.DAY)
                ? "CAST(DATE_TRUNC('MONTH', stat_day) AS DATE)"
                : "stat_day";
        return "INSERT INTO " + r.table() + " (stat_day, " + keys + ", " + cols + ") SELECT " + day + ", " + keys
                + ", " + sums + " FROM " + (source == null ? "stats_case_fact" : source.table()) + " GROUP BY "
                + day + ", " + keys;
    }

    /** The answer to one question, one row per group, ordered by the group keys, from the tables that fit it. */
    public List<StatsRow> query(StatsQuery q) {
        return query(q, RollupPlan.of(q));
    }

    /** The answer to one question from the tables of this plan (each segment's table must hold its keys). */
    List<StatsRow> query(StatsQuery q, RollupPlan plan) {
        Map<String, Object> params = new HashMap<>();
        List<String> columns = new ArrayList<>();
        columns.add("stat_day");
        RollupPlan.keysOf(q).forEach(d -> columns.add(d.sql()));
        Arrays.stream(Measure.values()).forEach(m -> columns.add(m.column()));
        String select = String.join(", ", columns);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < plan.segments().size(); i++) {
            RollupPlan.Segment s = plan.segments().get(i);
            if (!s.rollup().holds(RollupPlan.keysOf(q))) {
                throw new IllegalArgumentException(s.rollup() + " does not hold the keys of " + q);
            }
            parts.add("SELECT " + select + " FROM " + s.rollup().table() + " WHERE stat_day BETWEEN :from" + i
                    + " AND :to" + i + filters(q, params));
            params.put("from" + i, s.from());
            params.put("to" + i, s.to());
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < q.groupBy().size(); i++) {
            keys.add(q.groupBy().get(i).sql());
            sql.append(q.groupBy().get(i).sql()).append(" AS k").append(i).append(", ");
        }
        sql.append(Arrays.stream(Measure.values())
                .map(m -> "SUM(" + m.column() + ") AS " + m.column())
                .collect(Collectors.joining(", ")));
        sql.append(" FROM ");
        sql.append(parts.size() == 1 ? "(" + parts.get(0) + ") u" : "(" + String.join(" UNION ALL ", parts) + ") u");
        if (!keys.isEmpty()) {
            String by = String.join(", ", keys);
            sql.append(" GROUP BY ").append(by).append(" ORDER BY ").append(by);
        }
        int nKeys = keys.size();
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> row(rs, nKeys))
                .list();
    }

    /** The question's area, category and department as conditions (the same in every segment). */
    private static String filters(StatsQuery q, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        String area = q.area();
        if (area.length() == 6) {
            sql.append(" AND district_code = :area");
            params.put("area", area);
        } else if (area.length() == 9) {
            sql.append(" AND street_code = :area");
            params.put("area", area);
        } else if (!area.isEmpty()) {
            sql.append(" AND grid_code LIKE :area");
            params.put("area", area + "%");
        }
        if (!q.category().isEmpty()) {
            sql.append(" AND category_code LIKE :category");
            params.put("category", q.category() + "%");
        }
        if (q.department() != null) {
            sql.append(" AND department_code = :department");
            params.put("department", q.department());
        }
        return sql.toString();
    }

    private static StatsRow row(ResultSet rs, int nKeys) throws SQLException {
        List<Object> keys = new ArrayList<>(nKeys);
        for (int i = 0; i < nKeys; i++) {
            Object k = rs.getObject("k" + i);
            keys.add(k instanceof java.sql.Date d ? d.toLocalDate() : k);
        }
        Map<Measure, Long> counts = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            long v = rs.getLong(m.column());
            if (v != 0) {
                counts.put(m, v);
            }
        }
        return new StatsRow(keys, counts);
    }
}
