package org.cityops.wastestream.bulky;

import java.math.BigDecimal;

/** A bulky-waste sorting centre; {@code capacitySynthetic} marks a demo capacity that is not from the seed. */
public record Centre(
        long id,
        String name,
        String districtCode,
        String districtName,
        String address,
        BigDecimal capacityTonnesDay,
        boolean capacitySynthetic,
        String materials,
        int slotCapacity) {}
