package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One pickup of a trip as the trip's detail shows it: which producer, when, how much, and its flags (估重, far from
 * the producer, {@code routeFlag}: NOT_ON_ROUTE / OUTSIDE_WINDOW of the vehicle's route, or null).
 */
public record TripPickup(
        String deviceRecordId,
        long producerId,
        String producerName,
        Instant collectedAt,
        BigDecimal netKg,
        boolean estimated,
        boolean far,
        Double distanceM,
        String photoUrl,
        String routeFlag) {

    /** The route flag's Chinese label ({@code RouteRules.Flag}), or null when the pickup is on its route. */
    public String routeFlagLabel() {
        return routeFlag == null
                ? null
                : org.cityops.wastestream.collection.RouteRules.Flag.valueOf(routeFlag)
                        .label();
    }
}
