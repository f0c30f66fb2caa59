package org.cityops.cases;

import java.util.List;
import java.util.function.Consumer;

/**
 * The cases' own history (案卷 and 环节记录, and the SLA clock's 预警/超期 alerts) replayed as the
 * {@link CaseEvent}s it published: for a module that rebuilds what it keeps from the case events (a database older
 * than that module, or a projection to check). Read-only; the event log is not touched and no consumer is called.
 *
 * <p>Every case's events come in the order of its steps, alerts between the steps they came between, with the
 * same ids, times and codes as the live events, so facts derived from them have the same keys. The case's place,
 * category and channel are the case's (they do not change after intake); {@code supervised}, {@code inspector} and
 * {@code assignee} are what the steps up to the replayed one say; a 回访's satisfaction is the case's.
 */
public interface CaseHistory {

    /**
     * Replays every case's history in case id order, {@code casesPerBatch} cases at a time (a batch never splits
     * a case), each batch handed to {@code batch} in the caller's transaction.
     *
     * @return the number of cases replayed
     */
    long replay(int casesPerBatch, Consumer<List<CaseEvent>> batch);
}
