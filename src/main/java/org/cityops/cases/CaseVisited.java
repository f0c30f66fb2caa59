package org.cityops.cases;

import java.time.Instant;

/** 回访 with the citizen's satisfaction; {@code reopened} when 不满意 sent it back to the department. */
public record CaseVisited(long caseId, String caseNumber, Satisfaction satisfaction, boolean reopened, Instant at) {}
