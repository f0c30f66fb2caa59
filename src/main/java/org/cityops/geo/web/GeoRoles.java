package org.cityops.geo.web;

import org.cityops.org.StaffRoles;

/** Role expressions of the geo pages and API. */
final class GeoRoles {

    static final String ALL_STAFF = StaffRoles.ANY;

    private GeoRoles() {}
}
