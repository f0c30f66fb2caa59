package org.cityops.cases.internal;

import java.time.Instant;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseClosed;
import org.cityops.cases.CaseDispatched;
import org.cityops.cases.CaseEvent;
import org.cityops.cases.CaseFiled;
import org.cityops.cases.CaseReported;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.cases.CaseVisited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The domain events of a case's steps, in the step's transaction: {@link CaseReported} for an intake and
 * {@link CaseStepCompleted} for every later step go to the case event log (one row each, delivered after commit
 * to every {@code CaseEventConsumer}) and are published in-process too; the step's own event (立案, 派遣, 结案,
 * 回访) is published in-process only.
 */
@Component
class StepEvents {

    private final ApplicationEventPublisher events;
    private final CaseEventWriter eventLog;
    private final CaseRepository cases;

    StepEvents(ApplicationEventPublisher events, CaseEventWriter eventLog, CaseRepository cases) {
        this.events = events;
        this.eventLog = eventLog;
        this.cases = cases;
    }

    private void logged(CaseEvent event) {
        eventLog.append(event);
        events.publishEvent(event);
    }

    /** 上报/受理: a case was taken in by {@code actor} acting as {@code role}. */
    void reported(Case c, String actor, String role, Instant now) {
        logged(new CaseReported(
                c.id,
                c.number,
                c.channel,
                c.categoryCode,
                c.gridCode,
                c.districtCode,
                now,
                actor,
                role,
                c.communityCode,
                c.streetCode));
    }

    /** A step after the intake; {@code dept}: the code of the step's department, if any. */
    void completed(Case c, StepRecord step, String dept, Instant now) {
        CaseAction action = CaseAction.valueOf(step.action());
        String assignee = action == CaseAction.ASSIGN_INSPECTOR || action == CaseAction.FILE
                ? step.inspector()
                : assignee(c, action);
        logged(new CaseStepCompleted(
                c.id,
                c.number,
                action,
                step.stage(),
                step.from(),
                step.to(),
                step.actor(),
                step.role(),
                dept,
                c.districtCode,
                c.gridCode,
                step.dueAt(),
                step.actedAt(),
                step.onTime(),
                c.categoryCode,
                c.channel,
                c.communityCode,
                c.streetCode,
                c.channel == CaseChannel.INSPECTOR ? c.reporterUsername : null,
                c.supervised,
                action == CaseAction.VISIT ? c.satisfaction : null,
                step.note(),
                assignee,
                c.inspector,
                action == CaseAction.CLOSE ? lastHandlingOnTime(c) : null));
        switch (action) {
            case FILE -> events.publishEvent(new CaseFiled(c.id, c.number, c.categoryCode, c.districtCode, now));
            case DISPATCH -> events.publishEvent(new CaseDispatched(c.id, c.number, dept, c.dueAt, now));
            case CLOSE ->
                events.publishEvent(
                        new CaseClosed(c.id, c.number, dept, c.districtCode, c.reworkCount, c.lateSteps == 0, now));
            case VISIT ->
                events.publishEvent(
                        new CaseVisited(c.id, c.number, c.satisfaction, c.status == CaseStatus.DISPATCHED, now));
            default -> {}
        }
    }

    /**
     * Who a step is held against, beyond its actor: a return or a failed check against the dispatcher of the
     * (last) dispatch (准确派遣). (A filing is held against the supervisor responsible for the case's grid, 漏报:
     * the FILE step itself records that inspector.)
     */
    private String assignee(Case c, CaseAction action) {
        if (action == CaseAction.RETURN || action == CaseAction.CHECK_FAIL) {
            return cases.steps(c.id).stream()
                    .filter(s -> CaseAction.DISPATCH.name().equals(s.action()))
                    .reduce((first, second) -> second)
                    .map(StepRecord::actor)
                    .orElse(null);
        }
        return null;
    }

    private Boolean lastHandlingOnTime(Case c) {
        return cases.steps(c.id).stream()
                .filter(s -> CaseAction.REPORT_HANDLED.name().equals(s.action()))
                .reduce((first, second) -> second)
                .map(StepRecord::onTime)
                .orElse(null);
    }
}
