package org.cityops.streetfront.signs;

import java.time.Instant;
import java.time.LocalDate;

/** One 户外广告/招牌设施 of the ledger (一牌一档) with its permit and inspection state. */
public record Facility(
        long id,
        String code,
        String name,
        FacilityClass facilityClass,
        String facilityClassLabel,
        FacilityKind kind,
        String kindLabel,
        String ownerName,
        String ownerCreditCode,
        String address,
        double lat,
        double lon,
        double widthM,
        double heightM,
        double areaM2,
        boolean large,
        String gridCode,
        String streetCode,
        String districtCode,
        String permitNo,
        LocalDate permitFrom,
        LocalDate permitTo,
        String permitConditions,
        PermitStatus permitStatus,
        String permitStatusLabel,
        String qrToken,
        Instant lastInspectedAt,
        LocalDate nextInspection,
        boolean inspectionOverdue) {}
