package org.cityops.geo;

/**
 * The coordinate system a tile source (basemap) is drawn in. Every position cityops stores (JT/T 808 terminals,
 * grids, case points, fences) is {@link #WGS84}; a map over a {@link #GCJ02} basemap shows them converted.
 */
public enum CoordinateSystem {
    /** WGS-84 (GPS, JT/T 808) and CGCS2000 (天地图): the same to well below a metre at city scale. */
    WGS84,
    /** GCJ-02 (国测局坐标, "火星坐标"): the obfuscated system of 高德, 腾讯 and Google's China tiles. */
    GCJ02
}
