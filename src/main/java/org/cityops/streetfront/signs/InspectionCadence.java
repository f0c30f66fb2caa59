package org.cityops.streetfront.signs;

/**
 * How often a facility's structure is checked (结构安全检查周期), by class, kind and size. CJJ/T 149-2021 asks for
 * periodic safety inspection, LED screens included; the intervals here are the bureau's policy, not the standard's
 * numbers (see docs/streetfront.md): a large facility — 独立式, an LED screen, or a face of at least
 * {@link #LARGE_AREA_M2} m² — every 90 days, a 移动式 one every 30 days, any other every 365 days. Large facilities
 * are the ones a wind warning's mass inspection covers.
 */
public final class InspectionCadence {

    public static final double LARGE_AREA_M2 = 10.0;

    private InspectionCadence() {}

    public static boolean large(FacilityClass c, FacilityKind k, double areaM2) {
        return c == FacilityClass.FREESTANDING || k == FacilityKind.LED_SCREEN || areaM2 >= LARGE_AREA_M2;
    }

    /** Days between two safety inspections. */
    public static int intervalDays(FacilityClass c, FacilityKind k, double areaM2) {
        if (c == FacilityClass.MOBILE) {
            return 30;
        }
        return large(c, k, areaM2) ? 90 : 365;
    }
}
