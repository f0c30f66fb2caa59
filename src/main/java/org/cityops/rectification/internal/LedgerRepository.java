package org.cityops.rectification.internal;

// Size: one file on purpose: the ledger's package-private reads, one query each (writes are in LedgerWrites); over
// 400 lines since the formatter wrapped its SQL

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.platform.DbTime;
import org.cityops.rectification.InspectionKind;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.LedgerRows.AchievementRow;
import org.cityops.rectification.internal.LedgerRows.CategoryRow;
import org.cityops.rectification.internal.LedgerRows.EvidenceRow;
import org.cityops.rectification.internal.LedgerRows.InspectionRow;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerRows.ProblemEventRow;
import org.cityops.rectification.internal.LedgerRows.ProblemRow;
import org.cityops.rectification.internal.LedgerRows.ProgressRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's queries (JdbcClient, only this module's rect_* tables); the writes are {@link LedgerWrites}. Package-
 * private: the services of this package ({@link LedgerReads} for everything shown, which applies the 本部门 scope)
 * are the only way in. A {@code scope} parameter is the department id of a department user's 本部门 filter, or
 * null for the whole ledger.
 */
@Repository
class LedgerRepository {

    /** A measure led by, or with the cooperation of, department {@code :scope} (measure alias {@code m}). */
    static final String MEASURE_IN_SCOPE = " AND (m.lead_department_id = :scope OR EXISTS (SELECT 1 FROM"
            + " rect_measure_coop sc WHERE sc.measure_id = m.id AND sc.department_id = :scope))";
    /** A problem (alias {@code p}) with at least one measure in scope. */
    static final String PROBLEM_IN_SCOPE =
            " AND EXISTS (SELECT 1 FROM rect_measure m WHERE m.problem_id = p.id" + MEASURE_IN_SCOPE + ")";

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- reads

    List<InspectionRow> inspections() {
        return jdbc.sql("SELECT * FROM rect_inspection ORDER BY id DESC")
                .query(LedgerRepository::inspection)
                .list();
    }

    Optional<InspectionRow> inspection(long id) {
        return jdbc.sql("SELECT * FROM rect_inspection WHERE id = :id")
                .param("id", id)
                .query(LedgerRepository::inspection)
                .optional();
    }

    Optional<InspectionRow> inspectionByName(String name) {
        return jdbc
                .sql("SELECT * FROM rect_inspection WHERE name = :n ORDER BY id")
                .param("n", name)
                .query(LedgerRepository::inspection)
                .stream()
                .findFirst();
    }

    List<CategoryRow> categories(long inspectionId) {
        return jdbc.sql("SELECT id, seq, title FROM rect_category WHERE inspection_id = :i ORDER BY seq")
                .param("i", inspectionId)
                .query((rs, n) -> new CategoryRow(rs.getLong("id"), rs.getInt("seq"), rs.getString("title")))
                .list();
    }

    private static final String PROBLEM_SELECT = """
            SELECT p.*, c.seq AS category_seq, c.title AS category_title FROM rect_problem p
            JOIN rect_category c ON c.id = p.category_id""";

    List<ProblemRow> problems(long inspectionId) {
        return jdbc.sql(PROBLEM_SELECT + " WHERE p.inspection_id = :i ORDER BY p.number")
                .param("i", inspectionId)
                .query(LedgerRepository::problem)
                .list();
    }

    /** The problems with a measure in {@code scope} (all of them for null). */
    List<ProblemRow> problems(long inspectionId, Long scope) {
        if (scope == null) {
            return problems(inspectionId);
        }
        return jdbc.sql(PROBLEM_SELECT + " WHERE p.inspection_id = :i" + PROBLEM_IN_SCOPE + " ORDER BY p.number")
                .param("i", inspectionId)
                .param("scope", scope)
                .query(LedgerRepository::problem)
                .list();
    }

    Optional<ProblemRow> problem(long id) {
        return jdbc.sql(PROBLEM_SELECT + " WHERE p.id = :id")
                .param("id", id)
                .query(LedgerRepository::problem)
                .optional();
    }

