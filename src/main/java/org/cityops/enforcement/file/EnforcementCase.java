package org.cityops.enforcement.file;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.cityops.enforcement.party.PartyIds;
import org.cityops.enforcement.party.PartyKind;
import org.cityops.enforcement.procedure.CaseFile;
import org.cityops.enforcement.procedure.ClockKind;
import org.cityops.enforcement.procedure.ProcedureEvent;
import org.cityops.enforcement.procedure.ProcedureSettings;
import org.cityops.enforcement.procedure.Stage;

/** One 行政处罚案件 as stored: who, what, where, and the stage derived from its events. */
public record EnforcementCase(
        long id,
        String caseNumber,
        CaseSource source,
        String sourceCaseNumber,
        PartyKind partyKind,
        String partyName,
        String partyId,
        String partyPhone,
        String itemCode,
        String itemName,
        String description,
        double lat,
        double lon,
        String address,
        String gridCode,
        String districtCode,
        LocalDate discoveredOn,
        LocalDate violationEndedOn,
        boolean lifeSafety,
        String handler,
        Stage stage,
        String tier,
        BigDecimal fine,
        ClockKind nextClock,
        LocalDate nextDueOn,
        Instant createdAt,
        int version) {

    public String maskedPartyId() {
        return PartyIds.masked(partyKind, partyId);
    }

    /** The procedural state, folded from the events. */
    public CaseFile file(ProcedureSettings settings, java.util.List<ProcedureEvent> events) {
        return CaseFile.replay(
                discoveredOn, violationEndedOn, lifeSafety, partyKind == PartyKind.UNIT, settings, events);
    }
}
