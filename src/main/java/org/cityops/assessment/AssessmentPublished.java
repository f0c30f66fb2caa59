package org.cityops.assessment;

import java.time.LocalDate;

/**
 * 考核结果公布: a period's locked version was published, in the transaction that publishes it. The districts'
 * places are read with {@link PublishedRankings#ofPeriod}.
 */
public record AssessmentPublished(long periodId, LocalDate from, LocalDate to, int version) {}
