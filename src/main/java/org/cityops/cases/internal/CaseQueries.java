package org.cityops.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.catalog.Urgency;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.ScopeColumns;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists, role queues, the open-cases map and duplicate suggestions, always inside the caller's data scope. */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    static final int COUNT_CAP = 10_000;
    public static final int MAX_PAGE = 500;

    private static final String COLUMNS = """
            id, case_number, status, channel, category_code, category_name, urgency, district_code, district_name,
            street_name, department_id, due_at, overdue, warned, supervised, lat, lon, address, created_at, inspector""";

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;

    CaseQueries(JdbcClient jdbc, OrgDirectory org, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
    }

    public CasePage list(CaseFilter f, StaffMember who, int page, int size) {
        return list(f, who, page, size, null, null);
    }

    /**
     * @param inspector   only the 核实 / 核查 tasks sent to this inspector (null: no such filter)
     * @param tasksFirstOf the tasks of this inspector first, then the rest (null: deadline order only)
     */
    private CasePage list(CaseFilter f, StaffMember who, int page, int size, String inspector, String tasksFirstOf) {
        size = Math.max(1, Math.min(MAX_PAGE, size));
        page = Math.max(0, page);
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ");
        where.append(scope(who, p));
        if (inspector != null) {
            where.append(" AND inspector = :inspector AND status IN ('PENDING_VERIFY', 'HANDLED')");
            p.put("inspector", inspector);
        }
        Instant now = clock.instant();
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" AND status IN (:statuses)");
            p.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.categoryCode() != null) {
            where.append(" AND category_code = :cat");
            p.put("cat", f.categoryCode());
        }
        if (f.districtCode() != null) {
            where.append(" AND district_code = :district");
            p.put("district", f.districtCode());
        }
        if (f.departmentId() != null) {
            where.append(" AND department_id = :deptFilter");
            p.put("deptFilter", f.departmentId());
        }
        if (f.channel() != null) {
            where.append(" AND channel = :channel");
            p.put("channel", f.channel().name());
        }
        if (f.from() != null) {
            where.append(" AND created_at >= :from");
            p.put("from", DbTime.toDb(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND created_at < :to");
            p.put("to", DbTime.toDb(f.to()));
        }
        if (f.number() != null) {
            where.append(" AND case_number = :number");
            p.put("number", f.number());
        }
        if (f.overdue() != null) {
            p.put("now", DbTime.toDb(now));
            where.append(
                    f.overdue()
                            ? " AND is_open = TRUE AND status <> 'SUSPENDED' AND (overdue = TRUE OR due_at < :now)"
                            : " AND NOT (is_open = TRUE AND status <> 'SUSPENDED' AND (overdue = TRUE OR due_at < :now))");
        }
        String order = f.statuses() != null
                        && !f.statuses().isEmpty()
                        && f.statuses().stream().allMatch(CaseStatus::isOpen)
                ? " ORDER BY due_at, id"
                : " ORDER BY created_at DESC, id DESC";
        if (tasksFirstOf != null) {
            p.put("me", tasksFirstOf);
            order = " ORDER BY CASE WHEN inspector = :me AND status IN ('PENDING_VERIFY', 'HANDLED') THEN 0 ELSE 1 END,"
                    + order.substring(" ORDER BY".length());
        }
        List<CaseRow> rows = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM city_case" + where + order + " LIMIT :limit OFFSET :offset")
                .params(p)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> row(rs, now))
                .list();
        long total = jdbc.sql(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM city_case" + where + " LIMIT " + (COUNT_CAP + 1) + ") t")
                .params(p)
                .query(Long.class)
                .single();
        return new CasePage(withDepartments(rows), page, size, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    /** The statuses in which a role has something to do (from the transition table). */
    public static Set<CaseStatus> queueStatuses(Set<Role> roles) {
        Set<CaseStatus> out = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            Set<CaseAction> can = TransitionPolicy.available(s, roles);
            can.remove(CaseAction.SUPERVISE);
            if (!can.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** A role's work queue: the cases waiting for it, most urgent deadline first. */
    public CasePage queue(StaffMember who, int page, int size) {
        return queue(who, false, page, size);
    }

    /**
     * A role's work queue: the cases waiting for it, most urgent deadline first. For an inspector the 核实 / 核查
     * tasks sent to it come first (我的任务); {@code mine}: only those.
     */
    public CasePage queue(StaffMember who, boolean mine, int page, int size) {
        Set<CaseStatus> statuses = queueStatuses(who.roles());
        boolean inspector = who.roles().contains(Role.INSPECTOR);
        if (mine) {
            if (!inspector) {
                return new CasePage(List.of(), page, size, 0, false);
            }
            return list(
                    new CaseFilter(
                            EnumSet.of(CaseStatus.PENDING_VERIFY, CaseStatus.HANDLED),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    who,
                    page,
                    size,
                    who.username(),
                    null);
        }
        if (who.roles().contains(Role.LEADER)) {
            return list(new CaseFilter(null, null, null, null, true, null, null, null, null), who, page, size);
        }
        if (statuses.isEmpty()) {
            return new CasePage(List.of(), page, size, 0, false);
        }
        return list(
                new CaseFilter(statuses, null, null, null, null, null, null, null, null),
                who,
                page,
                size,
                null,
                inspector ? who.username() : null);
    }

    /** Open cases inside a bounding box (for the map), at most {@code limit}. */
    public List<CaseRow> openInBox(StaffMember who, double south, double west, double north, double east, int limit) {
        Map<String, Object> p = new HashMap<>();
        String scope = scope(who, p);
        Instant now = clock.instant();
        return withDepartments(jdbc.sql(
                        "SELECT " + COLUMNS + " FROM city_case WHERE " + scope
                                + " AND is_open = TRUE AND lat BETWEEN :s AND :n AND lon BETWEEN :w AND :e ORDER BY due_at LIMIT :limit")
                .params(p)
                .param("s", south)
                .param("n", north)
                .param("w", west)
                .param("e", east)
                .param("limit", Math.max(1, Math.min(limit, 5000)))
                .query((rs, i) -> row(rs, now))
                .list());
    }

    /**
     * Open cases of the same category within {@code radiusMeters} and {@code window} of a point: candidates for
     * MERGE (重复上报). Uses a lat/lon box on the index, then the exact distance.
     */
    public List<CaseRow> duplicatesOf(
            long caseId,
            long categoryId,
            double lat,
            double lon,
            Instant createdAt,
            double radiusMeters,
            java.time.Duration window,
            StaffMember who) {
        Map<String, Object> p = new HashMap<>();
        String scope = scope(who, p);
        double dLat = radiusMeters / 111_320.0;
        double dLon = radiusMeters / (111_320.0 * Math.max(0.1, Math.cos(Math.toRadians(lat))));
        Instant now = clock.instant();
        List<CaseRow> near = jdbc.sql("SELECT " + COLUMNS + " FROM city_case WHERE " + scope
                        + " AND category_id = :cat AND is_open = TRUE AND id <> :id AND status <> 'MERGED'"
                        + " AND created_at >= :since AND lat BETWEEN :s AND :n AND lon BETWEEN :w AND :e"
                        + " ORDER BY created_at LIMIT 50")
                .params(p)
                .param("cat", categoryId)
                .param("id", caseId)
                .param("since", DbTime.toDb(createdAt.minus(window)))
                .param("s", lat - dLat)
                .param("n", lat + dLat)
                .param("w", lon - dLon)
                .param("e", lon + dLon)
                .query((rs, i) -> row(rs, now))
                .list();
        return withDepartments(near.stream()
                .filter(r -> meters(lat, lon, r.lat(), r.lon()) <= radiusMeters)
                .toList());
    }

    static double meters(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_000;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }

    /** The data-scope condition of every query (数据权限). */
    static String scope(StaffMember who, Map<String, Object> p) {
        return scope(who, p, "");
    }

    /** The same, with the case table's alias (e.g. {@code "c."}). */
    static String scope(StaffMember who, Map<String, Object> p, String t) {
        return CaseScope.filter(who).sql(CASE_COLUMNS.alias(t), p);
    }

    /** Where a case is placed for data scope: grid (and its district and street codes), department, reporter. */
    private static final ScopeColumns CASE_COLUMNS =
            new ScopeColumns("grid_code", "district_code", "street_code", "department_id", "reporter_username");

    private static CaseRow row(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        Instant due = CaseRepository.time(rs, "due_at");
        long d = rs.getLong("department_id");
        Long dept = rs.wasNull() ? null : d;
        boolean overdue = status.isOpen()
                && status != CaseStatus.SUSPENDED
                && (rs.getBoolean("overdue") || due != null && now.isAfter(due));
        return new CaseRow(
                rs.getLong("id"),
                rs.getString("case_number"),
                status,
                status.label(),
                CaseChannel.valueOf(rs.getString("channel")),
                rs.getString("category_code"),
                rs.getString("category_name"),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("district_code"),
                rs.getString("district_name"),
                rs.getString("street_name"),
                dept,
                null,
                due,
                overdue,
                rs.getBoolean("warned"),
                rs.getBoolean("supervised"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("address"),
                CaseRepository.time(rs, "created_at"),
                rs.getString("inspector"));
    }

    private List<CaseRow> withDepartments(List<CaseRow> rows) {
        if (rows.stream().allMatch(r -> r.departmentId() == null)) {
            return rows;
        }
        Map<Long, String> names = org.departments().stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name, (a, b) -> a));
        List<CaseRow> out = new ArrayList<>(rows.size());
        for (CaseRow r : rows) {
            out.add(
                    r.departmentId() == null
                            ? r
                            : new CaseRow(
                                    r.id(),
                                    r.caseNumber(),
                                    r.status(),
                                    r.statusLabel(),
                                    r.channel(),
                                    r.categoryCode(),
                                    r.categoryName(),
                                    r.urgency(),
                                    r.districtCode(),
                                    r.districtName(),
                                    r.streetName(),
                                    r.departmentId(),
                                    names.get(r.departmentId()),
                                    r.deadline(),
                                    r.overdue(),
                                    r.warned(),
                                    r.supervised(),
                                    r.lat(),
                                    r.lon(),
                                    r.address(),
                                    r.createdAt(),
                                    r.inspector()));
        }
        return out;
    }

    /**
     * The SLA alert box: the latest alert (预警 or 超期) of each case in the caller's queue, once per case. Only cases
     * waiting for one of the caller's roles (the statuses of its queue; a leader's queue is every open case of its
     * scope), inside its data scope.
     */
    public List<AlertRow> alerts(StaffMember who, int limit) {
        Map<String, Object> p = new HashMap<>();
        String scope = scope(who, p, "c.");
        String statuses = "";
        if (!who.roles().contains(Role.LEADER) && !who.isSystem()) {
            Set<CaseStatus> queue = queueStatuses(who.roles());
            if (queue.isEmpty()) {
                return List.of();
            }
            p.put("queueStatuses", queue.stream().map(Enum::name).toList());
            statuses = " AND c.status IN (:queueStatuses)";
        }
        return jdbc.sql("""
                SELECT a.case_id, c.case_number, a.kind, a.stage, a.due_at, a.raised_at, c.status
                FROM case_alert a JOIN city_case c ON c.id = a.case_id
                WHERE c.is_open = TRUE
                  AND NOT EXISTS (SELECT 1 FROM case_alert later WHERE later.case_id = a.case_id AND later.id > a.id)""" + statuses + " AND " + scope + " ORDER BY a.id DESC LIMIT :limit")
                .params(p)
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new AlertRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        CaseRepository.time(rs, "due_at"),
                        CaseRepository.time(rs, "raised_at"),
                        CaseStatus.valueOf(rs.getString(7)).label()))
                .list();
    }
}
