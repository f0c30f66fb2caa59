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

/**
 * The public read side of Open311 GeoReport v2 ({@code GET requests}): cases from public channels only
 * ({@link PublicChannels}), public fields only, the description and address with phone and ID numbers masked
 * ({@link PersonalDataMasker}), paged.
 */
@Service
@Transactional(readOnly = true)
public class Open311Requests {

    /**
     * One service request as Open311 shows it; {@code status}, the district and street names and the number of
     * the case it was merged into feed {@code extensions=true}.
     */
    public record Request(
            String serviceRequestId,
            CaseStatus status,
            String serviceName,
            String serviceCode,
            String description,
            String agencyResponsible,
            Instant requested,
            Instant updated,
            Instant expected,
            String address,
            double lat,
            double lon,
            String districtName,
            String streetName,
            String mergedInto) {

        public boolean open() {
            return status.isOpen();
        }

        public String statusNotes() {
            return status.label();
        }
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final PublicChannels channels;

    Open311Requests(JdbcClient jdbc, OrgDirectory org, PublicChannels channels) {
        this.jdbc = jdbc;
        this.org = org;
        this.channels = channels;
    }

    /**
     * @param ids          case numbers (overrides every other filter when not empty)
     * @param serviceCodes category codes
     * @param open         null: any; true: open; false: closed
     */
    public List<Request> find(
            List<String> ids,
            List<String> serviceCodes,
            Instant start,
            Instant end,
            Boolean open,
            int page,
            int pageSize) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE c.channel IN (:public)");
        p.put("public", channels.names());
        if (ids != null && !ids.isEmpty()) {
            where.append(" AND c.case_number IN (:ids)");
            p.put("ids", ids);
        } else {
            if (serviceCodes != null && !serviceCodes.isEmpty()) {
                where.append(" AND c.category_code IN (:codes)");
                p.put("codes", serviceCodes);
            }
            if (start != null) {
                where.append(" AND c.created_at >= :start");
                p.put("start", DbTime.toDb(start));
            }
            if (end != null) {
                where.append(" AND c.created_at <= :end");
                p.put("end", DbTime.toDb(end));
            }
            if (open != null) {
                where.append(
                        open
                                ? " AND c.status NOT IN ('CLOSED','VISITED','REJECTED','MERGED')"
                                : " AND c.status IN ('CLOSED','VISITED','REJECTED','MERGED')");
            }
        }
        Map<Long, String> departments = org.departments().stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name, (a, b) -> a));
        return jdbc.sql("SELECT c.case_number, c.status, c.category_name, c.category_code, c.description,"
                        + " c.department_id, c.created_at, c.updated_at, c.due_at, c.address, c.lat, c.lon, c.district_name,"
                        + " c.street_name, m.case_number AS merged_number FROM city_case c"
                        + " LEFT JOIN city_case m ON m.id = c.merged_into AND m.channel IN (:public)" + where
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .params(p)
                .param("limit", pageSize)
                .param("offset", (long) page * pageSize)
                .query((rs, n) -> {
                    CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
                    long d = rs.getLong("department_id");
                    String agency = rs.wasNull() ? null : departments.get(d);
                    return new Request(
                            rs.getString("case_number"),
                            status,
                            rs.getString("category_name"),
                            rs.getString("category_code"),
                            PersonalDataMasker.mask(rs.getString("description")),
                            agency,
                            CaseRepository.time(rs, "created_at"),
                            CaseRepository.time(rs, "updated_at"),
                            status.isOpen() ? CaseRepository.time(rs, "due_at") : null,
                            PersonalDataMasker.mask(rs.getString("address")),
                            rs.getDouble("lat"),
                            rs.getDouble("lon"),
                            rs.getString("district_name"),
                            rs.getString("street_name"),
                            rs.getString("merged_number"));
                })
                .list();
    }
}
