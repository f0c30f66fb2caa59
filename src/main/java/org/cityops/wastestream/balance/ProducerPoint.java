package org.cityops.wastestream.balance;

import java.time.LocalDate;

/** A producer on the supervision map: where it is and how it stands by its last collection. */
public record ProducerPoint(
        long id,
        String name,
        String category,
        String districtCode,
        double lat,
        double lon,
        LocalDate lastPickup,
        CollectionState state,
        String stateLabel) {}
