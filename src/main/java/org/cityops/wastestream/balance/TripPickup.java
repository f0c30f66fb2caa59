package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.time.Instant;

/** One pickup of a trip as the trip's detail shows it: which producer, when, how much, and its flags. */
public record TripPickup(
        String deviceRecordId,
        long producerId,
        String producerName,
        Instant collectedAt,
        BigDecimal netKg,
        boolean estimated,
        boolean far,
        Double distanceM,
        String photoUrl) {}
