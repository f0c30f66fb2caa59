package org.cityops.assessment.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cityops.assessment.CaseFactSink;
import org.cityops.assessment.CaseStepFact;
import org.cityops.assessment.StepAction;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseEvent;
import org.cityops.cases.CaseEventConsumer;
import org.cityops.cases.CaseReported;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.cases.Satisfaction;
import org.cityops.catalog.ProcessStage;
import org.springframework.stereotype.Component;

/**
 * Keeps assessment's own record of the case history (its projection) from the cases module's domain events, a
 * consumer of its event log: delivered after the case's transaction commits, in order, and recorded in the same
 * transaction as this consumer's cursor, so a crash loses no step; the sink ignores a repeated event id, so a
 * replay would count once anyway.
 * The mapping from case actions to assessment step actions is the table in docs/assessment.md §1.
 */
@Component
class CaseRecordProjector implements CaseEventConsumer {

    private final CaseFactSink sink;

    CaseRecordProjector(CaseFactSink sink) {
        this.sink = sink;
    }

    @Override
    public String consumerName() {
        return "assessment.case-record";
    }

    @Override
    public void on(CaseEvent event) {
        if (event instanceof CaseReported e) {
            on(e);
        } else if (event instanceof CaseStepCompleted e) {
            on(e);
        } else if (event instanceof CaseDeadlineAlert e) {
            on(e);
        }
    }

    /**
     * 上报 by whoever took the case in (the inspector for channel INSPECTOR), and 受理 when a member of the centre
     * (an operator registering a call, ...) took it in.
     */
    void on(CaseReported e) {
        sink.recordAll(reported(e));
    }

    static List<CaseStepFact> reported(CaseReported e) {
        List<CaseStepFact> facts = new ArrayList<>(2);
        for (StepAction action : List.of(StepAction.REPORTED, StepAction.ACCEPTED)) {
            if (action == StepAction.ACCEPTED && !acceptedBy(e.role())) {
                continue;
            }
            facts.add(new CaseStepFact(
                    "cases:" + e.caseId() + ":" + action,
                    e.caseId(),
                    e.caseNumber(),
                    e.categoryCode(),
                    e.channel().name(),
                    e.gridCode(),
                    e.communityCode() != null ? e.communityCode() : prefix(e.gridCode(), 12),
                    e.streetCode() != null ? e.streetCode() : prefix(e.gridCode(), 9),
                    e.districtCode(),
                    null,
                    action,
                    e.actor(),
                    e.role(),
                    null,
                    e.channel() == CaseChannel.INSPECTOR ? e.actor() : null,
                    e.reportedAt(),
                    null,
                    null,
                    null,
                    e.channel() == CaseChannel.LEADER,
                    e.channel() == CaseChannel.MEDIA,
                    false,
                    null,
                    null));
        }
        return facts;
    }

    /** A centre member took the case in (受理); inspectors' own reports, the public and the platform do not. */
    static boolean acceptedBy(String role) {
        return role != null && !List.of("INSPECTOR", "PUBLIC", "SYSTEM").contains(role);
    }

    void on(CaseStepCompleted e) {
        List<CaseStepFact> facts = new ArrayList<>(2);
        for (StepAction action : actionsOf(e.action(), e.stage())) {
            facts.add(fact(e, action));
        }
        if (!facts.isEmpty()) {
            sink.recordAll(facts);
        }
    }

    /** 超期: the SLA clock's expiry alert for the handling stage is the OVERDUE fact. */
    void on(CaseDeadlineAlert e) {
        if (!e.overdue() || e.stage() != ProcessStage.HANDLE) {
            return;
        }
        sink.record(new CaseStepFact(
                "cases:" + e.caseId() + ":OVERDUE:" + e.dueAt().toEpochMilli(),
                e.caseId(),
                e.caseNumber(),
                e.categoryCode(),
                e.channel() == null ? "UNKNOWN" : e.channel().name(),
                e.gridCode(),
                e.communityCode(),
                e.streetCode(),
                e.districtCode(),
                e.departmentCode(),
                StepAction.OVERDUE,
                null,
                "SYSTEM",
                null,
                null,
                e.at(),
                e.dueAt(),
                false,
                false,
                e.channel() == CaseChannel.LEADER,
                e.channel() == CaseChannel.MEDIA,
                false,
                null,
                null));
    }

