package org.cityops.cases.internal;

import java.util.Set;
import java.util.UUID;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;

/**
 * Demo staff as the case service sees them (city-wide scope), and a fresh case, for tests that call the service
 * directly.
 */
public final class CaseFixtures {

    public static final StaffMember OPERATOR =
            new StaffMember(0, "operator1", "受理员", Set.of(Role.OPERATOR), DataScope.CITY, null, null, null);
    public static final StaffMember SHIFT =
            new StaffMember(0, "shiftlead1", "值班长", Set.of(Role.SHIFT_LEADER), DataScope.CITY, null, null, null);
    public static final StaffMember INSPECTOR =
            new StaffMember(0, "inspector1", "监督员", Set.of(Role.INSPECTOR), DataScope.CITY, null, null, null);

    /** A hotline case of the first active category somewhere in the city, taken in by operator1. */
    public static long newCase(CaseService cases, GridLocator locator, Catalog catalog, String description) {
        Places.Place p = Places.any(locator);
        return cases.intake(
                        new NewCase(
                                CaseChannel.HOTLINE,
                                catalog.activeCategories().get(0).qualifiedCode(),
                                description + " " + UUID.randomUUID(),
                                p.lat(),
                                p.lon(),
                                null,
                                null,
                                null,
                                null),
                        OPERATOR,
                        null,
                        null,
                        null)
                .caseId();
    }

    private CaseFixtures() {}
}
