package org.cityops.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseEvent;
import org.cityops.cases.CaseHistory;
import org.cityops.cases.CaseReported;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.catalog.ProcessStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the case tables in batches of cases (keyset on the case id) and rebuilds the events of their steps. */
@Component
class CaseHistoryReplay implements CaseHistory {

    private final JdbcClient jdbc;
    private final CaseViews views;

    CaseHistoryReplay(JdbcClient jdbc, CaseViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    /** One row of {@code case_alert}. */
    record Alert(String kind, ProcessStage stage, Long departmentId, Instant dueAt, Instant raisedAt) {}

    @Override
    @Transactional(readOnly = true)
    public long replay(int casesPerBatch, Consumer<List<CaseEvent>> batch) {
        if (casesPerBatch < 1) {
            throw new IllegalArgumentException("casesPerBatch < 1");
        }
        Map<Long, String> departments = new HashMap<>();
        long after = Long.MIN_VALUE;
        long replayed = 0;
        while (true) {
            List<Case> cases = jdbc.sql("SELECT * FROM city_case WHERE id > :after ORDER BY id LIMIT :n")
                    .param("after", after)
                    .param("n", casesPerBatch)
                    .query(CaseRepository::map)
                    .list();
            if (cases.isEmpty()) {
                return replayed;
            }
            long lo = cases.get(0).id;
            long hi = cases.get(cases.size() - 1).id;
            Map<Long, List<StepRecord>> steps = new HashMap<>();
            jdbc.sql("SELECT * FROM case_step WHERE case_id BETWEEN :lo AND :hi ORDER BY case_id, id")
                    .param("lo", lo)
                    .param("hi", hi)
                    .query(rs -> {
                        steps.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                                .add(CaseRepository.step(rs));
                    });
            Map<Long, List<Alert>> alerts = new HashMap<>();
            jdbc.sql("SELECT * FROM case_alert WHERE case_id BETWEEN :lo AND :hi ORDER BY case_id, raised_at, id")
                    .param("lo", lo)
                    .param("hi", hi)
                    .query(rs -> {
                        String stage = rs.getString("stage");
                        long d = rs.getLong("department_id");
                        Long dept = rs.wasNull() ? null : d;
                        alerts.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                                .add(new Alert(
                                        rs.getString("kind"),
                                        stage == null ? null : ProcessStage.valueOf(stage),
                                        dept,
                                        CaseRepository.time(rs, "due_at"),
                                        CaseRepository.time(rs, "raised_at")));
                    });
            List<CaseEvent> events = new ArrayList<>();
            for (Case c : cases) {
                events.addAll(eventsOf(
                        c,
                        steps.getOrDefault(c.id, List.of()),
                        alerts.getOrDefault(c.id, List.of()),
                        id -> departments.computeIfAbsent(id, views::departmentCode)));
            }
            batch.accept(events);
            replayed += cases.size();
            after = hi;
        }
    }

    /** The events one case published, from its steps and alerts (alerts before a step acted after them). */
    static List<CaseEvent> eventsOf(
            Case c, List<StepRecord> steps, List<Alert> alerts, java.util.function.Function<Long, String> dept) {
        List<CaseEvent> out = new ArrayList<>(steps.size() + alerts.size());
        int a = 0;
        boolean supervised = false;
        String inspector = null;
        String dispatcher = null;
        Boolean handledOnTime = null;
        for (StepRecord s : steps) {
            while (a < alerts.size() && alerts.get(a).raisedAt().isBefore(s.actedAt())) {
                out.add(alert(c, alerts.get(a++), dept));
            }
            if ("INTAKE".equals(s.action())) {
                out.add(new CaseReported(
                        c.id,
                        c.number,
                        c.channel,
                        c.categoryCode,
                        c.gridCode,
                        c.districtCode,
                        s.actedAt(),
                        s.actor(),
                        s.role(),
                        c.communityCode,
                        c.streetCode));
                continue;
            }
            CaseAction action = action(s.action());
            if (action == null) {
                continue;
            }
            switch (action) {
                case SUPERVISE -> supervised = true;
                case ASSIGN_INSPECTOR -> inspector = s.inspector();
                case REPORT_HANDLED -> handledOnTime = s.onTime();
                default -> {}
            }
            String assignee = action == CaseAction.ASSIGN_INSPECTOR || action == CaseAction.FILE
                    ? s.inspector()
                    : (action == CaseAction.RETURN || action == CaseAction.CHECK_FAIL ? dispatcher : null);
            out.add(new CaseStepCompleted(
                    c.id,
                    c.number,
                    action,
                    s.stage(),
                    s.from(),
                    s.to(),
                    s.actor(),
                    s.role(),
                    s.departmentId() == null ? null : dept.apply(s.departmentId()),
                    c.districtCode,
                    c.gridCode,
                    s.dueAt(),
                    s.actedAt(),
                    s.onTime(),
                    c.categoryCode,
                    c.channel,
                    c.communityCode,
                    c.streetCode,
                    c.channel == CaseChannel.INSPECTOR ? c.reporterUsername : null,
                    supervised,
                    action == CaseAction.VISIT ? c.satisfaction : null,
                    s.note(),
                    assignee,
                    inspector,
                    action == CaseAction.CLOSE ? handledOnTime : null));
            if (action == CaseAction.DISPATCH) {
                dispatcher = s.actor();
            }
        }
        while (a < alerts.size()) {
            out.add(alert(c, alerts.get(a++), dept));
        }
        return out;
    }

    private static CaseDeadlineAlert alert(Case c, Alert a, java.util.function.Function<Long, String> dept) {
        return new CaseDeadlineAlert(
                c.id,
                c.number,
                a.stage(),
                a.departmentId() == null ? null : dept.apply(a.departmentId()),
                a.dueAt(),
                "OVERDUE".equals(a.kind()),
                a.raisedAt(),
                c.channel,
                c.categoryCode,
                c.gridCode,
                c.communityCode,
                c.streetCode,
                c.districtCode);
    }

    private static CaseAction action(String name) {
        for (CaseAction a : CaseAction.values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