    static List<StepAction> actionsOf(CaseAction action) {
        return actionsOf(action, null);
    }

    /** {@code stage}: the time limit the step answered (ASSIGN_INSPECTOR: VERIFY = 派发核实, CHECK = 派发核查). */
    static List<StepAction> actionsOf(CaseAction action, ProcessStage stage) {
        switch (action) {
            case ASSIGN_INSPECTOR:
                return List.of(stage == ProcessStage.CHECK ? StepAction.CHECK_ASSIGNED : StepAction.VERIFY_ASSIGNED);
            case VERIFY:
                return List.of(StepAction.VERIFIED);
            case FILE:
                return List.of(StepAction.FILED);
            case REJECT:
                return List.of(StepAction.VOIDED);
            case DISPATCH:
                return List.of(StepAction.DISPATCHED);
            case REPORT_HANDLED:
                return List.of(StepAction.HANDLED);
            case CHECK_PASS:
                return List.of(StepAction.CHECKED);
            case CHECK_FAIL:
                return List.of(StepAction.CHECKED, StepAction.REWORK);
            case CLOSE:
                return List.of(StepAction.CLOSED);
            case VISIT:
                return List.of(StepAction.RETURN_VISIT);
            case RETURN:
                return List.of(StepAction.RETURNED);
            case APPROVE_EXTENSION:
                return List.of(StepAction.EXTENDED);
            case SUSPEND:
                return List.of(StepAction.SUSPENDED);
            case RESUME:
                return List.of(StepAction.RESUMED);
            case SUPERVISE:
                return List.of(StepAction.SUPERVISED);
            case MERGE:
                return List.of(StepAction.MERGED);
            default:
                // ACCEPT (签收), REQUEST_/DENY_EXTENSION, REQUEST_/REFUSE_SUSPEND: no indicator counts them
                return List.of();
        }
    }

    private static CaseStepFact fact(CaseStepCompleted e, StepAction action) {
        String eventId = "cases:" + e.caseId() + ":" + e.action() + ":" + action + ":"
                + e.actedAt().truncatedTo(ChronoUnit.MICROS);
        Integer satisfaction = e.satisfaction() == null ? null : score(e.satisfaction());
        return new CaseStepFact(
                eventId,
                e.caseId(),
                e.caseNumber(),
                e.categoryCode(),
                channel(e.channel()),
                e.gridCode(),
                e.communityCode(),
                e.streetCode(),
                e.districtCode(),
                e.departmentCode(),
                action,
                e.actor(),
                e.role(),
                assignee(e, action),
                e.reporter(),
                e.actedAt(),
                e.dueAt(),
                e.dueAt() == null ? null : e.onTime(),
                action == StepAction.HANDLED
                        ? Boolean.valueOf(e.onTime())
                        : action == StepAction.CLOSED ? e.handledByDeadline() : null,
                e.channel() == CaseChannel.LEADER,
                e.channel() == CaseChannel.MEDIA,
                e.supervised(),
                satisfaction,
                e.note());
    }

    /**
     * Who the fact is held against: the dispatcher for RETURNED and REWORK (准确派遣), the grid's supervisor for
     * FILED (漏报 when the case did not come from that supervisor).
     */
    static String assignee(CaseStepCompleted e, StepAction action) {
        return action == StepAction.RETURNED
                        || action == StepAction.REWORK
                        || action == StepAction.FILED
                        || action == StepAction.VERIFY_ASSIGNED
                        || action == StepAction.CHECK_ASSIGNED
                ? e.assignee()
                : null;
    }

    private static String channel(CaseChannel channel) {
        return channel == null ? "UNKNOWN" : channel.name();
    }

    /** 满意 100, 基本满意 60, 不满意 0 (docs/assessment.md). */
    static int score(Satisfaction s) {
        switch (s) {
            case SATISFIED:
                return 100;
            case BASICALLY_SATISFIED:
                return 60;
            default:
                return 0;
        }
    }

    private static String prefix(String code, int length) {
        return code == null || code.length() < length ? null : code.substring(0, length);
    }
}
