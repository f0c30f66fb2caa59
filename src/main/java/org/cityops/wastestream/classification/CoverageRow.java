package org.cityops.wastestream.classification;

import java.math.BigDecimal;

/**
 * Coverage of one district, or of one area type (key URBAN/RURAL), against its target: units, covered, 混投 units,
 * the rate in percent (2 decimals, null without units).
 */
public record CoverageRow(
        String key,
        String name,
        AreaType areaType,
        long units,
        long covered,
        long mixed,
        BigDecimal ratePercent,
        BigDecimal targetPercent,
        boolean meetsTarget) {}
