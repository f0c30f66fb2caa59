package org.cityops.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cityops.cases.CaseStatus;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.OrgUnitView;
import org.cityops.org.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转办信息: cases lying in a district (or street) whose routing sent them to another department (a city-level
 * 专业部门, another bureau). The district's own department (区城管局, 街道) sees them read-only, so it knows what
 * happens on its ground; it cannot act on them (its data scope stays 本部门). Only a department whose org unit is
 * a district or street has such a list; a city-level department's ground is the whole city and nothing is 转办 to it.
 */
@Service
@Transactional(readOnly = true)
public class TransferredCases {

    /** One 转办 case, as the queue's information list shows it (no link to act on). */
    public record Row(
            long id,
            String caseNumber,
            CaseStatus status,
            String categoryName,
            String address,
            String streetName,
            String departmentName,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    TransferredCases(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /** The ground (district or street) of the caller's department, when it has one. */
    Optional<OrgUnitView> groundOf(StaffMember who) {
        if (who.scope() != DataScope.DEPARTMENT || who.departmentId() == null) {
            return Optional.empty();
        }
        return org.department(who.departmentId())
                .map(DepartmentView::orgUnitCode)
                .flatMap(org::unit)
                .filter(u -> u.kind() == OrgUnitKind.DISTRICT || u.kind() == OrgUnitKind.STREET);
    }

    /** The 转办 cases of the caller's ground, open ones first, then the newest; empty for other callers. */
    public List<Row> of(StaffMember who, int limit) {
        Optional<OrgUnitView> ground = groundOf(who);
        if (ground.isEmpty()) {
            return List.of();
        }
        String area = ground.get().kind() == OrgUnitKind.DISTRICT ? "district_code" : "street_code";
        Map<Long, String> names = org.departments().stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name, (a, b) -> a));
        return jdbc.sql("SELECT id, case_number, status, category_name, address, street_name, department_id, created_at"
                        + " FROM city_case WHERE " + area + " = :ground"
                        + " AND department_id IS NOT NULL AND department_id <> :dept"
                        + " ORDER BY is_open DESC, created_at DESC, id DESC LIMIT :limit")
                .param("ground", ground.get().code())
                .param("dept", who.departmentId())
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("case_number"),
                        CaseStatus.valueOf(rs.getString("status")),
                        rs.getString("category_name"),
                        rs.getString("address"),
                        rs.getString("street_name"),
                        names.get(rs.getLong("department_id")),
                        CaseRepository.time(rs, "created_at")))
                .list();
    }
}
