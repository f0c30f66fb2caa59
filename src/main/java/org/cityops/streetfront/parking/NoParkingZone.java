package org.cityops.streetfront.parking;

/** 禁停区: a polygon (WGS-84 lon/lat WKT) where no bicycle may be parked, its area in m². */
public record NoParkingZone(
        long id, String code, String name, String polygonWkt, double areaM2, String districtCode, boolean synthetic) {}
