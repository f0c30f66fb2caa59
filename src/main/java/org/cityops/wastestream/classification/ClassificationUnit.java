package org.cityops.wastestream.classification;

import java.time.LocalDate;
import java.util.Map;

/** A residential community or unit of the classification ledger, with its latest inspection and coverage. */
public record ClassificationUnit(
        long id,
        String code,
        String name,
        UnitKind kind,
        String kindLabel,
        String address,
        double lat,
        double lon,
        String gridCode,
        String districtCode,
        String districtName,
        AreaType areaType,
        Map<WasteClass, Integer> bins,
        LocalDate lastInspectedOn,
        Map<WasteClass, Finding> lastFindings,
        boolean covered,
        boolean mixed) {}
