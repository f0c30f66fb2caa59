package org.cityops.cases;

import java.time.Instant;

/**
 * A case was taken in (受理) from any channel.
 *
 * @param actor username of who took it in (the inspector for channel INSPECTOR, the operator for a hotline
 *              call, the reporter's name for public channels, {@code system} for ALERT)
 * @param role  the role it was taken in: INSPECTOR, OPERATOR, SHIFT_LEADER, DISPATCHER, LEADER, PUBLIC or SYSTEM
 */
public record CaseReported(
        long caseId,
        String caseNumber,
        CaseChannel channel,
        String categoryCode,
        String gridCode,
        String districtCode,
        Instant reportedAt,
        String actor,
        String role,
        String communityCode,
        String streetCode)
        implements CaseEvent {}
