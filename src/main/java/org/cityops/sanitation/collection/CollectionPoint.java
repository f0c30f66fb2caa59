package org.cityops.sanitation.collection;

/** A collection point (收集点): 地埋桶 or 转运站, WGS-84. */
public record CollectionPoint(
        long id,
        String code,
        String name,
        PointKind kind,
        String kindLabel,
        double lat,
        double lon,
        String districtCode) {}
