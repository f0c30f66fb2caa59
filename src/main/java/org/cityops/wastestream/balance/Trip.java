package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trip (趟次): a vehicle's pickups between two plant visits, closed by the weighbridge receipt of the second
 * visit. {@code gapKg} = weighed − collected; {@code deviation} = gap ÷ weighed (collected when nothing was
 * weighed), null for a trip still open.
 */
public record Trip(
        String plate,
        Instant firstPickup,
        Instant lastPickup,
        String receiptNo,
        Instant weighedAt,
        int pickups,
        BigDecimal collectedKg,
        BigDecimal weighedKg,
        BigDecimal gapKg,
        Double deviation,
        TripStatus status) {}
