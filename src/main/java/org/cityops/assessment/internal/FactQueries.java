package org.cityops.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.cityops.assessment.internal.model.AreaTally;
import org.cityops.assessment.internal.model.DeptTally;
import org.cityops.assessment.internal.model.PostRow;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set-based reads over the fact projection: one GROUP BY per subject group over the period's steps (all
 * areas in one query, all departments in one, all posts in one). An optional filter restricts a query to one
 * subject: used by drill-down and by the one-query-per-subject comparison in the benchmark.
 */
@Component
public class FactQueries {

    /** [from, to) in UTC plus the highest fact id counted (later facts are ignored). */
    public record Window(Instant from, Instant to, long asOfStepId) {}

    private static final String WHERE = " WHERE occurred_at >= :from AND occurred_at < :to AND id <= :asOf ";

    private final NamedParameterJdbcTemplate jdbc;

    public FactQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long maxStepId() {
        Long id = jdbc.getJdbcTemplate().queryForObject("SELECT MAX(id) FROM asm_case_step", Long.class);
        return id == null ? 0 : id;
    }

    private MapSqlParameterSource params(Window w) {
        return new MapSqlParameterSource()
                .addValue("from", DbTime.toDb(w.from()))
                .addValue("to", DbTime.toDb(w.to()))
                .addValue("asOf", w.asOfStepId());
    }

    /** One row per case with steps in the window; {@code areaType}/{@code code} optionally filter by an area. */
    public void areaTallies(Window w, SubjectType areaType, String code, Consumer<AreaTally> sink) {
        MapSqlParameterSource p = params(w);
        String filter = "";
        if (areaType != null) {
            filter = " AND " + areaColumn(areaType) + " = :code";
            p.addValue("code", code);
        }
        String sql = """
                SELECT case_id, MAX(case_number) case_number, MAX(grid_code) grid, MAX(community_code) community,
                  MAX(street_code) street, MAX(district_code) district, MAX(channel) channel,
                  MAX(CASE WHEN action = 'FILED' THEN 1 ELSE 0 END) filed,
                  MAX(CASE WHEN action = 'MERGED' THEN 1 ELSE 0 END) merged,
                  MAX(CASE WHEN action = 'SUSPENDED' THEN occurred_at END) suspended_at,
                  MAX(CASE WHEN action = 'RESUMED' THEN occurred_at END) resumed_at,
                  MAX(CASE WHEN action = 'CLOSED' THEN occurred_at END) closed_at,
                  MAX(CASE WHEN action = 'CLOSED' AND by_deadline = TRUE THEN 1 ELSE 0 END) closed_by_deadline,
                  MAX(CASE WHEN action = 'OVERDUE' THEN occurred_at END) overdue_at,
                  SUM(CASE WHEN action = 'RETURN_VISIT' AND satisfaction IS NOT NULL THEN satisfaction ELSE 0 END) sat_sum,
                  SUM(CASE WHEN action = 'RETURN_VISIT' AND satisfaction IS NOT NULL THEN 1 ELSE 0 END) sat_n
                FROM asm_case_step""" + WHERE + filter + " GROUP BY case_id";
        jdbc.query(sql, p, (RowCallbackHandler) rs -> sink.accept(new AreaTally(
                rs.getLong("case_id"),
                rs.getString("case_number"),
                rs.getString("grid"),
                rs.getString("community"),
                rs.getString("street"),
                rs.getString("district"),
                rs.getString("channel"),
                rs.getInt("filed") == 1,
                rs.getInt("merged") == 1,
                time(rs, "suspended_at"),
                time(rs, "resumed_at"),
                time(rs, "closed_at"),
                rs.getInt("closed_by_deadline") == 1,
                time(rs, "overdue_at"),
                rs.getLong("sat_sum"),
                rs.getLong("sat_n"))));
    }

