package org.cityops.catalog.web;

import org.cityops.org.StaffRoles;

/** Role expressions of the catalogue's controllers. */
final class Roles {

    /** Every staff role: the catalogue, limits, routing and calendar are reference data for all. */
    static final String ALL_STAFF = StaffRoles.ANY;

    static final String ADMIN = "hasAnyRole('ADMIN')";

    private Roles() {}
}
