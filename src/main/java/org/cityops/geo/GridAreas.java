package org.cityops.geo;

import java.util.Map;

/** The surface of the unit grids (单元网格), for figures per km² (the statistics' hot-spot grids). */
public interface GridAreas {

    /**
     * @param areaPrefix a district/street/community/grid code prefix ("" = the whole city)
     * @return grid code → area in km², for every grid of the current layer under the prefix
     */
    Map<String, Double> areasKm2(String areaPrefix);
}
