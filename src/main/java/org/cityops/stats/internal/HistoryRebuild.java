package org.cityops.stats.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
            List<Fact> replayed = new ArrayList<>();
            Set<Long> overdueInBatch = new HashSet<>();
            for (CaseEvent e : batch) {
                events[0]++;
                replayed.addAll(apply(e, overdueInBatch));
            }
            facts[0] += store.recordRebuilt(replayed);
        });
        return new Result(cases, events[0], facts[0], store.rebuild());
    }

    /**
     * The same handling as {@code CaseEventsListener}, without the roll-up updates and the wall's signal; the facts
     * are recorded per batch. The overdue list is touched only for the cases that went overdue (a batch holds all
     * of a case's events, and the list was cleared), not by every 结案.
     */
    private List<Fact> apply(CaseEvent event, Set<Long> overdueInBatch) {
        if (event instanceof CaseReported e) {
            return StepFacts.of(e);
        } else if (event instanceof CaseStepCompleted e) {
            if (e.action() == CaseAction.CLOSE && overdueInBatch.contains(e.caseId())) {
                overdue.closed(e.caseId(), e.actedAt());
            }
            return StepFacts.of(e);
        } else if (event instanceof CaseDeadlineAlert e) {
            if (e.overdue()) {
                overdueInBatch.add(e.caseId());
            }
            overdue.expired(e);
            return StepFacts.of(e);
        }
        return List.of();
    }
}
