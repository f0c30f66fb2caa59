package org.cityops.assessment.internal.model;

import java.time.Instant;

/** What one case did inside a period, as the area indicators need it (one row per case). */
public record AreaTally(
        long caseId,
        String caseNumber,
        String grid,
        String community,
        String street,
        String district,
        String channel,
        boolean filed,
        boolean merged,
        Instant suspendedAt,
        Instant resumedAt,
        Instant closedAt,
        boolean closedByDeadline,
        Instant overdueAt,
        long satisfactionSum,
        long satisfactionN) {

    /** The counts this case adds to each area it lies in. The rules are written out in docs/assessment.md. */
    public Counters count() {
        Counters c = new Counters();
        boolean suspendedAtEnd = suspendedAt != null && (resumedAt == null || resumedAt.isBefore(suspendedAt));
        if (filed) {
            c.inc(C.FILED);
            if (suspendedAtEnd) {
                c.inc(C.SUSPENDED_AT_END);
            }
            if (!suspendedAtEnd && !merged) {
                c.inc(C.FILED_NET);
            }
            if (!"INSPECTOR".equals(channel)) {
                c.inc(C.PUBLIC_FILED);
            }
        }
        boolean closed = closedAt != null;
        boolean overdueOpen = overdueAt != null && (closedAt == null || closedAt.isBefore(overdueAt));
        if (closed) {
            c.inc(C.CLOSED);
            if (closedByDeadline) {
                c.inc(C.CLOSED_BY_DEADLINE);
            }
        }
        if (overdueOpen) {
            c.inc(C.OVERDUE_OPEN);
        }
        if (closed || overdueOpen) {
            c.inc(C.SHOULD_CLOSE);
        }
        c.add(C.SATISFACTION_SUM, satisfactionSum);
        c.add(C.SATISFACTION_N, satisfactionN);
        return c;
    }

    public String codeFor(SubjectType type) {
        return switch (type) {
            case DISTRICT -> district;
            case STREET -> street;
            case COMMUNITY -> community;
            case GRID -> grid;
            default -> null;
        };
    }
}
