package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.time.Instant;

/** A pickup reported farther from its producer than the configured distance: where the ledger and the truck disagree. */
public record FarPickup(
        String deviceRecordId,
        String producerName,
        String districtCode,
        String plate,
        Instant collectedAt,
        BigDecimal netKg,
        double distanceM) {}
