package org.cityops.stats.internal;

import java.time.Instant;
import java.util.List;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.catalog.ProcessStage;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statistics' list of overdue cases (超期案件), from the SLA clock's expiry of the handling stage; a case's
 * 结案 closes its entry. A replayed alert or close changes nothing.
 */
@Component
public class OverdueCases {

    private final JdbcClient jdbc;

    OverdueCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One overdue case as the report lists it. */
    public record Overdue(
            long caseId,
            String caseNumber,
            Instant dueAt,
            Instant overdueAt,
            Instant closedAt,
            String districtCode,
            String streetCode,
            String gridCode,
            String categoryCode,
            String departmentCode) {}

    void expired(CaseDeadlineAlert e) {
        if (!e.overdue() || e.stage() != ProcessStage.HANDLE) {
            return;
        }
        int reopened = jdbc.sql("UPDATE stats_overdue_case SET due_at = :due, overdue_at = :at, closed_at = NULL "
                        + "WHERE case_id = :id AND closed_at IS NOT NULL AND overdue_at < :at")
                .param("id", e.caseId())
                .param("due", DbTime.toDb(e.dueAt()))
                .param("at", DbTime.toDb(e.at()))
                .update();
        if (reopened > 0) {
            return;
        }
        jdbc.sql("INSERT INTO stats_overdue_case (case_id, case_number, due_at, overdue_at, district_code, "
                        + "street_code, grid_code, category_code, department_code) VALUES (:id, :number, :due, :at, "
                        + ":district, :street, :grid, :category, :department) ON CONFLICT DO NOTHING")
                .param("id", e.caseId())
                .param("number", e.caseNumber())
                .param("due", DbTime.toDb(e.dueAt()))
                .param("at", DbTime.toDb(e.at()))
                .param("district", nz(e.districtCode()))
                .param("street", nz(e.streetCode()))
                .param("grid", nz(e.gridCode()))
                .param("category", nz(e.categoryCode()))
                .param("department", nz(e.departmentCode()))
                .update();
    }

    /** Forgets the list (a rebuild from the case history makes it again). */
    void clear() {
        jdbc.sql("DELETE FROM stats_overdue_case").update();
    }

    void closed(long caseId, Instant at) {
        jdbc.sql("UPDATE stats_overdue_case SET closed_at = :at WHERE case_id = :id AND closed_at IS NULL "
                        + "AND overdue_at <= :at")
                .param("id", caseId)
                .param("at", DbTime.toDb(at))
                .update();
    }

    /**
     * Cases inside {@code area} (a code prefix, "" = city) that were overdue at {@code at} and not closed by then,
     * the longest overdue first.
     */
    public List<Overdue> openAt(String area, String department, Instant at, int limit) {
        return jdbc.sql("SELECT * FROM stats_overdue_case WHERE grid_code LIKE :area AND overdue_at <= :at "
                        + "AND (closed_at IS NULL OR closed_at > :at)"
                        + (department == null ? "" : " AND department_code = :department")
                        + " ORDER BY due_at, case_id LIMIT :limit")
                .param("area", (area == null ? "" : area) + "%")
                .param("at", DbTime.toDb(at))
                .params(department == null ? java.util.Map.of() : java.util.Map.of("department", department))
                .param("limit", limit)
                .query((rs, i) -> new Overdue(
                        rs.getLong("case_id"),
                        rs.getString("case_number"),
                        time(rs, "due_at"),
                        time(rs, "overdue_at"),
                        time(rs, "closed_at"),
                        rs.getString("district_code"),
                        rs.getString("street_code"),
                        rs.getString("grid_code"),
                        rs.getString("category_code"),
                        rs.getString("department_code")))
                .list();
    }

    private static Instant time(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(col, java.time.OffsetDateTime.class);
        return t == null ? null : DbTime.fromDb(t);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
