package org.cityops.stats.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of one batch of a rebuild from the case history, worked out in memory the way {@link RollupStore}
 * records live facts one at a time: a repeated fact counts once, and a 结案 takes each of the case's 超期未结 back
 * out. Exact only under the replay's two promises: the batch holds every event of each of its cases, in order, and
 * the fact table holds none of them yet (the rebuild cleared it; fact ids carry the case id).
 */
final class RebuildBatch {

    private RebuildBatch() {}

    /** The facts to insert, in order: the first of each id, and the closings a 结案 brings. */
    static List<Fact> of(List<Fact> replayed) {
        Set<String> seen = new HashSet<>();
        Map<Long, List<Fact>> openOverdue = new HashMap<>();
        List<Fact> out = new ArrayList<>(replayed.size());
        for (Fact f : replayed) {
            if (!seen.add(f.id())) {
                continue;
            }
            out.add(f);
            if (f.measure() == Measure.OVERDUE_OPEN && f.delta() == 1) {
                openOverdue.computeIfAbsent(f.caseId(), k -> new ArrayList<>()).add(f);
            } else if (f.measure() == Measure.CLOSED) {
                for (Fact open : openOverdue.getOrDefault(f.caseId(), List.of())) {
                    Fact closing = open.closedAgain();
                    if (seen.add(closing.id())) {
                        out.add(closing);
                    }
                }
                openOverdue.remove(f.caseId());
            }
        }
        return out;
    }
}
