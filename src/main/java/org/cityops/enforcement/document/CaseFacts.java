package org.cityops.enforcement.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a case document is filled from, read from the case file when the document is drafted. {@code partyId} is
 * the full number: a 决定书 (and every document served on the party) carries the party's full identity; lists and
 * pages mask it, documents do not.
 *
 * @param stepDates the day of each step taken (the latest when taken more than once), by step label
 */
public record CaseFacts(
        String authority,
        String caseNumber,
        String source,
        String sourceCaseNumber,
        String partyKind,
        String partyName,
        String partyId,
        String partyPhone,
        String itemName,
        String clause,
        String basis,
        String penaltyKind,
        String description,
        String address,
        LocalDate discoveredOn,
        String handler,
        String tier,
        BigDecimal fine,
        String stage,
        Map<String, LocalDate> stepDates,
        LocalDate today) {

    public CaseFacts {
        stepDates = Map.copyOf(stepDates);
    }
}
