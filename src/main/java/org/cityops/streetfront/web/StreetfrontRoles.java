package org.cityops.streetfront.web;

/**
 * Who may do what in the street-front pages and API. No street-front role of its own yet: administrators keep the
 * ledger and start mass inspections (leaders too), inspectors (监督员) inspect, leaders read.
 */
final class StreetfrontRoles {

    static final String READ = "hasAnyRole('ADMIN','INSPECTOR','LEADER')";
    static final String MANAGE = "hasAnyRole('ADMIN','LEADER')";
    static final String INSPECT = "hasAnyRole('ADMIN','INSPECTOR')";

    private StreetfrontRoles() {}
}