    Optional<Long> inspectionOfProblem(long problemId) {
        return jdbc.sql("SELECT inspection_id FROM rect_problem WHERE id = :id")
                .param("id", problemId)
                .query(Long.class)
                .optional();
    }

    Optional<long[]> measureOwner(long measureId) {
        return jdbc.sql("SELECT inspection_id, problem_id FROM rect_measure WHERE id = :id")
                .param("id", measureId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
    }

    /** Lead and cooperating department ids of a measure (for the 本部门 check). */
    List<Long> measureDepartmentIds(long measureId) {
        return jdbc.sql("""
                SELECT lead_department_id FROM rect_measure WHERE id = :m AND lead_department_id IS NOT NULL
                UNION SELECT department_id FROM rect_measure_coop WHERE measure_id = :m AND department_id IS NOT NULL""").param("m", measureId).query(Long.class).list();
    }

    List<MeasureStatus> measureStatuses(long problemId) {
        return jdbc.sql("SELECT status FROM rect_measure WHERE problem_id = :p")
                .param("p", problemId)
                .query((rs, n) -> MeasureStatus.valueOf(rs.getString(1)))
                .list();
    }

    Optional<MeasureRow> measure(long id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        List<MeasureRow> rows = measures(" WHERE m.id = :id", params, "", false);
        return rows.stream().findFirst();
    }

    List<MeasureRow> measures(MeasureQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        String page = q.limit() == Integer.MAX_VALUE ? "" : " LIMIT " + q.limit() + " OFFSET " + q.offset();
        return measures(where, params, page, true);
    }

    long countMeasures(MeasureQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        return jdbc.sql("SELECT COUNT(*) FROM rect_measure m JOIN rect_problem p ON p.id = m.problem_id" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(MeasureQuery q, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" WHERE m.inspection_id = :insp");
        params.put("insp", q.inspectionId());
        if (q.scopeDepartmentId() != null) {
            w.append(MEASURE_IN_SCOPE);
            params.put("scope", q.scopeDepartmentId());
        }
        if (q.categoryId() != null) {
            w.append(" AND p.category_id = :cat");
            params.put("cat", q.categoryId());
        }
        if (q.problemId() != null) {
            w.append(" AND m.problem_id = :pid");
            params.put("pid", q.problemId());
        }
        if (q.department() != null) {
            w.append(" AND (m.lead_department = :dept OR EXISTS (SELECT 1 FROM rect_measure_coop dc"
                    + " WHERE dc.measure_id = m.id AND dc.name = :dept))");
            params.put("dept", q.department());
        }
        if (q.leader() != null) {
            w.append(" AND (m.responsible_leader = :leader OR m.leader_username = :leader)");
            params.put("leader", q.leader());
        }
        if (q.status() != null) {
            w.append(" AND m.status = :mstatus");
            params.put("mstatus", q.status().name());
        }
        if (q.problemStatus() != null) {
            w.append(" AND COALESCE(p.override_status, p.derived_status) = :pstatus");
            params.put("pstatus", q.problemStatus().name());
        }
        if (q.overdue()) {
            w.append(" AND m.status <> 'COMPLETED' AND m.deadline < :today");
            params.put("today", q.today());
        }
        if (q.dueSoon()) {
            w.append(" AND m.status <> 'COMPLETED' AND m.deadline >= :today AND m.deadline <= :soon");
            params.put("today", q.today());
            params.put("soon", WarningRule.dueSoonUntil(q.today()));
        }
        return w.toString();
    }

    private List<MeasureRow> measures(String where, Map<String, Object> params, String page, boolean ordered) {
        String sql = """
                SELECT m.*, p.number AS problem_number, p.title AS problem_title, p.category_id,
                  c.seq AS category_seq
                FROM rect_measure m JOIN rect_problem p ON p.id = m.problem_id
                JOIN rect_category c ON c.id = p.category_id""" + where + (ordered ? " ORDER BY p.number, m.seq" : "") + page;
        List<Object[]> raw = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        jdbc.sql(sql).params(params).query((ResultSet rs) -> {
            ids.add(rs.getLong("id"));
            raw.add(rawMeasure(rs));
        });
        Map<Long, List<String>> coop = new HashMap<>();
        Map<Long, Object[]> latest = new HashMap<>();
        Map<Long, Integer> evidence = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.sql(
                            "SELECT measure_id, name FROM rect_measure_coop WHERE measure_id IN (:ids) ORDER BY measure_id, seq")
                    .param("ids", chunk)
                    .query((ResultSet rs) -> {
                        coop.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(rs.getString(2));
                    });
            jdbc.sql("""
                    SELECT measure_id, entry_date, text FROM rect_progress WHERE measure_id IN (:ids)
                    ORDER BY measure_id, entry_date DESC, id DESC""").param("ids", chunk).query((ResultSet rs) -> {
                latest.putIfAbsent(rs.getLong(1), new Object[] {rs.getObject(2, LocalDate.class), rs.getString(3)});
            });
            jdbc.sql("SELECT measure_id, COUNT(*) FROM rect_evidence WHERE measure_id IN (:ids) GROUP BY measure_id")
                    .param("ids", chunk)
                    .query((ResultSet rs) -> {
                        evidence.put(rs.getLong(1), rs.getInt(2));
                    });
        }
        List<MeasureRow> rows = new ArrayList<>(raw.size());
        for (Object[] r : raw) {
            long id = (Long) r[0];
            Object[] l = latest.get(id);
            rows.add(new MeasureRow(
                    id,
                    (Long) r[1],
                    (Integer) r[2],
                    (String) r[3],
                    (Long) r[4],
                    (Integer) r[5],
                    (Integer) r[6],
                    (Integer) r[7],
                    (String) r[8],
                    (Boolean) r[9],
                    (String) r[10],
                    (String) r[11],
                    (String) r[12],
                    (String) r[13],
                    (Long) r[14],
                    (LocalDate) r[15],
                    (Boolean) r[16],
                    (String) r[17],
                    MeasureStatus.valueOf((String) r[18]),
                    (LocalDate) r[19],
                    (String) r[20],
                    (String) r[21],
                    (String) r[22],
                    (Instant) r[23],
                    coop.getOrDefault(id, List.of()),
                    l == null ? null : (String) l[1],
                    l == null ? null : (LocalDate) l[0],
                    evidence.getOrDefault(id, 0),
                    (Integer) r[24]));
        }
        return rows;
    }

    private static Object[] rawMeasure(ResultSet rs) throws SQLException {
        long dept = rs.getLong("lead_department_id");
        Long deptId = rs.wasNull() ? null : dept;
        int sub = rs.getInt("sub_no");
        Integer subNo = rs.wasNull() ? null : sub;
        return new Object[] {
            rs.getLong("id"),
            rs.getLong("problem_id"),
            rs.getInt("problem_number"),
            rs.getString("problem_title"),
            rs.getLong("category_id"),
            rs.getInt("category_seq"),
            rs.getInt("seq"),
            subNo,
            rs.getString("title"),
            rs.getBoolean("title_derived"),
            rs.getString("text"),
            rs.getString("responsible_leader"),
            rs.getString("leader_username"),
            rs.getString("lead_department"),
            deptId,
            rs.getObject("deadline", LocalDate.class),
            rs.getBoolean("long_term"),
            rs.getString("expected_outcome"),
            rs.getString("status"),
            rs.getObject("completed_on", LocalDate.class),
            rs.getString("indicator_key"),
            rs.getString("indicator_params"),
            rs.getString("indicator_signoff_value"),
            DbTime.fromDb(rs.getObject("indicator_signoff_at", OffsetDateTime.class)),
            rs.getInt("version")
        };
    }

    List<ProgressRow> progress(long measureId) {
        return jdbc.sql("SELECT * FROM rect_progress WHERE measure_id = :m ORDER BY entry_date DESC, id DESC")
                .param("m", measureId)
                .query((rs, n) -> new ProgressRow(
                        rs.getLong("id"),
                        rs.getLong("measure_id"),
                        rs.getObject("entry_date", LocalDate.class),
                        rs.getString("text"),
                        rs.getString("author"),
                        DbTime.fromDb(rs.getObject("created_at", OffsetDateTime.class))))
                .list();
    }

    List<EvidenceRow> evidence(long measureId) {
        return jdbc.sql("""
                SELECT id, measure_id, progress_id, kind, name, content_type, size_bytes, url, author, created_at
                FROM rect_evidence WHERE measure_id = :m ORDER BY id""")
                .param("m", measureId)
                .query(LedgerRepository::evidenceRow)
                .list();
    }

    Optional<EvidenceRow> evidenceById(long id) {
        return jdbc.sql("""
                SELECT id, measure_id, progress_id, kind, name, content_type, size_bytes, url, author, created_at
                FROM rect_evidence WHERE id = :id""")
                .param("id", id)
                .query(LedgerRepository::evidenceRow)
                .optional();
    }

    byte[] evidenceContent(long id) {
        return jdbc.sql("SELECT content FROM rect_evidence WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElse(null);
    }

    List<ProblemEventRow> events(long problemId) {
        return jdbc.sql("SELECT * FROM rect_problem_event WHERE problem_id = :p ORDER BY id")
                .param("p", problemId)
                .query((rs, n) -> new ProblemEventRow(
                        rs.getLong("id"),
                        rs.getLong("problem_id"),
                        rs.getString("kind"),
                        rs.getString("from_status"),
                        rs.getString("to_status"),
                        rs.getString("text"),
                        rs.getString("actor"),
                        rs.getObject("event_date", LocalDate.class),
                        DbTime.fromDb(rs.getObject("created_at", OffsetDateTime.class))))
                .list();
    }

    List<AchievementRow> achievements(long inspectionId) {
        return jdbc.sql("SELECT * FROM rect_achievement WHERE inspection_id = :i ORDER BY kind, id")
                .param("i", inspectionId)
                .query((rs, n) -> {
                    long p = rs.getLong("problem_id");
                    Long pid = rs.wasNull() ? null : p;
                    return new AchievementRow(
                            rs.getLong("id"),
                            rs.getLong("inspection_id"),
                            pid,
                            rs.getString("kind"),
                            rs.getString("title"),
                            rs.getObject("issued_on", LocalDate.class));
                })
                .list();
    }

    /** Counts for the summary, in SQL (a ledger of 10,000 measures is not loaded for them). */
    record Counts(
            int categories,
            int problems,
            int signedOff,
            Map<String, Integer> problemsByStatus,
            Map<String, Integer> measuresByStatus,
            int overdue,
            int dueSoon) {}

    Counts counts(long inspectionId, Long scope, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("i", inspectionId);
        String measureScope = "";
        String problemScope = "";
        if (scope != null) {
            params.put("scope", scope);
            measureScope = MEASURE_IN_SCOPE;
            problemScope = PROBLEM_IN_SCOPE;
        }
        Map<String, Integer> problemsByStatus = new HashMap<>();
        java.util.Set<Long> categories = new java.util.HashSet<>();
        int[] t = new int[4]; // problems, signed off, overdue, due soon
        jdbc.sql("SELECT p.category_id, COALESCE(p.override_status, p.derived_status), p.signed_off FROM rect_problem p"
                        + " WHERE p.inspection_id = :i" + problemScope)
                .params(params)
                .query((ResultSet rs) -> {
                    categories.add(rs.getLong(1));
                    problemsByStatus.merge(rs.getString(2), 1, Integer::sum);
                    t[0]++;
                    t[1] += rs.getBoolean(3) ? 1 : 0;
                });
        Map<String, Integer> measuresByStatus = new HashMap<>();
        params.put("today", today);
        params.put("soon", WarningRule.dueSoonUntil(today));
        jdbc.sql("""
                SELECT m.status, COUNT(*),
                  SUM(CASE WHEN m.status <> 'COMPLETED' AND m.deadline < :today THEN 1 ELSE 0 END),
                  SUM(CASE WHEN m.status <> 'COMPLETED' AND m.deadline >= :today AND m.deadline <= :soon
                      THEN 1 ELSE 0 END)
                FROM rect_measure m WHERE m.inspection_id = :i""" + measureScope + " GROUP BY m.status").params(params).query((ResultSet rs) -> {
            measuresByStatus.put(rs.getString(1), rs.getInt(2));
            t[2] += rs.getInt(3);
            t[3] += rs.getInt(4);
        });
        int allCategories = scope == null
                ? jdbc.sql("SELECT COUNT(*) FROM rect_category WHERE inspection_id = :i")
                        .param("i", inspectionId)
                        .query(Integer.class)
                        .single()
                : categories.size();
        return new Counts(allCategories, t[0], t[1], problemsByStatus, measuresByStatus, t[2], t[3]);
    }

    /** Distinct lead departments and leaders of the inspection's measures in {@code scope} (filter choices). */
    List<String> distinct(long inspectionId, boolean departments, Long scope) {
        String col = departments ? "lead_department" : "responsible_leader";
        Map<String, Object> params = new HashMap<>();
        params.put("i", inspectionId);
        String where = "";
        if (scope != null) {
            params.put("scope", scope);
            where = MEASURE_IN_SCOPE;
        }
        return jdbc.sql("SELECT DISTINCT m." + col + " FROM rect_measure m WHERE m.inspection_id = :i AND m." + col
                        + " IS NOT NULL" + where + " ORDER BY m." + col)
                .params(params)
                .query(String.class)
                .list();
    }

    /** Measures in {@code scope} completed per day (progress over time). */
    Map<LocalDate, Long> completionsByDay(long inspectionId, Long scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("i", inspectionId);
        String where = "";
        if (scope != null) {
            params.put("scope", scope);
            where = MEASURE_IN_SCOPE;
        }
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT m.completed_on, COUNT(*) FROM rect_measure m WHERE m.inspection_id = :i"
                        + " AND m.completed_on IS NOT NULL" + where
                        + " GROUP BY m.completed_on ORDER BY m.completed_on")
                .params(params)
                .query((ResultSet rs) -> {
                    out.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        return out;
    }

    private static InspectionRow inspection(ResultSet rs, int n) throws SQLException {
        return new InspectionRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("inspecting_body"),
                InspectionKind.valueOf(rs.getString("kind")),
                rs.getString("period_text"),
                rs.getObject("feedback_date", LocalDate.class),
                rs.getString("organization"),
                rs.getString("report_title"),
                DbTime.fromDb(rs.getObject("created_at", OffsetDateTime.class)));
    }

    private static ProblemRow problem(ResultSet rs, int n) throws SQLException {
        String override = rs.getString("override_status");
        return new ProblemRow(
                rs.getLong("id"),
                rs.getLong("category_id"),
                rs.getInt("category_seq"),
                rs.getString("category_title"),
                rs.getInt("number"),
                rs.getString("title"),
                ProblemStatus.valueOf(rs.getString("derived_status")),
                override == null ? null : ProblemStatus.valueOf(override),
                rs.getString("override_justification"),
                rs.getString("override_by"),
                rs.getBoolean("signed_off"),
                rs.getString("signed_off_by"),
                rs.getObject("signed_off_on", LocalDate.class),
                rs.getString("signoff_opinion"),
                rs.getInt("reopen_count"),
                rs.getInt("version"));
    }

    private static EvidenceRow evidenceRow(ResultSet rs, int n) throws SQLException {
        long p = rs.getLong("progress_id");
        Long pid = rs.wasNull() ? null : p;
        long s = rs.getLong("size_bytes");
        Long size = rs.wasNull() ? null : s;
        return new EvidenceRow(
                rs.getLong("id"),
                rs.getLong("measure_id"),
                pid,
                rs.getString("kind"),
                rs.getString("name"),
                rs.getString("content_type"),
                size,
                rs.getString("url"),
                rs.getString("author"),
                DbTime.fromDb(rs.getObject("created_at", OffsetDateTime.class)));
    }
}
