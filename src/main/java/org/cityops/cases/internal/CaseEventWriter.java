package org.cityops.cases.internal;

import org.cityops.cases.CaseEvent;

/** Where a step's case event goes in the step's transaction: the case event log ({@link CaseEventLog}). */
@FunctionalInterface
interface CaseEventWriter {

    void append(CaseEvent event);
}
