package org.cityops.cases;

/**
 * Another module asks for a case (channel ALERT), e.g. the construction-waste platform for a violation.
 * Published as a domain event; the cases module opens the case and answers with {@link CaseOpened}.
 *
 * @param sourceModule e.g. {@code muck}
 * @param sourceRef    the requester's own id for the thing (an alarm id), echoed back in {@link CaseOpened}
 * @param categoryCode a code {@link org.cityops.catalog.Catalog#resolve} accepts
 */
public record CaseRequested(
        String sourceModule,
        String sourceRef,
        String categoryCode,
        String description,
        double lat,
        double lon,
        String address,
        String evidence) {}
