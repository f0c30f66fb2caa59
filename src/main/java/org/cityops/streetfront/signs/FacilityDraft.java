package org.cityops.streetfront.signs;

import java.time.LocalDate;

/** A facility as entered or imported, not yet checked. Position in WGS-84 degrees. */
public record FacilityDraft(
        String code,
        String name,
        String facilityClass,
        String kind,
        String ownerName,
        String ownerCreditCode,
        String address,
        Double lat,
        Double lon,
        Double widthM,
        Double heightM,
        String permitNo,
        LocalDate permitFrom,
        LocalDate permitTo,
        String permitConditions) {}
