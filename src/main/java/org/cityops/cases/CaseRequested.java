package org.cityops.cases;

/**
 * Another module asks for a case (channel ALERT unless it names another), e.g. the construction-waste platform for
 * a violation, or the 网络舆情 duty officer for an item (channel MEDIA).
 * Published as a domain event; the cases module opens the case and answers with {@link CaseOpened}.
 *
 * @param sourceModule e.g. {@code muck}
 * @param sourceRef    the requester's own id for the thing (an alarm id), echoed back in {@link CaseOpened}
 * @param categoryCode a code {@link org.cityops.catalog.Catalog#resolve} accepts
 * @param channel      the case's 来源 (null = ALERT, the default for module findings)
 */
public record CaseRequested(
        String sourceModule,
        String sourceRef,
        String categoryCode,
        String description,
        double lat,
        double lon,
        String address,
        String evidence,
        CaseChannel channel) {

    /** A request for an ALERT-channel case (module findings). */
    public CaseRequested(
            String sourceModule,
            String sourceRef,
            String categoryCode,
            String description,
            double lat,
            double lon,
            String address,
            String evidence) {
        this(sourceModule, sourceRef, categoryCode, description, lat, lon, address, evidence, CaseChannel.ALERT);
    }
}
