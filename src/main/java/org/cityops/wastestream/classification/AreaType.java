package org.cityops.wastestream.classification;

/**
 * Where a unit lies for the coverage targets (seed: 建成区 80 %, 农村 50 %): 市区建成区 (built-up area of the urban
 * districts), 县级市建成区 (built-up area of a county-level city such as 溧阳; the seed reports it apart), 农村 (outside
 * the built-up areas, rural).
 */
public enum AreaType {
    URBAN("市区建成区"),
    COUNTY("县级市建成区"),
    RURAL("农村");

    private final String label;

    AreaType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From the district (county-level city or not) and whether the unit lies outside the built-up area. */
    public static AreaType of(boolean countyLevelCity, boolean rural) {
        if (rural) {
            return RURAL;
        }
        return countyLevelCity ? COUNTY : URBAN;
    }
}
