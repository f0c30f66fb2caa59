package org.cityops.cases.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cityops.cases.CaseStatus;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public read side of Open311 GeoReport v2 ({@code GET requests}): public fields only, paged. */
@Service
@Transactional(readOnly = true)
public class Open311Requests {

    /** One service request as Open311 shows it. */
    public record Request(String serviceRequestId, boolean open, String statusNotes, String serviceName,
            String serviceCode, String description, String agencyResponsible, Instant requested, Instant updated,
            Instant expected, String address, double lat, double lon, Long mergedIntoId) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    Open311Requests(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /**
     * @param ids          case numbers (overrides every other filter when not empty)
     * @param serviceCodes category codes
     * @param open         null: any; true: open; false: closed
     */
    public List<Request> find(List<String> ids, List<String> serviceCodes, Instant start, Instant end, Boolean open,
            int page, int pageSize) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (ids != null && !ids.isEmpty()) {
            where.append(" AND case_number IN (:ids)");
            p.put("ids", ids);
        } else {
            if (serviceCodes != null && !serviceCodes.isEmpty()) {
                where.append(" AND category_code IN (:codes)");
                p.put("codes", serviceCodes);
            }
            if (start != null) {
                where.append(" AND created_at >= :start");
                p.put("start", DbTime.toDb(start));
            }
            if (end != null) {
                where.append(" AND created_at <= :end");
                p.put("end", DbTime.toDb(end));
            }
            if (open != null) {
                where.append(open ? " AND status NOT IN ('CLOSED','VISITED','REJECTED','MERGED')"
                        : " AND status IN ('CLOSED','VISITED','REJECTED','MERGED')");
            }
        }
        Map<Long, String> departments = org.departments().stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name, (a, b) -> a));
        return jdbc.sql("SELECT case_number, status, category_name, category_code, description, department_id,"
                + " created_at, updated_at, due_at, address, lat, lon, merged_into FROM city_case" + where
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", pageSize).param("offset", (long) page * pageSize)
                .query((rs, n) -> {
                    CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
                    long d = rs.getLong("department_id");
                    String agency = rs.wasNull() ? null : departments.get(d);
                    long m = rs.getLong("merged_into");
                    Long merged = rs.wasNull() ? null : m;
                    return new Request(rs.getString("case_number"), status.isOpen(), status.label(),
                            rs.getString("category_name"), rs.getString("category_code"), rs.getString("description"),
                            agency, CaseRepository.time(rs, "created_at"), CaseRepository.time(rs, "updated_at"),
                            status.isOpen() ? CaseRepository.time(rs, "due_at") : null, rs.getString("address"),
                            rs.getDouble("lat"), rs.getDouble("lon"), merged);
                }).list();
    }
}
