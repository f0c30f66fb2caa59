package org.cityops.wastestream.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A kitchen-waste producer (餐厨废弃物产生单位) in the ledger, placed in its grid and district. */
public record Producer(
        long id,
        String creditCode,
        String name,
        String foodLicence,
        String address,
        double lat,
        double lon,
        String gridCode,
        String districtCode,
        ProducerCategory category,
        String categoryLabel,
        BigDecimal expectedKgDay,
        String collector,
        LocalDate contractFrom,
        LocalDate contractTo) {

    /** 已签约: a collection contract in force on {@code day}. */
    public boolean signedOn(LocalDate day) {
        return contractFrom != null && !day.isBefore(contractFrom) && !day.isAfter(contractTo);
    }
}
