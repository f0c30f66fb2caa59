package org.cityops.muck.engine;

/** What the engine knows of a registered vehicle. */
public record VehicleProfile(
        long id, String terminal, String plate, Long companyId, Double ratedVolumeM3, String districtCode) {}
