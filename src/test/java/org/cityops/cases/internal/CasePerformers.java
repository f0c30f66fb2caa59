package org.cityops.cases.internal;

import java.util.Set;

import org.cityops.org.DataScope;
import org.cityops.org.Role;

/** Demo staff as the case service sees them (city-wide scope), for tests that call the service directly. */
public final class CasePerformers {

    public static final Performer OPERATOR = new Performer("operator1", "受理员", Set.of(Role.OPERATOR),
            DataScope.CITY, "", null);
    public static final Performer SHIFT = new Performer("shiftlead1", "值班长", Set.of(Role.SHIFT_LEADER),
            DataScope.CITY, "", null);
    public static final Performer INSPECTOR = new Performer("inspector1", "监督员", Set.of(Role.INSPECTOR),
            DataScope.CITY, "", null);

    private CasePerformers() {
    }
}
