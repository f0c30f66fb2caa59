package org.cityops.cases;

import java.time.Instant;
import org.cityops.catalog.ProcessStage;

/**
 * The SLA clock raised a warning: {@code overdue=false} at 80% of a step's time limit (预警), {@code true} at
 * expiry (超期). Sent to the responsible department's queue and the dispatchers. It carries the case's channel,
 * category and area codes, so a listener can file the alert where the case's steps are.
 */
public record CaseDeadlineAlert(
        long caseId,
        String caseNumber,
        ProcessStage stage,
        String departmentCode,
        Instant dueAt,
        boolean overdue,
        Instant at,
        CaseChannel channel,
        String categoryCode,
        String gridCode,
        String communityCode,
        String streetCode,
        String districtCode)
        implements CaseEvent {}
