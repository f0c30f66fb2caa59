package org.cityops.stats.internal;

import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseEvent;
import org.cityops.cases.CaseEventConsumer;
import org.cityops.cases.CaseReported;
import org.cityops.cases.CaseStepCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Feeds the roll-up from the cases module's events, a consumer of its event log: delivered after the case's
 * transaction commits, in order, and recorded in the same transaction as this consumer's cursor (a crash loses
 * no step and repeats none); the fact ids would make a replay count once anyway. Each new fact is announced as
 * {@link RollupChanged} for the wallboard.
 */
@Component
class CaseEventsListener implements CaseEventConsumer {

    private final RollupStore store;
    private final OverdueCases overdue;
    private final ApplicationEventPublisher events;

    CaseEventsListener(RollupStore store, OverdueCases overdue, ApplicationEventPublisher events) {
        this.store = store;
        this.overdue = overdue;
        this.events = events;
    }

    @Override
    public String consumerName() {
        return "stats.case-rollup";
    }

    @Override
    public void on(CaseEvent event) {
        if (event instanceof CaseReported e) {
            changed(store.record(StepFacts.of(e)), e.caseId(), e.districtCode());
        } else if (event instanceof CaseStepCompleted e) {
            if (e.action() == CaseAction.CLOSE) {
                overdue.closed(e.caseId(), e.actedAt());
            }
            changed(store.record(StepFacts.of(e)), e.caseId(), e.districtCode());
        } else if (event instanceof CaseDeadlineAlert e) {
            overdue.expired(e);
            changed(store.record(StepFacts.of(e)), e.caseId(), e.districtCode());
        }
    }

    private void changed(int n, long caseId, String district) {
        if (n > 0) {
            events.publishEvent(new RollupChanged(caseId, district));
        }
    }
}
