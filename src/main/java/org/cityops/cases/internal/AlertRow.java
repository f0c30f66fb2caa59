package org.cityops.cases.internal;

import java.time.Instant;

/** An SLA alert (预警 WARNING at 80% of the limit, 超期 OVERDUE at expiry) as shown in queues. */
public record AlertRow(
        long caseId,
        String caseNumber,
        String kind,
        String stage,
        Instant dueAt,
        Instant raisedAt,
        String statusLabel) {}
