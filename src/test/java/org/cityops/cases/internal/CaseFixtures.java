package org.cityops.cases.internal;

import java.util.Set;
import java.util.UUID;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.org.DataScope;
import org.cityops.org.Role;

/**
 * Demo staff as the case service sees them (city-wide scope), and a fresh case, for tests that call the service
 * directly.
 */
public final class CaseFixtures {

    public static final Performer OPERATOR =
            new Performer("operator1", "受理员", Set.of(Role.OPERATOR), DataScope.CITY, "", null);
    public static final Performer SHIFT =
            new Performer("shiftlead1", "值班长", Set.of(Role.SHIFT_LEADER), DataScope.CITY, "", null);
    public static final Performer INSPECTOR =
            new Performer("inspector1", "监督员", Set.of(Role.INSPECTOR), DataScope.CITY, "", null);

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
