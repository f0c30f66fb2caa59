package org.cityops.cases;

/**
 * How another module takes the case events ({@link CaseReported}, {@link CaseStepCompleted},
 * {@link CaseDeadlineAlert}) durably: declare a bean implementing this interface. The cases module writes each
 * event once to its event log in the step's transaction and, after commit, calls every consumer with the events
 * in the order they were committed (so a case's events arrive in the order of its steps). Each consumer has its
 * own cursor, moved in the same transaction as {@link #on}, so what the consumer writes with the platform's
 * {@code DataSource} and the cursor commit together: after a crash, a restart or an exception the consumer gets
 * exactly the events it has not yet committed, from the first one that failed. A consumer that keeps failing on
 * an event stops there (logged) and retries on every poll; the other consumers go on.
 */
public interface CaseEventConsumer {

    /**
     * The name its cursor is kept under: stable across releases (renaming it starts the consumer again from the
     * oldest event still in the log).
     */
    String consumerName();

    /** Handles one event inside the delivery's transaction; an exception rolls back this batch. */
    void on(CaseEvent event);
}
