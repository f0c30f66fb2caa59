package org.cityops.enforcement.file;

import java.time.LocalDate;
import org.cityops.enforcement.party.PartyKind;

/**
 * What opens an enforcement case: directly (巡查发现, 投诉, 交办) or from a 12319 case ({@code sourceCaseNumber},
 * source TRANSFER).
 */
public record NewEnforcementCase(
        CaseSource source,
        String sourceCaseNumber,
        PartyKind partyKind,
        String partyName,
        String partyId,
        String partyPhone,
        String itemCode,
        String description,
        double lat,
        double lon,
        String address,
        LocalDate discoveredOn,
        LocalDate violationEndedOn,
        boolean lifeSafety) {}
