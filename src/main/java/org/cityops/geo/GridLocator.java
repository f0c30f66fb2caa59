package org.cityops.geo;

import java.util.Optional;

/** Point → grid → community → street → district, from an in-memory spatial index. WGS-84 degrees. */
public interface GridLocator {

    /** Empty when the point lies in no grid (outside the city, or in a gap). */
    Optional<GridLocation> locate(double lat, double lon);
}
