package org.cityops.stats.internal;

import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseEvent;
import org.cityops.cases.CaseHistory;
import org.cityops.cases.CaseReported;
import org.cityops.cases.CaseStepCompleted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the statistics from the cases' own history ({@link CaseHistory}): forgets the recorded facts and the
 * overdue list, turns every replayed event into facts exactly as the live listener does ({@link StepFacts}, the
 * same ids), then recomputes every roll-up from the facts. One transaction: readers see the old numbers until it
 * commits.
 */
@Component
public class HistoryRebuild {

    /** Cases read and turned into facts per batch. */
    static final int CASES_PER_BATCH = 500;

    private final CaseHistory history;
    private final RollupStore store;
    private final OverdueCases overdue;

    HistoryRebuild(CaseHistory history, RollupStore store, OverdueCases overdue) {
        this.history = history;
        this.store = store;
        this.overdue = overdue;
    }

    /** What a rebuild did. */
    public record Result(long cases, long events, long facts, int rollupRows) {}

    @Transactional
    public Result rebuild() {
        store.clearFacts();
        overdue.clear();
        long[] events = {0};
        long[] facts = {0};
        long cases = history.replay(CASES_PER_BATCH, batch -> {
            for (CaseEvent e : batch) {
                events[0]++;
                facts[0] += apply(e);
            }
        });
        return new Result(cases, events[0], facts[0], store.rebuild());
    }

    /** The same handling as {@code CaseEventsListener}, without the roll-up updates and the wall's signal. */
    private int apply(CaseEvent event) {
        if (event instanceof CaseReported e) {
            return store.recordFactsOnly(StepFacts.of(e));
        } else if (event instanceof CaseStepCompleted e) {
            if (e.action() == CaseAction.CLOSE) {
                overdue.closed(e.caseId(), e.actedAt());
            }
            return store.recordFactsOnly(StepFacts.of(e));
        } else if (event instanceof CaseDeadlineAlert e) {
            overdue.expired(e);
            return store.recordFactsOnly(StepFacts.of(e));
        }
        return 0;
    }
}
