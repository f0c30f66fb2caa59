package org.cityops.cases.internal;

import java.time.Instant;

/** When a step's time limit runs out, and when the 80% warning falls due. Both null: no limit. */
record Due(Instant dueAt, Instant warnAt) {

    static final Due NONE = new Due(null, null);
}
