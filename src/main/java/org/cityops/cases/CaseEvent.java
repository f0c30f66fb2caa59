package org.cityops.cases;

/**
 * A case event that other modules consume durably through {@link CaseEventConsumer}: written once to the cases
 * module's event log in the step's transaction and delivered after commit, in order, to every consumer.
 */
public sealed interface CaseEvent permits CaseReported, CaseStepCompleted, CaseDeadlineAlert {

    /** The case the event is about. */
    long caseId();
}
