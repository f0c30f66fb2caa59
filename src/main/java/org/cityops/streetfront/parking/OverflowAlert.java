package org.cityops.streetfront.parking;

import java.time.Instant;

/** 溢出告警: an area held more bicycles than its capacity; closed by a later count within capacity. */
public record OverflowAlert(
        long id,
        long areaId,
        String areaCode,
        String areaName,
        String districtCode,
        Instant openedAt,
        int occupancy,
        int capacity,
        Instant closedAt) {}
