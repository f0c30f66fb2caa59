package org.cityops.streetfront.parking;

import java.math.BigDecimal;
import java.time.Instant;

/** 违停拖移: who towed which vehicle from where and when, the storage yard, and its release (fee or none). */
public record TowRecord(
        long id,
        String vehicleKind,
        String vehicleKindLabel,
        String vehicleId,
        Long operatorId,
        String operatorName,
        double lat,
        double lon,
        String address,
        String districtCode,
        String towedBy,
        Instant towedAt,
        String yard,
        Instant releasedAt,
        String releasedTo,
        String releasedBy,
        BigDecimal fee,
        String feeNote) {

    public boolean released() {
        return releasedAt != null;
    }
}