    /** One row per case and department with steps in the window; {@code department} optionally filters. */
    public void deptTallies(Window w, String department, Consumer<DeptTally> sink) {
        MapSqlParameterSource p = params(w);
        String filter = " AND department_code IS NOT NULL";
        if (department != null) {
            filter = " AND department_code = :dept";
            p.addValue("dept", department);
        }
        String sql = """
                SELECT case_id, department_code, MAX(case_number) case_number, MAX(district_code) district,
                  SUM(CASE WHEN action = 'DISPATCHED' THEN 1 ELSE 0 END) dispatches,
                  MAX(CASE WHEN action = 'HANDLED' THEN occurred_at END) handled_at,
                  MIN(CASE WHEN action = 'HANDLED' THEN (CASE WHEN by_deadline = TRUE THEN 1 ELSE 0 END) END) handled_ok,
                  MAX(CASE WHEN action = 'OVERDUE' THEN occurred_at END) overdue_at,
                  MAX(CASE WHEN action = 'CLOSED' THEN occurred_at END) closed_at,
                  SUM(CASE WHEN action = 'REWORK' THEN 1 ELSE 0 END) reworks,
                  SUM(CASE WHEN action = 'EXTENDED' THEN 1 ELSE 0 END) extensions,
                  SUM(CASE WHEN action = 'RETURNED' THEN 1 ELSE 0 END) returns_,
                  MAX(CASE WHEN leader_assigned = TRUE THEN 1 ELSE 0 END) leader,
                  MAX(CASE WHEN media_exposed = TRUE THEN 1 ELSE 0 END) media,
                  SUM(CASE WHEN action = 'RETURN_VISIT' AND satisfaction IS NOT NULL THEN satisfaction ELSE 0 END) sat_sum,
                  SUM(CASE WHEN action = 'RETURN_VISIT' AND satisfaction IS NOT NULL THEN 1 ELSE 0 END) sat_n
                FROM asm_case_step""" + WHERE + filter + " GROUP BY case_id, department_code";
        jdbc.query(sql, p, (RowCallbackHandler) rs -> sink.accept(new DeptTally(
                rs.getLong("case_id"),
                rs.getString("case_number"),
                rs.getString("department_code"),
                rs.getString("district"),
                rs.getLong("dispatches"),
                time(rs, "handled_at"),
                rs.getInt("handled_ok") == 1,
                time(rs, "overdue_at"),
                time(rs, "closed_at"),
                rs.getLong("reworks"),
                rs.getLong("extensions"),
                rs.getLong("returns_"),
                rs.getInt("leader") == 1,
                rs.getInt("media") == 1,
                rs.getLong("sat_sum"),
                rs.getLong("sat_n"))));
    }

    /** Steps grouped by the person they count for (see {@link PostRow}); {@code username} optionally filters. */
    public void postRows(Window w, String username, Consumer<PostRow> sink) {
        MapSqlParameterSource p = params(w);
        String actorFilter = "";
        String assigneeFilter = "";
        String reporterFilter = "";
        if (username != null) {
            p.addValue("user", username);
            actorFilter = " AND actor = :user";
            assigneeFilter = " AND assignee = :user";
            reporterFilter = " AND reporter = :user";
        }
        String ic = "CASE WHEN channel = 'INSPECTOR' THEN 1 ELSE 0 END";
        String ot = "CASE WHEN on_time = TRUE THEN 1 ELSE 0 END";
        String sql = "SELECT 'ACTOR' k, actor u, actor_role r, action a, " + ic + " ic, " + ot + " ot, COUNT(*) n "
                + "FROM asm_case_step" + WHERE + actorFilter
                + " AND actor_role IN ('INSPECTOR','OPERATOR','SHIFT_LEADER','DISPATCHER') "
                + "GROUP BY actor, actor_role, action, " + ic + ", " + ot
                + " UNION ALL SELECT 'ASSIGNEE' k, assignee u, NULL r, action a, " + ic + " ic, 0 ot, COUNT(*) n "
                + "FROM asm_case_step" + WHERE + assigneeFilter
                + " AND assignee IS NOT NULL AND action IN ('FILED','VOIDED','MERGED','RETURNED','REWORK') "
                + "GROUP BY assignee, action, " + ic
                + " UNION ALL SELECT 'REPORTER' k, reporter u, NULL r, action a, 0 ic, 0 ot, COUNT(*) n "
                + "FROM asm_case_step" + WHERE + reporterFilter
                + " AND reporter IS NOT NULL AND action = 'FILED' GROUP BY reporter, action";
        jdbc.query(sql, p, (RowCallbackHandler) rs -> sink.accept(new PostRow(
                PostRow.Kind.valueOf(rs.getString("k")),
                rs.getString("u"),
                rs.getString("r"),
                rs.getString("a"),
                rs.getInt("ic") == 1,
                rs.getInt("ot") == 1,
                rs.getLong("n"))));
    }

