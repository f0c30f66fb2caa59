package org.cityops.stats.internal;

import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseReported;
import org.cityops.cases.CaseStepCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the roll-up from the cases module's events. Listeners run after the case's transaction commits and stay
 * in the event publication registry until they complete (a crash loses no step); the fact ids make a replay
 * count once. Each new fact is announced as {@link RollupChanged} for the wallboard.
 */
@Component
class CaseEventsListener {

    private final RollupStore store;
    private final OverdueCases overdue;
    private final ApplicationEventPublisher events;

    CaseEventsListener(RollupStore store, OverdueCases overdue, ApplicationEventPublisher events) {
        this.store = store;
        this.overdue = overdue;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(CaseReported e) {
        changed(store.record(StepFacts.of(e)), e.caseId(), e.districtCode());
    }

    @ApplicationModuleListener
    void on(CaseStepCompleted e) {
        if (e.action() == CaseAction.CLOSE) {
            overdue.closed(e.caseId(), e.actedAt());
        }
        changed(store.record(StepFacts.of(e)), e.caseId(), e.districtCode());
    }

    @ApplicationModuleListener
    void on(CaseDeadlineAlert e) {
        overdue.expired(e);
        changed(store.record(StepFacts.of(e)), e.caseId(), e.districtCode());
    }

    private void changed(int n, long caseId, String district) {
        if (n > 0) {
            events.publishEvent(new RollupChanged(caseId, district));
        }
    }
}
