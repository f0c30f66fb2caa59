package org.cityops.assessment.internal.model;

import java.time.Instant;

/** What one case did with one department inside a period (one row per case and department). */
public record DeptTally(
        long caseId,
        String caseNumber,
        String department,
        String district,
        long dispatches,
        Instant handledAt,
        boolean handledAllByDeadline,
        Instant overdueAt,
        Instant closedAt,
        long reworks,
        long extensions,
        long returns,
        boolean leaderAssigned,
        boolean mediaExposed,
        long satisfactionSum,
        long satisfactionN) {

    public boolean handled() {
        return handledAt != null;
    }

    /** 超期: handled late, or the deadline passed and nothing was handled after it. */
    public boolean overdue() {
        return (handled() && !handledAllByDeadline) || overdueUnhandled();
    }

    public boolean overdueUnhandled() {
        return overdueAt != null && (handledAt == null || handledAt.isBefore(overdueAt));
    }

    public Counters count() {
        Counters c = new Counters();
        c.add(C.ASSIGNED, dispatches);
        boolean overdueUnhandled = overdueUnhandled();
        if (handled()) {
            c.inc(C.HANDLED);
            c.inc(handledAllByDeadline ? C.HANDLED_BY_DEADLINE : C.HANDLED_LATE);
        }
        if (overdueUnhandled) {
            c.inc(C.OVERDUE_UNHANDLED);
        }
        if (handled() || overdueUnhandled) {
            c.inc(C.SHOULD_HANDLE);
        }
        boolean closed = closedAt != null;
        boolean overdueOpen = overdueAt != null && (closedAt == null || closedAt.isBefore(overdueAt));
        if (closed) {
            c.inc(C.CLOSED);
        }
        if (closed || overdueOpen) {
            c.inc(C.SHOULD_CLOSE);
        }
        c.add(C.REWORK, reworks);
        c.add(C.EXTENDED, extensions);
        c.add(C.RETURNED, returns);
        if (overdue() && (leaderAssigned || mediaExposed)) {
            c.inc(C.OVERDUE_LEADER_MEDIA);
        }
        c.add(C.SATISFACTION_SUM, satisfactionSum);
        c.add(C.SATISFACTION_N, satisfactionN);
        return c;
    }
}
