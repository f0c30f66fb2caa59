package org.cityops.geo;

/**
 * Where a point lies: its unit grid (单元网格, 15-digit code) and the community (社区), street (街道) and
 * district (区) above it, with codes and names. The codes are prefixes of each other (6 → 9 → 12 → 15 digits).
 */
public record GridLocation(
        String gridCode,
        String communityCode,
        String communityName,
        String streetCode,
        String streetName,
        String districtCode,
        String districtName) {}
