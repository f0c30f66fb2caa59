package org.cityops.assessment;

import java.util.List;

/**
 * Where case steps enter the assessment module. Idempotent on {@link CaseStepFact#eventId()}: sending a fact
 * twice records it once. Joins the caller's transaction if there is one.
 */
public interface CaseFactSink {

    /** @return true if recorded, false if a fact with this eventId was already there */
    boolean record(CaseStepFact fact);

    /** Records many facts in one batch; returns how many were new. */
    int recordAll(List<CaseStepFact> facts);
}
