package org.cityops.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.catalog.ProcessStage;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A case as a member of staff sees it: its history, photos, alerts and the actions open to that member. */
@Component
class CaseViews {

    private final CaseRepository cases;
    private final CasePhotos photos;
    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseViews(CaseRepository cases, CasePhotos photos, OrgDirectory org, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.photos = photos;
        this.org = org;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Reads the history and photos; no scope check (the caller made it). */
    CaseView of(Case c, StaffMember who) {
        return of(c, who, cases.steps(c.id), photos.idsOf(c.id));
    }

    /** From what the caller already holds (a case just changed: its steps and photos are known). */
    CaseView of(Case c, StaffMember who, List<StepRecord> steps, List<Long> photoIds) {
        return of(c, who, steps, photoIds, alerts(c.id));
    }

    /** The same with the case's alerts known too (none for a case just taken in). */
    CaseView of(Case c, StaffMember who, List<StepRecord> steps, List<Long> photoIds, List<CaseView.Alert> alerts) {
        Instant now = clock.instant();
        DepartmentView dept =
                c.departmentId == null ? null : org.department(c.departmentId).orElse(null);
        Set<CaseAction> actions = TransitionPolicy.available(c.status, who.roles());
        if (who.roles().contains(Role.HANDLER)
                && (who.departmentId() == null || !who.departmentId().equals(c.departmentId))) {
            actions.removeIf(a -> TransitionPolicy.rule(a).roles().equals(Set.of(Role.HANDLER)));
        }
        List<CaseView.Step> history = steps.stream()
                .map(s -> new CaseView.Step(
                        s.action(),
                        label(s.action()),
                        s.stage(),
                        s.from(),
                        s.to(),
                        s.actor(),
                        s.actorName(),
                        s.role(),
                        s.departmentId(),
                        s.startedAt(),
                        s.dueAt(),
                        s.actedAt(),
                        s.onTime(),
                        s.note(),
                        s.inspector()))
                .toList();
        return new CaseView(
                c.id,
                c.number,
                c.status,
                c.status.label(),
                c.channel,
                c.categoryCode,
                c.categoryName,
                c.urgency,
                c.description,
                c.lat,
                c.lon,
                c.address,
                c.gridCode,
                c.communityCode,
                c.streetCode,
                c.streetName,
                c.districtCode,
                c.districtName,
                c.departmentId,
                dept == null ? null : dept.code(),
                dept == null ? null : dept.name(),
                c.stage,
                c.dueAt,
                c.warnAt,
                c.overdueAt(now),
                c.warned || c.warnAt != null && c.status.isOpen() && now.isAfter(c.warnAt),
                c.supervised,
                c.supervisionNote,
                c.reworkCount,
                c.returnCount,
                c.extensionCount,
                c.requestedExtensionHours,
                c.lateSteps,
                c.satisfaction,
                c.mergedInto,
                c.reporterName,
                c.reporterPhone,
                c.createdAt,
                c.updatedAt,
                c.closedAt,
                c.version,
                actions,
                history,
                photoIds,
                c.inspector,
                c.resumeExpected,
                alerts);
    }

    private List<CaseView.Alert> alerts(long caseId) {
        return jdbc.sql("""
                SELECT kind, stage, department_id, due_at, raised_at FROM case_alert WHERE case_id = :c ORDER BY id""")
                .param("c", caseId)
                .query((rs, n) -> {
                    long d = rs.getLong("department_id");
                    String dept = rs.wasNull() ? null : departmentCode(d);
                    String stage = rs.getString("stage");
                    return new CaseView.Alert(
                            rs.getString("kind"),
                            stage == null ? null : ProcessStage.valueOf(stage),
                            dept,
                            CaseRepository.time(rs, "due_at"),
                            CaseRepository.time(rs, "raised_at"));
                })
                .list();
    }

    /** The Chinese name of a step's action (受理 for the intake step). */
    static String label(String action) {
        if ("INTAKE".equals(action)) {
            return "受理";
        }
        try {
            return CaseAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }

    String departmentCode(Long id) {
        return id == null ? null : org.department(id).map(DepartmentView::code).orElse(null);
    }
}
