package org.cityops.wastestream.bulky;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** One centre's intake on one day, per storage area, against its capacity. */
public record Throughput(
        long centreId,
        String centreName,
        LocalDate day,
        Map<StorageArea, BigDecimal> kgByArea,
        BigDecimal totalKg,
        BigDecimal tonnes,
        BigDecimal capacityTonnes,
        BigDecimal utilisationPercent,
        boolean overCapacity) {}