    /** A step of a case, as the drill-down shows it. */
    public record StepView(
            long id,
            long caseId,
            String caseNumber,
            String action,
            String actor,
            String actorRole,
            String assignee,
            String reporter,
            String channel,
            String department,
            String district,
            String street,
            String community,
            String grid,
            Instant occurredAt,
            Instant dueAt,
            Boolean onTime,
            Boolean byDeadline,
            boolean leaderAssigned,
            boolean mediaExposed,
            boolean supervised,
            Integer satisfaction,
            String reason) {}

    private static final String STEP_COLUMNS =
            "id, case_id, case_number, action, actor, actor_role, assignee, reporter,"
                    + " channel, department_code, district_code, street_code, community_code, grid_code, occurred_at, due_at,"
                    + " on_time, by_deadline, leader_assigned, media_exposed, supervised, satisfaction, reason";

    public List<StepView> stepsOfCase(long caseId) {
        return jdbc.query(
                "SELECT " + STEP_COLUMNS + " FROM asm_case_step WHERE case_id = :c ORDER BY occurred_at, id",
                new MapSqlParameterSource("c", caseId),
                (rs, n) -> step(rs));
    }

    /** Steps in the window acting on, assigned to or reported by a user (drill-down of a post). */
    public List<StepView> stepsOfUser(Window w, String username) {
        MapSqlParameterSource p = params(w).addValue("user", username);
        return jdbc.query(
                "SELECT " + STEP_COLUMNS + " FROM asm_case_step" + WHERE
                        + " AND (actor = :user OR assignee = :user OR reporter = :user) ORDER BY occurred_at, id",
                p,
                (rs, n) -> step(rs));
    }

    private static StepView step(ResultSet rs) throws SQLException {
        return new StepView(
                rs.getLong("id"),
                rs.getLong("case_id"),
                rs.getString("case_number"),
                rs.getString("action"),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getString("assignee"),
                rs.getString("reporter"),
                rs.getString("channel"),
                rs.getString("department_code"),
                rs.getString("district_code"),
                rs.getString("street_code"),
                rs.getString("community_code"),
                rs.getString("grid_code"),
                time(rs, "occurred_at"),
                time(rs, "due_at"),
                bool(rs, "on_time"),
                bool(rs, "by_deadline"),
                rs.getBoolean("leader_assigned"),
                rs.getBoolean("media_exposed"),
                rs.getBoolean("supervised"),
                (Integer) rs.getObject("satisfaction", Integer.class),
                rs.getString("reason"));
    }

    private static Boolean bool(ResultSet rs, String col) throws SQLException {
        boolean v = rs.getBoolean(col);
        return rs.wasNull() ? null : v;
    }

    static Instant time(ResultSet rs, String col) throws SQLException {
        return DbTime.fromDb(rs.getObject(col, OffsetDateTime.class));
    }

    static String areaColumn(SubjectType t) {
        return switch (t) {
            case DISTRICT -> "district_code";
            case STREET -> "street_code";
            case COMMUNITY -> "community_code";
            case GRID -> "grid_code";
            default -> throw new IllegalArgumentException(t.name());
        };
    }
}
