package org.cityops.stats.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics' own tables: the counted facts (idempotent on their id) and the daily roll-up that is their
 * sum. Live updates add each new fact to its roll-up row; {@link #rebuild()} recomputes every row from the facts.
 */
@Component
public class RollupStore {

    private static final String KEY = "stat_day = :day AND district_code = :district AND street_code = :street "
            + "AND grid_code = :grid AND category_code = :category AND channel = :channel "
            + "AND department_code = :department";

    private final JdbcClient jdbc;

    RollupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    private boolean insert(Fact f) {
        return jdbc.sql("INSERT INTO stats_case_fact (fact_id, case_id, measure, delta, stat_day, occurred_at, "
                                + "district_code, street_code, grid_code, category_code, channel, department_code) "
                                + "VALUES (:id, :caseId, :measure, :delta, :day, :at, :district, :street, :grid, "
                                + ":category, :channel, :department) ON CONFLICT DO NOTHING")
                        .param("id", f.id())
                        .param("caseId", f.caseId())
                        .param("measure", f.measure().name())
                        .param("delta", f.delta())
                        .param("day", f.day())
                        .param("at", DbTime.toDb(f.at()))
                        .param("district", f.district())
                        .param("street", f.street())
                        .param("grid", f.grid())
                        .param("category", f.category())
                        .param("channel", f.channel())
                        .param("department", f.department())
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

    /** Adds one fact to its roll-up row (update, else insert; a concurrent insert is retried as an update). */
    private void add(Fact f) {
        String col = f.measure().column();
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = keyed(
                            jdbc.sql("UPDATE stats_case_day SET " + col + " = " + col + " + :delta WHERE " + KEY)
                                    .param("delta", f.delta()),
                            f)
                    .update();
            if (updated == 1) {
                return;
            }
            int inserted = keyed(
                            jdbc.sql("INSERT INTO stats_case_day (stat_day, district_code, street_code, grid_code, "
                                            + "category_code, channel, department_code, " + col + ") VALUES (:day, "
                                            + ":district, :street, :grid, :category, :channel, :department, :delta) "
                                            + "ON CONFLICT DO NOTHING")
                                    .param("delta", f.delta()),
                            f)
                    .update();
            if (inserted == 1) {
                return;
            }
        }
        throw new IllegalStateException("roll-up row could not be written for fact " + f.id());
    }

    private static JdbcClient.StatementSpec keyed(JdbcClient.StatementSpec s, Fact f) {
        return s.param("day", f.day())
                .param("district", f.district())
                .param("street", f.street())
                .param("grid", f.grid())
                .param("category", f.category())
                .param("channel", f.channel())
                .param("department", f.department());
    }

    /** Recomputes the whole roll-up from the recorded facts; returns the number of roll-up rows. */
    @Transactional
    public int rebuild() {
        jdbc.sql("DELETE FROM stats_case_day").update();
        String sums = java.util.Arrays.stream(Measure.values())
                .map(m -> "SUM(CASE WHEN measure = '" + m.name() + "' THEN delta ELSE 0 END)")
                .collect(Collectors.joining(", "));
        String cols =
                java.util.Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));
        return jdbc.sql("INSERT INTO stats_case_day (stat_day, district_code, street_code, grid_code, category_code, "
                        + "channel, department_code, " + cols
                        + ") SELECT stat_day, district_code, street_code, grid_code, "
                        + "category_code, channel, department_code, " + sums
                        + " FROM stats_case_fact GROUP BY stat_day, "
                        + "district_code, street_code, grid_code, category_code, channel, department_code")
                .update();
    }

    /** The answer to one question, one row per group, ordered by the group keys. */
    public List<StatsRow> query(StatsQuery q) {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < q.groupBy().size(); i++) {
            keys.add(q.groupBy().get(i).sql());
            sql.append(q.groupBy().get(i).sql()).append(" AS k").append(i).append(", ");
        }
        sql.append(java.util.Arrays.stream(Measure.values())
                .map(m -> "SUM(" + m.column() + ") AS " + m.column())
                .collect(Collectors.joining(", ")));
        sql.append(" FROM stats_case_day WHERE stat_day BETWEEN :from AND :to");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("from", q.from());
        params.put("to", q.to());
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
