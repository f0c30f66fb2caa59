/**
 * 单元网格 (unit grids, GB/T 30428.1): GeoJSON import with validation and the point → grid → community → street →
 * district lookup. API: {@link org.cityops.geo.GridLocator}, {@link org.cityops.geo.GridLocation},
 * {@link org.cityops.geo.GridCode}. The synthetic demo layer lives in {@code geo.demo}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "geo",
        allowedDependencies = {"platform", "audit", "org"})
package org.cityops.geo;
