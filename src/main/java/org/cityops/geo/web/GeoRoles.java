package org.cityops.geo.web;

/** Role expressions of the geo pages and API. */
final class GeoRoles {

    static final String ALL_STAFF = "hasAnyRole('ADMIN','OPERATOR','SHIFT_LEADER','DISPATCHER','INSPECTOR','HANDLER',"
            + "'ASSESSOR','LEADER','RECTIFICATION_OFFICE','MUCK_SUPERVISOR','SANITATION_SUPERVISOR')";

    private GeoRoles() {}
}
