package org.cityops.sanitation.fleet;

/** A registered sanitation vehicle; {@code workBit} is the JT/T 808 status bit its model sets while working. */
public record SanitationVehicle(
        long id,
        String plate,
        int plateColor,
        String terminal,
        VehicleType type,
        String typeLabel,
        int workBit,
        String company,
        String districtCode,
        String status) {}
