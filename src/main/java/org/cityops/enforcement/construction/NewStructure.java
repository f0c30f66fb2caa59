package org.cityops.enforcement.construction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A structure to register (the API's body and the demo's input). */
public record NewStructure(
        StructureKind kind,
        StructureStatus status,
        FoundBy foundBy,
        String sourceCaseNumber,
        Long enforcementCaseId,
        String partyName,
        String address,
        List<double[]> outline,
        BigDecimal areaM2,
        LocalDate foundOn,
        String note) {}
