package org.cityops.wastestream.collection;

import java.math.BigDecimal;

/** A registered kitchen-waste collection vehicle (餐厨收运车) with its JT/T 808 terminal and rated load. */
public record WasteVehicle(
        long id,
        String plate,
        int plateColor,
        String terminal,
        BigDecimal ratedLoadKg,
        String company,
        String districtCode,
        String status) {

    /** Plates compared without spaces or the middle dot, upper case. */
    public static String normalizePlate(String plate) {
        return plate == null ? null : plate.replaceAll("[\\s·•.]", "").toUpperCase();
    }
}
