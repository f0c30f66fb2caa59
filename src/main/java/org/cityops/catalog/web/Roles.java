package org.cityops.catalog.web;

/** Role expressions of the catalogue's controllers. */
final class Roles {

    /** Every staff role: the catalogue, limits, routing and calendar are reference data for all. */
    static final String ALL_STAFF = "hasAnyRole('ADMIN','OPERATOR','SHIFT_LEADER','DISPATCHER','INSPECTOR','HANDLER',"
            + "'ASSESSOR','LEADER','RECTIFICATION_OFFICE','MUCK_SUPERVISOR','SANITATION_SUPERVISOR')";

    static final String ADMIN = "hasAnyRole('ADMIN')";

    private Roles() {}
}
